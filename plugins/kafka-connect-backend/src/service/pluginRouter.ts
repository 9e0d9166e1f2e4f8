import type {
  AuditorService,
  AuthService,
  HttpAuthService,
  LifecycleService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BlueprintRegistry,
  type KafkaConnectClusterRegistry,
  readBlueprintLocations,
  readStrimziVersions,
  readValidationConfig,
  type StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import type express from 'express';
import Router from 'express-promise-router';
import { readCatalogEntityKeepMs, readSettleTimeMs } from './healthConfig';
import type { HealthHistoryStore } from './healthHistoryStore';
import { OffsetsService } from './offsetsService';
import { ConnectorOperations } from './operations';
import { readOperationsSafety } from './operationsSafety';
import { RestartDialects } from './restartDialects';
import { createRouter } from './router';
import { unknownRoute } from './unknownRoute';
import { createValidateRouter } from './validation/validateRoute';

/** What the plugin's routes need from the backend. */
export interface PluginRouterOptions {
  config: Config;
  logger: LoggerService;
  cache: StrimziResourceReader;
  registry: KafkaConnectClusterRegistry;
  catalog: CatalogService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  lifecycle: LifecycleService;
  history: HealthHistoryStore;
  /** Called with what to stop when the plugin shuts down. */
  onShutdown: (stop: () => void) => void;
}

/**
 * Every route of the plugin: the REST API, validation through Kafka Connect,
 * then a 404 that names an unknown path. Operations, offsets and validation
 * reach clusters through the one registry.
 */
export async function createPluginRouter(
  options: PluginRouterOptions,
): Promise<express.Router> {
  const { config, logger, cache, registry } = options;
  const kubeConfigOf = (cluster: string) =>
    registry.get(cluster) ? registry.kubeConfig(cluster) : undefined;
  const operations = new ConnectorOperations(kubeConfigOf, {
    // The watch cache shows when the operator removed an annotation.
    current: target =>
      cache.get(target.kind, target.cluster, target.namespace, target.name)
        ?.resource,
    onQueueEnd: (target, outcome) =>
      logger.info(
        `Queued restarts of ${target.kind} ${target.namespace}/${target.name} in cluster ${target.cluster}: ${outcome}`,
      ),
  });
  // Subscribed before the router's stores, so a summary built from an
  // event already knows what that event taught.
  const restartDialects = new RestartDialects(cache, { logger });
  options.lifecycle.addShutdownHook(() => restartDialects.close());
  const operationsSafety = readOperationsSafety(config);
  if (operationsSafety.warning) {
    logger.warn(operationsSafety.warning);
  }
  const router = Router();
  router.use(
    await createRouter({
      logger,
      cache,
      catalog: options.catalog,
      auth: options.auth,
      catalogEntityKeepMs: readCatalogEntityKeepMs(config),
      httpAuth: options.httpAuth,
      permissions: options.permissions,
      auditor: options.auditor,
      operations,
      settleTimeMs: readSettleTimeMs(config),
      strimziVersions: readStrimziVersions(config),
      restartDialects,
      history: options.history,
      onShutdown: options.onShutdown,
      operationsRefusal: operationsSafety.refusal,
      offsets: new OffsetsService(kubeConfigOf),
    }),
  );
  // Checking configs with Kafka Connect: off unless kafkaConnect.validation is set.
  router.use(
    createValidateRouter({
      httpAuth: options.httpAuth,
      permissions: options.permissions,
      blueprints: BlueprintRegistry.load(
        readBlueprintLocations(config),
        logger,
      ),
      validation: readValidationConfig(
        config,
        registry.list().map(cluster => cluster.name),
      ),
      kubeConfigOf,
    }),
  );
  router.use(unknownRoute);
  return router;
}
