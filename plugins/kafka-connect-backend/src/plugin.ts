import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  addCustomAuthStrategy,
  kafkaConnectAuthStrategyExtensionPoint,
  KafkaConnectClusterSupplier,
  kafkaConnectClusterRegistryServiceRef,
  kafkaConnectClustersExtensionPoint,
  strimziResourceCacheServiceRef,
} from '@kcs/plugin-kafka-connect-node';
import { addClusterSources } from './service/clusterSources';
import { startHealthHistory } from './service/healthHistory';
import { addPermissionResources } from './service/permissionResources';
import { createPluginRouter } from './service/pluginRouter';

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
      async init(deps) {
        const { httpRouter, permissionsRegistry, cache } = deps;
        addPermissionResources(permissionsRegistry, cache);
        await addClusterSources({ ...deps, suppliers });
        const { history, onShutdown } = await startHealthHistory(deps);
        httpRouter.use(
          await createPluginRouter({ ...deps, history, onShutdown }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
