import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  kafkaConnectCreatePermission,
  kafkaConnectOperatePermission,
  kafkaConnectPermissions,
} from '@kcs/plugin-kafka-connect-common';
import {
  addCustomAuthStrategy,
  kafkaConnectAuthStrategyExtensionPoint,
  KafkaConnectClusterSupplier,
  kafkaConnectClusterRegistryServiceRef,
  kafkaConnectClustersExtensionPoint,
  kafkaConnectorPermissionResourceRef,
  kafkaConnectorPermissionRules,
  kafkaConnectorTargetPermissionResourceRef,
  kafkaConnectorTargetPermissionRules,
  BlueprintRegistry,
  readBlueprintLocations,
  readValidationConfig,
  strimziResourceCacheServiceRef,
} from '@kcs/plugin-kafka-connect-node';
import { ConnectorOperations } from './service/operations';
import { OffsetsService } from './service/offsetsService';
import { permissionResourceOf } from './service/connectors';
import { createRouter } from './service/router';
import { targetResourceOf } from './service/targets';
import { unknownRoute } from './service/unknownRoute';
import {
  CatalogClusterSource,
  readCatalogClusterLocator,
} from './service/catalogClusterSource';
import {
  readCatalogEntityKeepMs,
  readHistoryRetentionDays,
  readSettleTimeMs,
  readStrimziVersions,
} from './service/healthConfig';
import { HealthHistoryStore } from './service/healthHistoryStore';
import { readOperationsSafety } from './service/operationsSafety';
import { createValidateRouter } from './service/validation/validateRoute';

/**
 * The kafka-connect backend plugin: connector health from Strimzi resources.
 * @public
 */
export const kafkaConnectPlugin = createBackendPlugin({
  pluginId: 'kafka-connect',
  register(env) {
    const suppliers: KafkaConnectClusterSupplier[] = [];
    env.registerExtensionPoint(kafkaConnectAuthStrategyExtensionPoint, {
      addAuthStrategy(key, strategy) {
        addCustomAuthStrategy(key, strategy);
      },
    });
    env.registerExtensionPoint(kafkaConnectClustersExtensionPoint, {
      addClusterSupplier(supplier) {
        suppliers.push(supplier);
      },
    });
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        cache: strimziResourceCacheServiceRef,
        registry: kafkaConnectClusterRegistryServiceRef,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
      },
      async init({
        httpRouter,
        httpAuth,
        auth,
        logger,
        permissions,
        permissionsRegistry,
        auditor,
        config,
        catalog,
        cache,
        registry,
        database,
        scheduler,
        lifecycle,
      }) {
        permissionsRegistry.addPermissions(kafkaConnectPermissions);
        // Clusters of backend modules join app-config's in the one registry
        // that the cache, the operations and the scaffolder's apply read.
        for (const [index, supplier] of suppliers.entries()) {
          registry.setClusters(
            `extension:${index + 1}`,
            await supplier.getClusters(),
          );
        }
        const catalogLocator = readCatalogClusterLocator(config);
        if (catalogLocator) {
          const source = new CatalogClusterSource({
            catalog,
            auth,
            registry,
            logger,
            rootConfig: config,
            locator: catalogLocator,
          });
          await scheduler.scheduleTask({
            id: 'kafka-connect-catalog-clusters',
            // Every replica watches every cluster, so each reads the catalog.
            scope: 'local',
            frequency: { seconds: catalogLocator.refreshSeconds },
            timeout: { minutes: 2 },
            fn: () => source.refresh(),
          });
        }
        const kubeConfigOf = (cluster: string) =>
          registry.get(cluster) ? registry.kubeConfig(cluster) : undefined;
        const operations = new ConnectorOperations(kubeConfigOf, {
          // The watch cache shows when the operator removed an annotation.
          current: target =>
            cache.get(
              target.kind,
              target.cluster,
              target.namespace,
              target.name,
            )?.resource,
          onQueueEnd: (target, outcome) =>
            logger.info(
              `Queued restarts of ${target.kind} ${target.namespace}/${target.name} in cluster ${target.cluster}: ${outcome}`,
            ),
        });
        const settleTimeMs = readSettleTimeMs(config);
        const strimziVersions = readStrimziVersions(config);
        const retentionDays = readHistoryRetentionDays(config);
        const history = await HealthHistoryStore.create(database);
        let stopRecording = () => {};
        lifecycle.addShutdownHook(async () => {
          stopRecording();
          await history.close();
        });
        // The scheduler runs it on one replica at a time.
        await scheduler.scheduleTask({
          id: 'kafka-connect-health-history-prune',
          frequency: { hours: 1 },
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const pruned = await history.prune(
              new Date(Date.now() - retentionDays * 24 * 60 * 60 * 1000),
            );
            if (pruned > 0) {
              logger.info(
                `Pruned ${pruned} connector health transitions older than ${retentionDays} days`,
              );
            }
          },
        });
        const operationsSafety = readOperationsSafety(config);
        if (operationsSafety.warning) {
          logger.warn(operationsSafety.warning);
        }
        permissionsRegistry.addResourceType({
          resourceRef: kafkaConnectorPermissionResourceRef,
          permissions: [kafkaConnectOperatePermission],
          rules: Object.values(kafkaConnectorPermissionRules),
          getResources: async resourceRefs =>
            resourceRefs.map(ref => permissionResourceOf(ref, cache)),
        });
        // Where the scaffolder may create connectors, and for whom.
        permissionsRegistry.addResourceType({
          resourceRef: kafkaConnectorTargetPermissionResourceRef,
          permissions: [kafkaConnectCreatePermission],
          rules: Object.values(kafkaConnectorTargetPermissionRules),
          getResources: async resourceRefs =>
            resourceRefs.map(ref => targetResourceOf(ref, cache)),
        });
        httpRouter.use(
          await createRouter({
            logger,
            cache,
            catalog,
            httpAuth,
            auth,
            permissions,
            auditor,
            operations,
            catalogEntityKeepMs: readCatalogEntityKeepMs(config),
            settleTimeMs,
            strimziVersions,
            history,
            onShutdown: stop => {
              stopRecording = stop;
            },
            operationsRefusal: operationsSafety.refusal,
            offsets: new OffsetsService(kubeConfigOf),
          }),
        );
        // Checking configs with Kafka Connect: off unless kafkaConnect.validation is set.
        const validation = readValidationConfig(
          config,
          registry.list().map(cluster => cluster.name),
        );
        httpRouter.use(
          createValidateRouter({
            httpAuth,
            permissions,
            blueprints: BlueprintRegistry.load(
              readBlueprintLocations(config),
              logger,
            ),
            validation,
            kubeConfigOf,
          }),
        );
        httpRouter.use(unknownRoute);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
