import { stringify } from 'yaml';
import type { ClusterState } from './cluster';

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
  const config = {
    kafkaConnect: { clusters: entries },
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
