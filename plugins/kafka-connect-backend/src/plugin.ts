import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { kafkaConnectPermissions } from '@kcs/plugin-kafka-connect-common';
import {
  KafkaConnectClusterSupplier,
  kafkaConnectClustersExtensionPoint,
  strimziResourceCacheServiceRef,
} from '@kcs/plugin-kafka-connect-node';
import { createRouter } from './service/router';
import { unknownRoute } from './service/unknownRoute';

/**
 * The kafka-connect backend plugin: connector health from Strimzi resources.
 * @public
 */
export const kafkaConnectPlugin = createBackendPlugin({
  pluginId: 'kafka-connect',
  register(env) {
    const suppliers: KafkaConnectClusterSupplier[] = [];
    env.registerExtensionPoint(kafkaConnectClustersExtensionPoint, {
      addClusterSupplier(supplier) {
        suppliers.push(supplier);
      },
    });
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        cache: strimziResourceCacheServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        logger,
        permissions,
        permissionsRegistry,
        catalog,
        cache,
      }) {
        permissionsRegistry.addPermissions(kafkaConnectPermissions);
        for (const supplier of suppliers) {
          cache.addClusters(await supplier.getClusters());
        }
        httpRouter.use(
          await createRouter({ logger, cache, catalog, httpAuth, permissions }),
        );
        httpRouter.use(unknownRoute);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
