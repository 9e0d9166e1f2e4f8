import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { changeConnectorAction } from './actions/changeConnector';
import { createConnectorAction } from './actions/createConnector';
import { readKafkaConnectScaffolderConfig } from './config';
import { BlueprintRegistry } from './services/BlueprintRegistry';
import { BackendConnectClusterDirectory } from './services/ConnectClusterDirectory';
import { KubernetesConnectorApplier } from './services/ConnectorApplier';

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
      },
      async init({ scaffolder, config, logger, discovery, auth }) {
        const settings = readKafkaConnectScaffolderConfig(config);
        const blueprints = BlueprintRegistry.load(
          settings.blueprintLocations,
          logger,
        );
        logger.info(`Kafka Connect blueprints: ${blueprints.ids().join(', ')}`);
        scaffolder.addActions(
          createConnectorAction({
            blueprints,
            directory: new BackendConnectClusterDirectory(discovery, auth),
            applier: new KubernetesConnectorApplier(
              config,
              settings.fieldManager,
            ),
          }),
          changeConnectorAction({
            blueprints,
            applier: new KubernetesConnectorApplier(
              config,
              settings.fieldManager,
            ),
          }),
        );
      },
    });
  },
});
