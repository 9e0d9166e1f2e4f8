import {
  configApiRef,
  createApiFactory,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { KafkaConnectClient } from '@kcs/plugin-kafka-connect-common';
import {
  KafkaConnectClusterPicker,
  KAFKA_CONNECT_CLUSTER_PICKER,
  validateKafkaConnectClusterChoice,
} from './components/KafkaConnectClusterPicker';
import { kafkaConnectApiRef } from './api';
import { isKafkaConnectAvailable } from './filter';

const kafkaConnectApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kafkaConnectApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KafkaConnectClient({ discoveryApi, fetchApi }),
    }),
});

const kafkaConnectEntityCard = EntityCardBlueprint.make({
  name: 'connectors',
  params: {
    filter: isKafkaConnectAvailable,
    loader: () =>
      import('./components/EntityKafkaConnectCard').then(m => (
        <m.EntityKafkaConnectCard />
      )),
  },
});

const kafkaConnectEntityContent = EntityContentBlueprint.make({
  name: 'connectors',
  params: {
    path: '/kafka-connect',
    title: 'Kafka Connect',
    filter: isKafkaConnectAvailable,
    loader: () =>
      import('./components/EntityKafkaConnectContent').then(m => (
        <m.EntityKafkaConnectContent />
      )),
  },
});

const kafkaConnectClusterField = FormFieldBlueprint.make({
  name: 'connect-cluster',
  params: {
    field: () =>
      import('./components/KafkaConnectClusterPicker/formField').then(
        m => m.kafkaConnectClusterFormField,
      ),
  },
});

/**
 * The kafka-connect frontend plugin (new frontend system).
 * @public
 */
export const kafkaConnectPlugin = createFrontendPlugin({
  pluginId: 'kafka-connect',
  extensions: [
    kafkaConnectApi,
    kafkaConnectEntityCard,
    kafkaConnectEntityContent,
    kafkaConnectClusterField,
  ],
});

/**
 * The plugin for apps on the legacy frontend system.
 * @public
 */
export const legacyKafkaConnectPlugin = createPlugin({
  id: 'kafka-connect',
  apis: [
    createApiFactory({
      api: kafkaConnectApiRef,
      deps: {
        discoveryApi: discoveryApiRef,
        fetchApi: fetchApiRef,
        configApi: configApiRef,
      },
      factory: ({ discoveryApi, fetchApi }) =>
        new KafkaConnectClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Connect cluster field for the legacy frontend system's scaffolder:
 * put it inside `<ScaffolderFieldExtensions>`.
 * @public
 */
export const KafkaConnectClusterPickerFieldExtension =
  legacyKafkaConnectPlugin.provide(
    createScaffolderFieldExtension({
      name: KAFKA_CONNECT_CLUSTER_PICKER,
      component: KafkaConnectClusterPicker,
      validation: validateKafkaConnectClusterChoice,
    }),
  );
