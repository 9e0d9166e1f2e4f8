import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { KafkaConnectClusterConfig } from './config';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';

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

/**
 * Lets a backend module add an auth strategy for an `authProvider` value, as
 * kubernetesAuthStrategyExtensionPoint does for Backstage's Kubernetes
 * plugin (the same strategy objects work in both). A module's strategy
 * takes the place of the built-in one with the same key.
 * @public
 */
export interface KafkaConnectAuthStrategyExtensionPoint {
  /** Serves clusters whose authProvider is `key`. */
  addAuthStrategy(key: string, strategy: AuthenticationStrategy): void;
}

/**
 * Extension point of the kafka-connect backend plugin for auth strategies.
 * @public
 */
export const kafkaConnectAuthStrategyExtensionPoint =
  createExtensionPoint<KafkaConnectAuthStrategyExtensionPoint>({
    id: 'kafka-connect.auth-strategy',
  });
