import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterSyncState,
  STRIMZI_PLURALS,
  StrimziKind,
  normalizeEntityRef,
  OwnerResolution,
  resolveOwner,
  systemOf,
} from '@kcs/plugin-kafka-connect-common';
import type { KafkaConnectClusterConfig } from '../config';
import { kubeConfigForCluster } from '../kubeConfig';
import { ClusterWatcher, ResourceChange } from './ClusterWatcher';
import {
  IndexName,
  indexKeysOf,
  INDEXED_KINDS,
  ResourceIndex,
  resourceId,
} from './ResourceIndex';

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

/**
 * One watch per cluster and kind, answered from memory: no request of the
 * portal ever reaches a Kubernetes API server.
 * @public
 */
export class StrimziResourceCache implements StrimziResourceReader {
  private readonly watchers = new Map<string, ClusterWatcher>();
  private readonly listeners = new Set<(change: ResourceChange) => void>();
  private readonly resourceIndex = new ResourceIndex();
  /** True until the first read after a kind's first list (or a whole-cluster owner change). */
  private indexStale = true;

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

  /** Stops watching clusters and forgets what they held (a delete change per resource). */
  async removeClusters(names: string[]) {
    const stopping: Promise<void>[] = [];
    for (const name of names) {
      const watcher = this.watchers.get(name);
      const index = this.clusterConfigs.findIndex(c => c.name === name);
      if (index >= 0) this.clusterConfigs.splice(index, 1);
      if (!watcher) continue;
      // Gone from reads first, then announced: a listener that re-reads sees it gone.
      this.watchers.delete(name);
      stopping.push(watcher.stop());
      for (const kind of Object.keys(STRIMZI_PLURALS) as StrimziKind[]) {
        for (const resource of watcher.list(kind)) {
          this.changed({ type: 'delete', cluster: name, kind, resource });
        }
      }
      this.logger.info(`Kafka Connect: stopped watching cluster ${name}`);
    }
    await Promise.all(stopping);
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

  get(
    kind: StrimziKind,
    cluster: string,
    namespace: string,
    name: string,
  ): CachedResource | undefined {
    const resource = this.watchers.get(cluster)?.get(kind, namespace, name);
    return resource ? { cluster, kind, resource } : undefined;
  }

  byKubernetesId(id: string) {
    return this.lookup('kubernetesId', id);
  }

  byOwner(ownerRef: string) {
    const normalized = normalizeEntityRef(ownerRef, {
      defaultKind: 'group',
      allowedKinds: ['group', 'user'],
    }).ref;
    return this.lookup('owner', normalized);
  }

  byConnectCluster(cluster: string, namespace: string, connect: string) {
    return this.lookup('connect', `${cluster}/${namespace}/${connect}`);
  }

  bySystem(systemRef: string) {
    const normalized = normalizeEntityRef(systemRef, {
      defaultKind: 'system',
      allowedKinds: ['system'],
    }).ref;
    return this.lookup('system', normalized);
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
    this.reindex(change);
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.warn(`A cache listener failed: ${String(error)}`);
      }
    }
  }

  /** Moves only what the change touched; a first list rebuilds on the next read. */
  private reindex(change: ResourceChange) {
    if (this.indexStale) {
      return;
    }
    if (change.type === 'synced') {
      this.indexStale = true;
    } else if (change.type === 'namespaces') {
      if (change.namespace === undefined) {
        this.indexStale = true;
        return;
      }
      // Owners and systems in that Namespace may have moved.
      for (const kind of INDEXED_KINDS) {
        for (const cached of this.list(kind)) {
          if (
            cached.cluster === change.cluster &&
            cached.resource.metadata?.namespace === change.namespace
          ) {
            this.indexOne(cached);
          }
        }
      }
    } else if (change.resource && INDEXED_KINDS.includes(change.kind)) {
      const cached = {
        cluster: change.cluster,
        kind: change.kind,
        resource: change.resource,
      };
      if (change.type === 'delete') {
        this.resourceIndex.remove(this.idOf(cached));
      } else {
        this.indexOne(cached);
      }
    }
  }

  private idOf({ kind, cluster, resource }: CachedResource) {
    const { namespace, name } = resource.metadata ?? {};
    return resourceId(kind, cluster, namespace, name);
  }

  private indexOne(cached: CachedResource) {
    this.resourceIndex.put(
      this.idOf(cached),
      indexKeysOf(
        cached,
        c => this.ownerOf(c).owner,
        c => this.systemOf(c),
      ),
    );
  }

  private lookup(index: IndexName, key: string | undefined): CachedResource[] {
    if (this.indexStale) {
      this.resourceIndex.clear();
      for (const kind of INDEXED_KINDS) {
        this.list(kind).forEach(cached => this.indexOne(cached));
      }
      this.indexStale = false;
    }
    return [...this.resourceIndex.lookup(index, key)].flatMap(id => {
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
