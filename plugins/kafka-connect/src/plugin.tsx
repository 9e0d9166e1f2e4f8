import {
  configApiRef,
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef as createFrontendRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import ExtensionIcon from '@material-ui/icons/Extension';
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
import {
  KafkaConnectOwnerPicker,
  KAFKA_CONNECT_OWNER_PICKER,
} from './components/KafkaConnectOwnerPicker';
import {
  KafkaConnectConfigCheck,
  KAFKA_CONNECT_CONFIG_CHECK,
  validateKafkaConnectConfig,
} from './components/KafkaConnectConfigCheck';
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

/** The ownership page's route; the sidebar lists pages that have one. */
const ownershipPageRouteRef = createFrontendRouteRef();

/** The ownership page: every connector with health and owner (sidebar "Kafka Connect"). */
const kafkaConnectPage = PageBlueprint.make({
  params: {
    path: '/kafka-connect',
    routeRef: ownershipPageRouteRef,
    title: 'Kafka Connect',
    icon: <ExtensionIcon />,
    loader: () =>
      import('./components/OwnershipPage/KafkaConnectOwnershipPage').then(m => (
        <m.KafkaConnectOwnershipPage />
      )),
  },
});

const kafkaConnectOwnerField = FormFieldBlueprint.make({
  name: 'owner',
  params: {
    field: () =>
      import('./components/KafkaConnectOwnerPicker/formField').then(
        m => m.kafkaConnectOwnerFormField,
      ),
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

const kafkaConnectConfigCheckField = FormFieldBlueprint.make({
  name: 'config-check',
  params: {
    field: () =>
      import('./components/KafkaConnectConfigCheck/formField').then(
        m => m.kafkaConnectConfigCheckFormField,
      ),
  },
});

/**
 * The kafka-connect frontend plugin (new frontend system).
 * @public
 */
export const kafkaConnectPlugin = createFrontendPlugin({
  pluginId: 'kafka-connect',
  routes: { root: ownershipPageRouteRef },
  extensions: [
    kafkaConnectApi,
    kafkaConnectEntityCard,
    kafkaConnectEntityContent,
    kafkaConnectPage,
    kafkaConnectClusterField,
    kafkaConnectOwnerField,
    kafkaConnectConfigCheckField,
  ],
});

/** Route of the legacy ownership page. @public */
export const kafkaConnectRootRouteRef = createRouteRef({ id: 'kafka-connect' });

/**
 * The plugin for apps on the legacy frontend system.
 * @public
 */
export const legacyKafkaConnectPlugin = createPlugin({
  id: 'kafka-connect',
  routes: { root: kafkaConnectRootRouteRef },
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
 * The ownership page for apps on the legacy system: mount it on a route such
 * as `/kafka-connect` and add a sidebar item.
 * @public
 */
export const KafkaConnectPage = legacyKafkaConnectPlugin.provide(
  createRoutableExtension({
    name: 'KafkaConnectPage',
    component: () =>
      import('./components/OwnershipPage/KafkaConnectOwnershipPage').then(
        m => m.KafkaConnectOwnershipPage,
      ),
    mountPoint: kafkaConnectRootRouteRef,
  }),
);

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

/**
 * The owner field for the legacy frontend system's scaffolder: the user's
 * own groups first. Put it inside `<ScaffolderFieldExtensions>`.
 * @public
 */
export const KafkaConnectOwnerPickerFieldExtension =
  legacyKafkaConnectPlugin.provide(
    createScaffolderFieldExtension({
      name: KAFKA_CONNECT_OWNER_PICKER,
      component: KafkaConnectOwnerPicker,
    }),
  );

/**
 * The Kafka Connect config check for the legacy frontend system's
 * scaffolder: put it inside `<ScaffolderFieldExtensions>`.
 * @public
 */
export const KafkaConnectConfigCheckFieldExtension =
  legacyKafkaConnectPlugin.provide(
    createScaffolderFieldExtension({
      name: KAFKA_CONNECT_CONFIG_CHECK,
      component: KafkaConnectConfigCheck as never,
      validation: validateKafkaConnectConfig as never,
    }),
  );
