import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { KafkaConnectClusterConfig } from './config';

/**
 * Supplies clusters (with credentials) beyond those in app-config, through {@link kafkaConnectClustersExtensionPoint}.
 * @public
 */
export interface KafkaConnectClusterSupplier {
  getClusters(): Promise<KafkaConnectClusterConfig[]>;
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
