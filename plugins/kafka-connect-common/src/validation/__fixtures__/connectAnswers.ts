import type { ConnectValidationAnswer } from '../types';

/**
 * Kafka Connect 4.3.1's answer for a FileStream source with an empty topic and
 * `batch.size: lots` (captured from the dev cluster's real worker, trimmed to
 * the settings used here).
 */
export const FILE_SOURCE_TWO_ERRORS: ConnectValidationAnswer = {
  name: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
  error_count: 2,
  groups: [
    'Common',
    'Transforms',
    'Predicates',
    'Error Handling',
    'Topic Creation',
    'Exactly Once Support',
    'offsets.topic',
  ],
  configs: [
    {
      definition: {
        name: 'name',
        type: 'STRING',
        required: true,
        default_value: null,
        importance: 'HIGH',
        group: 'Common',
        order_in_group: 1,
        width: 'MEDIUM',
        display_name: 'Connector name',
        dependents: [],
      },
      value: {
        name: 'name',
        value: 'x',
        recommended_values: [],
        errors: [],
        visible: true,
      },
    },
    {
      definition: {
        name: 'connector.class',
        type: 'STRING',
        required: true,
        default_value: null,
        importance: 'HIGH',
        group: 'Common',
        order_in_group: 2,
        width: 'LONG',
        display_name: 'Connector class',
        dependents: [],
      },
      value: {
        name: 'connector.class',
        value: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
        recommended_values: [],
        errors: [],
        visible: true,
      },
    },
    {
      definition: {
        name: 'tasks.max',
        type: 'INT',
        required: false,
        default_value: '1',
        importance: 'HIGH',
        group: 'Common',
        order_in_group: 4,
        width: 'SHORT',
        display_name: 'Tasks max',
        dependents: [],
      },
      value: {
        name: 'tasks.max',
        value: '1',
        recommended_values: [],
        errors: [],
        visible: true,
      },
    },
    {
      definition: {
        name: 'file',
        type: 'STRING',
        required: false,
        default_value: null,
        importance: 'HIGH',
        group: null,
        order_in_group: -1,
        width: 'NONE',
        display_name: 'file',
        dependents: [],
      },
      value: {
        name: 'file',
        value: 'a.txt',
        recommended_values: [],
        errors: [],
        visible: true,
      },
    },
    {
      definition: {
        name: 'topic',
        type: 'STRING',
        required: true,
        default_value: null,
        importance: 'HIGH',
        group: null,
        order_in_group: -1,
        width: 'NONE',
        display_name: 'topic',
        dependents: [],
      },
      value: {
        name: 'topic',
        value: '',
        recommended_values: [],
        errors: [
          'Invalid value  for configuration topic: String must be non-empty',
        ],
        visible: true,
      },
    },
    {
      definition: {
        name: 'batch.size',
        type: 'INT',
        required: false,
        default_value: '2000',
        importance: 'LOW',
        group: null,
        order_in_group: -1,
        width: 'NONE',
        display_name: 'batch.size',
        dependents: [],
      },
      value: {
        name: 'batch.size',
        value: null,
        recommended_values: [],
        errors: [
          'Invalid value lots for configuration batch.size: Not a number of type INT',
        ],
        visible: true,
      },
    },
  ],
};
