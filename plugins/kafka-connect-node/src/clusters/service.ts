import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readKafkaConnectClusters } from '../config';
import {
  DefaultKafkaConnectClusterRegistry,
  KafkaConnectClusterRegistry,
} from './ClusterRegistry';

/**
 * The one cluster registry of a backend (root scope), holding the clusters of
 * app-config from the start; the kafka-connect plugin adds those of backend
 * modules and of the catalog.
 * @public
 */
export const kafkaConnectClusterRegistryServiceRef =
  createServiceRef<KafkaConnectClusterRegistry>({
    id: 'kafka-connect.cluster-registry',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.rootLogger,
        },
        async factory({ config, logger }) {
          const registry = new DefaultKafkaConnectClusterRegistry();
          registry.setClusters(
            'config',
            readKafkaConnectClusters(config, {
              logger: logger.child({ plugin: 'kafka-connect' }),
            }),
          );
          return registry;
        },
      }),
  });
