import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { kafkaConnectClusterRegistryServiceRef } from '../clusters/service';
import { readOwnershipConfig } from './ownershipConfig';
import {
  StrimziResourceCache,
  StrimziResourceReader,
} from './StrimziResourceCache';

/**
 * The one cache of Strimzi resources in a backend, shared by the kafka-connect
 * plugin and the catalog module (root scope: one watch per cluster and kind).
 * @public
 */
export const strimziResourceCacheServiceRef =
  createServiceRef<StrimziResourceReader>({
    id: 'kafka-connect.resource-cache',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.rootLogger,
          lifecycle: coreServices.rootLifecycle,
          registry: kafkaConnectClusterRegistryServiceRef,
        },
        async factory({ config, logger, lifecycle, registry }) {
          const clusters = registry.list();
          const cache = new StrimziResourceCache(
            clusters,
            logger.child({ plugin: 'kafka-connect' }),
            readOwnershipConfig(config),
          );
          cache.start();
          // Clusters that modules or the catalog add or drop later.
          const unsubscribe = registry.subscribe(({ added, removed }) => {
            cache.removeClusters(removed.map(cluster => cluster.name));
            cache.addClusters(added);
          });
          logger.info(
            `Kafka Connect: watching ${clusters.length} cluster(s): ${
              clusters.map(c => c.name).join(', ') || 'none configured'
            }`,
          );
          lifecycle.addShutdownHook(() => {
            unsubscribe();
            return cache.stop();
          });
          return cache;
        },
      }),
  });
