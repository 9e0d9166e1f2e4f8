import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterSyncState,
  KUBERNETES_ID,
  StrimziKind,
  normalizeEntityRef,
  OwnerResolution,
  resolveOwner,
  STRIMZI_CLUSTER_LABEL,
  systemOf,
} from '@kcs/plugin-kafka-connect-common';
import type { KafkaConnectClusterConfig } from '../config';
import { kubeConfigForCluster } from '../kubeConfig';
import { ClusterWatcher, ResourceChange } from './ClusterWatcher';

/** A resource with the cluster it lives in. @public */
export interface CachedResource {
  cluster: string;
  kind: StrimziKind;
  resource: Record<string, any>;
}

/** The read side of the cache, shared by the backend plugin and the catalog module. @public */
export interface StrimziResourceReader {
  clusters(): ClusterSyncState[];
  list(kind: StrimziKind): CachedResource[];
  get(
    kind: StrimziKind,
    cluster: string,
    namespace: string,
    name: string,
  ): CachedResource | undefined;
  /** Connectors (and MirrorMaker 2s) labelled `backstage.io/kubernetes-id: <id>`. */
  byKubernetesId(id: string): CachedResource[];
  /** Resources whose owner annotation names this entity ref. */
  byOwner(ownerRef: string): CachedResource[];
  /** Connectors running on a KafkaConnect. */
  byConnectCluster(
    cluster: string,
    namespace: string,
    connect: string,
  ): CachedResource[];
  /**
   * A resource's owner, in order: its owner annotation, its Namespace's, the
   * `namespaceOwners` map, the default owner. The one resolution every reader
   * (REST API, permission rule, catalog) uses.
   */
  ownerOf(cached: CachedResource): OwnerResolution;
  /** A resource's System ref (`systemOf`: annotation, Namespace's, `namespaceSystems`). */
  systemOf(cached: CachedResource): string | undefined;
  /** KafkaConnectors and KafkaMirrorMaker2s that belong to a System. */
  bySystem(systemRef: string): CachedResource[];
  /** A Namespace's annotations, when the portal may watch Namespaces. */
  namespaceAnnotations(
    cluster: string,
    namespace: string,
  ): Record<string, string> | undefined;
  subscribe(listener: (change: ResourceChange) => void): () => void;
  /** Starts watching more clusters (from an extension point supplier). */
  addClusters(clusters: KafkaConnectClusterConfig[]): void;
}

/** Owners from config (`kafkaConnect.catalog`), for resources whose annotations name none. @public */
export interface OwnershipConfig {
  namespaceOwners?: Record<string, string>;
  defaultOwner?: string;
  namespaceSystems?: Record<string, string>;
}

type Index = Map<string, Set<string>>;

function addTo(index: Index, key: string | undefined, id: string) {
  if (!key) {
    return;
  }
  let ids = index.get(key);
  if (!ids) {
    ids = new Set();
    index.set(key, ids);
  }
  ids.add(id);
}

/**
 * One watch per cluster and kind, answered from memory: no request of the
 * portal ever reaches a Kubernetes API server.
 * @public
 */
export class StrimziResourceCache implements StrimziResourceReader {
  private readonly watchers = new Map<string, ClusterWatcher>();
  private readonly listeners = new Set<(change: ResourceChange) => void>();
  private indexes?: {
    kubernetesId: Index;
    owner: Index;
    system: Index;
    connect: Index;
  };

  constructor(
    private readonly clusterConfigs: KafkaConnectClusterConfig[],
    private readonly logger: LoggerService,
    private readonly ownership: OwnershipConfig = {},
  ) {}

  private started = false;

  start() {
    this.started = true;
    this.watchClusters(this.clusterConfigs);
  }

  addClusters(clusters: KafkaConnectClusterConfig[]) {
    for (const cluster of clusters) {
      if (
        this.watchers.has(cluster.name) ||
        this.clusterConfigs.some(c => c.name === cluster.name)
      ) {
        throw new Error(
          `Cluster name '${cluster.name}' is configured twice: cluster names must be unique`,
        );
      }
    }
    this.clusterConfigs.push(...clusters);
    if (this.started) {
      this.watchClusters(clusters);
    }
  }

  private watchClusters(clusters: KafkaConnectClusterConfig[]) {
    for (const cluster of clusters) {
      const watcher = new ClusterWatcher({
        name: cluster.name,
        kubeConfig: kubeConfigForCluster(cluster),
        namespaces: cluster.namespaces,
        logger: this.logger,
        onChange: change => this.changed(change),
      });
      this.watchers.set(cluster.name, watcher);
      watcher.start();
    }
  }

