import { InputError, NotFoundError } from '@backstage/errors';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KafkaConnectClusterConfig } from '../config';
import { kubeConfigForCluster } from '../kubeConfig';

/** What one update of the registry changed. @public */
export interface ClusterRegistryChange {
  added: KafkaConnectClusterConfig[];
  removed: KafkaConnectClusterConfig[];
}

/**
 * The clusters a backend works with, from every source (app-config, backend
 * modules through the clusters extension point, the catalog), and one client
 * config per cluster: the watch cache, the operations, the scaffolder's apply
 * and the catalog module all read clusters from here, so a cluster added by
 * any source works everywhere.
 * @public
 */
export interface KafkaConnectClusterRegistry {
  /** Every cluster, or one source's. */
  list(source?: string): KafkaConnectClusterConfig[];
  get(name: string): KafkaConnectClusterConfig | undefined;
  /** The cluster's client config (one per cluster); NotFoundError naming the known clusters. */
  kubeConfig(name: string): KubeConfig;
  /**
   * Replaces the clusters of one source (`config`, `extension:<n>`, `catalog`):
   * clusters it no longer names are dropped, changed ones are replaced.
   * Throws an InputError, changing nothing, when a name is used twice.
   */
  setClusters(
    source: string,
    clusters: KafkaConnectClusterConfig[],
  ): ClusterRegistryChange;
  /** Called after every update that added or removed a cluster. */
  subscribe(listener: (change: ClusterRegistryChange) => void): () => void;
}

interface Registered {
  source: string;
  cluster: KafkaConnectClusterConfig;
  kubeConfig?: KubeConfig;
}

/** Equal when every setting that reaches the API server is equal. */
function sameCluster(
  a: KafkaConnectClusterConfig,
  b: KafkaConnectClusterConfig,
) {
  // Strategy credentials are objects made per read; compare their settings.
  const plain = (cluster: KafkaConnectClusterConfig) =>
    JSON.stringify({
      ...cluster,
      auth:
        cluster.auth.type === 'strategy'
          ? {
              type: 'strategy',
              authProvider: cluster.auth.authProvider,
              settings: cluster.auth.credentials.settings,
            }
          : cluster.auth,
    });
  return a === b || plain(a) === plain(b);
}

/** The in-memory registry. @public */
export class DefaultKafkaConnectClusterRegistry
  implements KafkaConnectClusterRegistry
{
  private readonly clusters = new Map<string, Registered>();
  private readonly listeners = new Set<
    (change: ClusterRegistryChange) => void
  >();

  constructor(
    private readonly createKubeConfig: (
      cluster: KafkaConnectClusterConfig,
    ) => KubeConfig = kubeConfigForCluster,
  ) {}

  list(source?: string) {
    return [...this.clusters.values()]
      .filter(registered => source === undefined || registered.source === source)
      .map(registered => registered.cluster);
  }

  get(name: string) {
    return this.clusters.get(name)?.cluster;
  }

  kubeConfig(name: string): KubeConfig {
    const registered = this.clusters.get(name);
    if (!registered) {
      throw new NotFoundError(
        `cluster '${name}' is not a configured cluster; known clusters: ${
          [...this.clusters.keys()].join(', ') || '(none)'
        }`,
      );
    }
    registered.kubeConfig ??= this.createKubeConfig(registered.cluster);
    return registered.kubeConfig;
  }

  setClusters(source: string, clusters: KafkaConnectClusterConfig[]) {
    const seen = new Set<string>();
    for (const cluster of clusters) {
      const other = this.clusters.get(cluster.name);
      if (seen.has(cluster.name) || (other && other.source !== source)) {
        throw new InputError(
          `Cluster name '${cluster.name}' is configured twice${
            other && other.source !== source
              ? ` (by ${other.source} and ${source})`
              : ''
          }: cluster names must be unique`,
        );
      }
      seen.add(cluster.name);
    }
    const change: ClusterRegistryChange = { added: [], removed: [] };
    for (const [name, registered] of this.clusters) {
      if (registered.source !== source) continue;
      const next = clusters.find(cluster => cluster.name === name);
      if (!next || !sameCluster(registered.cluster, next)) {
        this.clusters.delete(name);
        change.removed.push(registered.cluster);
      }
    }
    for (const cluster of clusters) {
      if (!this.clusters.has(cluster.name)) {
        this.clusters.set(cluster.name, { source, cluster });
        change.added.push(cluster);
      }
    }
    if (change.added.length > 0 || change.removed.length > 0) {
      for (const listener of this.listeners) listener(change);
    }
    return change;
  }

  subscribe(listener: (change: ClusterRegistryChange) => void) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
