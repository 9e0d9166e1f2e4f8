/**
 * Node library of the Kafka Connect suite: cluster configuration, cluster
 * access and the shared watch cache of Strimzi resources, extension points.
 *
 * @packageDocumentation
 */
export * from './extensions';
export { readKafkaConnectClusters, readStrimziVersions } from './config';
export type {
  KafkaConnectClusterAuth,
  KafkaConnectClusterConfig,
} from './config';
export { kubeConfigForCluster } from './kubeConfig';
export {
  addCustomAuthStrategy,
  END_USER_AUTH_PROVIDERS,
} from './auth/strategies';
export type { ClusterCredentials } from './auth/clusterCredentials';
export type { ResourceChange } from './cache/ClusterWatcher';
export type { StrimziKind } from '@kcs/plugin-kafka-connect-common';
export { StrimziResourceCache } from './cache/StrimziResourceCache';
export type {
  CachedResource,
  OwnershipConfig,
  StrimziResourceReader,
} from './cache/StrimziResourceCache';
export { strimziResourceCacheServiceRef } from './cache/service';
export { readOwnershipConfig } from './cache/ownershipConfig';
export {
  createKafkaConnectorConditionalDecision,
  isKafkaConnectorOwnedByUser,
  kafkaConnectorConditions,
  kafkaConnectorPermissionResourceRef,
  kafkaConnectorPermissionRules,
} from './permissions/rules';
export type {
  KafkaConnectorPermissionQuery,
  KafkaConnectorPermissionResource,
} from './permissions/rules';
export type { OwnedByUserParams } from './permissions/claims';
export {
  createKafkaConnectorTargetConditionalDecision,
  isKafkaConnectorTargetNamespaceOpenToUser,
  isKafkaConnectorTargetOwnerOfUser,
  kafkaConnectorTargetConditions,
  kafkaConnectorTargetPermissionResourceRef,
  kafkaConnectorTargetPermissionRules,
} from './permissions/targetRules';
export type {
  KafkaConnectorTargetPermissionQuery,
  KafkaConnectorTargetPermissionResource,
} from './permissions/targetRules';
export { DefaultKafkaConnectClusterRegistry } from './clusters/ClusterRegistry';
export type {
  ClusterRegistryChange,
  KafkaConnectClusterRegistry,
} from './clusters/ClusterRegistry';
export { kafkaConnectClusterRegistryServiceRef } from './clusters/service';
export {
  catalogClusterSettings,
  catalogClusterUrlProblem,
  isPublicAddress,
} from './clusters/catalogClusters';
export type {
  CatalogClusterLocatorOptions,
  CatalogClusterSettings,
} from './clusters/catalogClusters';
export { readKafkaConnectCluster } from './config';
export {
  BlueprintRegistry,
  builtInBlueprintDir,
  readBlueprintLocations,
} from './blueprints/BlueprintRegistry';
export {
  connectRestUrl,
  DEFAULT_VALIDATION_TIMEOUT_SECONDS,
  findConnectRestTarget,
  readValidationConfig,
} from './validation/validationConfig';
export type {
  ConnectRestTarget,
  ValidationConfig,
} from './validation/validationConfig';
