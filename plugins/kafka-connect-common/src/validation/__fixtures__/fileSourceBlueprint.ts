import type { ConnectorBlueprint } from '../../blueprints/types';

/** A FileStream source blueprint, as a platform team would add one. */
export const FILE_SOURCE_BLUEPRINT: ConnectorBlueprint = {
  id: 'file-source',
  title: 'File source',
  description: 'Lines of a file into a topic.',
  connector: {
    class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    type: 'source',
    plugin: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
  },
  parameters: {
    type: 'object',
    required: ['feed', 'topic'],
    properties: {
      feed: { type: 'string' },
      topic: { type: 'string' },
      batchSize: { type: 'string' },
    },
  },
  naming: 'file-{{feed}}',
  config: {
    file: '{{feed}}.txt',
    topic: '{{topic}}',
    'batch.size': '{{batchSize}}',
    'topic.creation.default.partitions': 1,
    'producer.override.client.id': '{{namespace}}-{{name}}',
    'errors.tolerance': 'none',
  },
  secrets: { 'sasl.jaas.config': '${secrets:{{namespace}}/kafka:jaas}' },
  defaults: { tasksMax: 1, state: 'running' },
  helmValues: { path: ['connectors'], entry: { name: '{{name}}' } },
};
