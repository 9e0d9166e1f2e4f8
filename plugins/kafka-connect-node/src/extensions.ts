import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * A Kubernetes cluster that runs Strimzi, with what it takes to reach it.
 * @public
 */
export interface KafkaConnectClusterDetails {
  /** Unique name, used in URLs and annotations. */
  name: string;
  /** API server URL. */
  url: string;
  /** Namespaces to watch; all namespaces when absent or empty. */
  namespaces?: string[];
}

/**
 * Supplies the clusters the suite watches. The default reads app-config; a
 * module can wrap or replace it through {@link kafkaConnectClustersExtensionPoint}.
 * @public
 */
export interface KafkaConnectClusterSupplier {
  getClusters(): Promise<KafkaConnectClusterDetails[]>;
}

/**
 * Lets a backend module supply clusters and credentials.
 * @public
 */
export interface KafkaConnectClustersExtensionPoint {
  addClusterSupplier(supplier: KafkaConnectClusterSupplier): void;
}

/**
 * Extension point of the kafka-connect backend plugin for cluster suppliers.
 * @public
 */
export const kafkaConnectClustersExtensionPoint =
  createExtensionPoint<KafkaConnectClustersExtensionPoint>({
    id: 'kafka-connect.clusters',
  });