  async stop() {
    await Promise.all(
      [...this.watchers.values()].map(watcher => watcher.stop()),
    );
  }

  /** Resolves once every cluster has synced (or the timeout passed). */
  async waitForSync(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.clusters().every(cluster => cluster.synced)) {
        return true;
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    return false;
  }

  clusters(): ClusterSyncState[] {
    return [...this.watchers.values()].map(watcher => watcher.state());
  }

  list(kind: StrimziKind): CachedResource[] {
    return [...this.watchers.values()].flatMap(watcher =>
      watcher
        .list(kind)
        .map(resource => ({ cluster: watcher.name, kind, resource })),
    );
  }

  get(kind: StrimziKind, cluster: string, namespace: string, name: string) {
    const resource = this.watchers.get(cluster)?.get(kind, namespace, name);
    return resource ? { cluster, kind, resource } : undefined;
  }

  byKubernetesId(id: string) {
    return this.lookup(this.index().kubernetesId.get(id));
  }

  byOwner(ownerRef: string) {
    const normalized = normalizeEntityRef(ownerRef, {
      defaultKind: 'group',
      allowedKinds: ['group', 'user'],
    }).ref;
    return this.lookup(
      normalized ? this.index().owner.get(normalized) : undefined,
    );
  }

  byConnectCluster(cluster: string, namespace: string, connect: string) {
    return this.lookup(
      this.index().connect.get(`${cluster}/${namespace}/${connect}`),
    );
  }

  bySystem(systemRef: string) {
    const normalized = normalizeEntityRef(systemRef, {
      defaultKind: 'system',
      allowedKinds: ['system'],
    }).ref;
    return this.lookup(
      normalized ? this.index().system.get(normalized) : undefined,
    );
  }

  systemOf({ cluster, resource }: CachedResource): string | undefined {
    const namespace = resource.metadata?.namespace;
    return systemOf({
      resourceAnnotations: resource.metadata?.annotations,
      namespace,
      namespaceAnnotations: namespace
        ? this.namespaceAnnotations(cluster, namespace)
        : undefined,
      namespaceSystems: this.ownership.namespaceSystems,
    }).system;
  }

  namespaceAnnotations(cluster: string, namespace: string) {
    return this.watchers.get(cluster)?.namespaceAnnotations(namespace);
  }

  ownerOf({ cluster, resource }: CachedResource): OwnerResolution {
    const namespace = resource.metadata?.namespace;
    return resolveOwner({
      resourceAnnotations: resource.metadata?.annotations,
      namespace,
      namespaceAnnotations: namespace
        ? this.namespaceAnnotations(cluster, namespace)
        : undefined,
      namespaceOwners: this.ownership.namespaceOwners,
      defaultOwner: this.ownership.defaultOwner,
    });
  }

  subscribe(listener: (change: ResourceChange) => void) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private changed(change: ResourceChange) {
    // Indexes are rebuilt lazily on the next read after a change.
    this.indexes = undefined;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.warn(`A cache listener failed: ${String(error)}`);
      }
    }
  }

  private index() {
    if (!this.indexes) {
      const indexes = {
        kubernetesId: new Map(),
        owner: new Map(),
        system: new Map(),
        connect: new Map(),
      };
      for (const kind of [
        'KafkaConnector',
        'KafkaMirrorMaker2',
        'KafkaConnect',
      ] as StrimziKind[]) {
        for (const cached of this.list(kind)) {
          const { cluster, resource } = cached;
          const { namespace, name, labels } = resource.metadata ?? {};
          const id = `${kind}|${cluster}|${namespace}|${name}`;
          if (kind !== 'KafkaConnect') {
            addTo(indexes.kubernetesId, labels?.[KUBERNETES_ID], id);
            addTo(indexes.system, this.systemOf(cached), id);
          }
          addTo(indexes.owner, this.ownerOf(cached).owner, id);
          if (kind === 'KafkaConnector' && labels?.[STRIMZI_CLUSTER_LABEL]) {
            addTo(
              indexes.connect,
              `${cluster}/${namespace}/${labels[STRIMZI_CLUSTER_LABEL]}`,
              id,
            );
          }
        }
      }
      this.indexes = indexes;
    }
    return this.indexes;
  }

  private lookup(ids: Set<string> | undefined): CachedResource[] {
    return [...(ids ?? [])].flatMap(id => {
      const [kind, cluster, namespace, name] = id.split('|') as [
        StrimziKind,
        string,
        string,
        string,
      ];
      const found = this.get(kind, cluster, namespace, name);
      return found ? [found] : [];
    });
  }
}
