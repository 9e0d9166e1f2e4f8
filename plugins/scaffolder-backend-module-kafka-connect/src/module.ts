import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { kafkaConnectClusterRegistryServiceRef } from '@kcs/plugin-kafka-connect-node';
import { changeConnectorAction } from './actions/changeConnector';
import { createConnectorAction } from './actions/createConnector';
import { readKafkaConnectScaffolderConfig } from './config';
import { readValidationConfig } from '@kcs/plugin-kafka-connect-node';
import { BlueprintRegistry } from './services/BlueprintRegistry';
import { BackendConnectorValidator } from './services/ConnectorValidator';
import { BackendConnectClusterDirectory } from './services/ConnectClusterDirectory';
import { KubernetesConnectorApplier } from './services/ConnectorApplier';
import { PermissionsSelfServiceGuard } from './services/SelfServiceGuard';

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
      async init({
        scaffolder,
        config,
        logger,
        discovery,
        auth,
        permissions,
        auditor,
        clusters,
      }) {
        const settings = readKafkaConnectScaffolderConfig(config);
        const blueprints = BlueprintRegistry.load(
          settings.blueprintLocations,
          logger,
        );
        logger.info(`Kafka Connect blueprints: ${blueprints.ids().join(', ')}`);
        // Applied changes and creations ask the permissions the REST API asks.
        const guard = new PermissionsSelfServiceGuard(permissions);
        const { targets } = settings;
        // The suite's one cluster registry: clusters from app-config, backend
        // modules and the catalog all take applies.
        const applier = new KubernetesConnectorApplier(
          clusters,
          settings.fieldManager,
        );
        // Asks the backend only for Connect clusters kafkaConnect.validation covers.
        const validator = new BackendConnectorValidator(
          discovery,
          auth,
          readValidationConfig(config),
        );
        scaffolder.addActions(
          createConnectorAction({
            blueprints,
            directory: new BackendConnectClusterDirectory(discovery, auth),
            applier,
            guard,
            auditor,
            targets,
            validator,
          }),
          changeConnectorAction({
            blueprints,
            applier,
            guard,
            auditor,
            targets,
            validator,
          }),
        );
      },
    });
  },
});
