import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { kafkaConnectClusterRegistryServiceRef } from '@kcs/plugin-kafka-connect-node';
import { createKafkaConnectActions } from './actions/createActions';

/**
 * Scaffolder actions for Kafka connectors.
 * @public
 */
export const scaffolderModuleKafkaConnect = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kafka-connect',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        auditor: coreServices.auditor,
        clusters: kafkaConnectClusterRegistryServiceRef,
      },
      async init({ scaffolder, ...deps }) {
        scaffolder.addActions(...createKafkaConnectActions(deps));
      },
    });
  },
});
