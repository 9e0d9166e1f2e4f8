import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  kafkaConnectOperatePermission,
  kafkaConnectPermissions,
  parseResourceRef,
  resolveOwner,
} from '@kcs/plugin-kafka-connect-common';
import {
  KafkaConnectClusterConfig,
  KafkaConnectClusterSupplier,
  kafkaConnectClustersExtensionPoint,
  kafkaConnectorPermissionResourceRef,
  KafkaConnectorPermissionResource,
  kafkaConnectorPermissionRules,
  kubeConfigForCluster,
  readKafkaConnectClusters,
  StrimziResourceReader,
  strimziResourceCacheServiceRef,
} from '@kcs/plugin-kafka-connect-node';
import type { Config } from '@backstage/config';
import type { KubeConfig } from '@kubernetes/client-node';
import { ConnectorOperations } from './service/operations';
import { createRouter } from './service/router';

/** The connector behind a permission resource ref (`<cluster>/<namespace>/<name>`), with its owner. */
function permissionResourceOf(
  resourceRef: string,
  cache: StrimziResourceReader,
  config: Config,
): KafkaConnectorPermissionResource | undefined {
  const ref = parseResourceRef(resourceRef);
  if (!ref) {
    return undefined;
  }
  const found =
    cache.get('KafkaConnector', ref.cluster, ref.namespace, ref.name) ??
    cache.get('KafkaMirrorMaker2', ref.cluster, ref.namespace, ref.name);
  if (!found) {
    return undefined;
  }
  const { owner } = resolveOwner({
    resourceAnnotations: found.resource.metadata?.annotations,
    namespace: ref.namespace,
    namespaceOwners: config.getOptional('kafkaConnect.catalog.namespaceOwners'),
    defaultOwner: config.getOptionalString('kafkaConnect.catalog.defaultOwner'),
  });
  return {
    ...ref,
    kind:
      found.kind === 'KafkaMirrorMaker2'
        ? 'KafkaMirrorMaker2'
        : 'KafkaConnector',
    ...(owner ? { owner } : {}),
  };
}

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
        auditor: coreServices.auditor,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        cache: strimziResourceCacheServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        logger,
        permissions,
        permissionsRegistry,
        auditor,
        config,
        catalog,
        cache,
      }) {
        permissionsRegistry.addPermissions(kafkaConnectPermissions);
        permissionsRegistry.addResourceType({
          resourceRef: kafkaConnectorPermissionResourceRef,
          permissions: [kafkaConnectOperatePermission],
          rules: Object.values(kafkaConnectorPermissionRules),
          getResources: async resourceRefs =>
            resourceRefs.map(ref => permissionResourceOf(ref, cache, config)),
        });
        const clusterConfigs: KafkaConnectClusterConfig[] =
          readKafkaConnectClusters(config);
        for (const supplier of suppliers) {
          const supplied = await supplier.getClusters();
          cache.addClusters(supplied);
          clusterConfigs.push(...supplied);
        }
        const kubeConfigs = new Map<string, KubeConfig>();
        const operations = new ConnectorOperations(cluster => {
          if (!kubeConfigs.has(cluster)) {
            const clusterConfig = clusterConfigs.find(c => c.name === cluster);
            if (clusterConfig) {
              kubeConfigs.set(cluster, kubeConfigForCluster(clusterConfig));
            }
          }
          return kubeConfigs.get(cluster);
        });
        httpRouter.use(
          await createRouter({
            logger,
            cache,
            catalog,
            httpAuth,
            permissions,
            auditor,
            operations,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
