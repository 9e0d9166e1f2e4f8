/**
 * A real local Kubernetes API for tests and the demo.
 *
 * @packageDocumentation
 */

export {
  DEBEZIUM_VERSION,
  ETCD_VERSION,
  KAFKA_VERSION,
  KUBERNETES_VERSION,
} from './versions';
export { ensureKafka, findKafka } from './kafka/binaries';
export type { KafkaInstall } from './kafka/binaries';
export {
  SECRET_MANAGER_PROVIDER,
  writePostgresInstances,
  writeSecretManagerInstance,
} from './kafka/secretManager';
export { failConnector, failTask, heal } from './faults';
export type { ConnectorRef, RealWorker } from './faults';
export { REAL_WORKER_ANNOTATION } from './operator/simulation';
export { realMirrorMaker2Manifest } from './operator/mirrorMaker2Testing';
export {
  connectManifest,
  mirrorMaker2Manifest,
} from './operator/connectTesting';
export { ensureBinaries, findBinaries } from './binaries';
export { ensureHelm, findHelm, helmTemplate, requireHelm } from './helm';
export type { HelmTemplateOptions } from './helm';
export type { KubernetesBinaries } from './binaries';
export { startCluster, readClusterState } from './cluster';
export type {
  ClusterState,
  RunningCluster,
  StartClusterOptions,
  StrimziApiMode,
} from './cluster';
export { useTestCluster } from './harness';
export type { TestCluster, UseTestClusterOptions } from './harness';
export { kubeConfigFor, applyObjects } from './kube';
export type { ClusterConnection } from './kube';
export { PORTAL_USER } from './portalAccess';
export { apiRequestCounts, strimziRequestsServed } from './metrics';
export type { ApiRequestCount } from './metrics';
export { PLANTED_SECRET_PREFIX, plantedSecretValue } from './plantedSecrets';
