import { stringify } from 'yaml';
import type { ClusterState } from './cluster';
import { REAL_WORKER_CONNECT } from './realWorkerSamples';

/** Custom resources the Backstage Kubernetes plugin shows beside workloads. */
const KUBERNETES_PLUGIN_CUSTOM_RESOURCES = [
  { group: 'kafka.strimzi.io', apiVersion: 'v1', plural: 'kafkaconnectors' },
  { group: 'kafka.strimzi.io', apiVersion: 'v1', plural: 'kafkaconnects' },
];

/**
 * The app-config fragment that points the portal at running clusters, with
 * the portal's RBAC-limited token (never the administrator's).
 */
export function renderAppConfig(clusters: ClusterState[]): string {
  const entries = clusters.map(cluster => ({
    name: cluster.name,
    url: cluster.server,
    authProvider: 'serviceAccount',
    serviceAccountToken: cluster.portalToken,
    caData: cluster.caData,
  }));
  // The sample Connect cluster on the real worker checks configs before they
  // are written; its REST API is the worker's loopback port.
  const validationTargets = clusters
    .filter(cluster => cluster.connectUrl)
    .map(cluster => ({
      cluster: cluster.name,
      connectClusters: [REAL_WORKER_CONNECT],
      url: cluster.connectUrl,
    }));
  const config = {
    kafkaConnect: {
      clusters: entries,
      ...(validationTargets.length
        ? { validation: { targets: validationTargets } }
        : {}),
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [{ type: 'config', clusters: entries }],
      customResources: KUBERNETES_PLUGIN_CUSTOM_RESOURCES,
    },
  };
  return `# Written by 'yarn dev-cluster app-config'; local clusters only.\n${stringify(
    config,
  )}`;
}
