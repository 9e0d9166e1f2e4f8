import type {
  AuditorService,
  AuthService,
  DiscoveryService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  type KafkaConnectClusterRegistry,
  readValidationConfig,
} from '@kcs/plugin-kafka-connect-node';
import { readKafkaConnectScaffolderConfig } from '../config';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { BackendConnectClusterDirectory } from '../services/ConnectClusterDirectory';
import { KubernetesConnectorApplier } from '../services/ConnectorApplier';
import { BackendConnectorValidator } from '../services/ConnectorValidator';
import { PermissionsSelfServiceGuard } from '../services/SelfServiceGuard';
import { changeConnectorAction } from './changeConnector';
import { createConnectorAction } from './createConnector';

/** What the scaffolder actions need from the backend. */
export interface KafkaConnectActionsOptions {
  config: Config;
  logger: LoggerService;
  discovery: DiscoveryService;
  auth: AuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  clusters: KafkaConnectClusterRegistry;
}

/**
 * `kafka-connect:connector:create` and `kafka-connect:connector:change`, with
 * the blueprints, self-service targets and field manager of
 * `kafkaConnect.scaffolder`.
 */
export function createKafkaConnectActions(options: KafkaConnectActionsOptions) {
  const { config, logger, discovery, auth, permissions, auditor, clusters } =
    options;
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
  return [
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
  ];
}
