import type { Config } from '@backstage/config';
import {
  DefaultKafkaConnectClusterRegistry,
  readKafkaConnectClusters,
} from '@kcs/plugin-kafka-connect-node';

/** The cluster registry a backend would build from this config. */
export function clusterRegistryOf(config: Config) {
  const registry = new DefaultKafkaConnectClusterRegistry();
  registry.setClusters('config', readKafkaConnectClusters(config));
  return registry;
}
