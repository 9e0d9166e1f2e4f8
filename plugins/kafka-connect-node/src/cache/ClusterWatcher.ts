import {
  ApisApi,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Watch,
} from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterSyncState,
  STRIMZI_API_GROUP,
  STRIMZI_API_VERSIONS,
  StrimziApiVersion,
  StrimziKind,
  STRIMZI_PLURALS,
} from '@kcs/plugin-kafka-connect-common';

/** Every watched kind with its plural (the common package's table). @public */
export const WATCHED_KINDS = STRIMZI_PLURALS;

/** A change the watch saw. @public */
export interface ResourceChange {
  /** `namespaces`: a Namespace's annotations changed, so owners may have moved. */
  type: 'upsert' | 'delete' | 'resync' | 'namespaces';
  cluster: string;
  kind: StrimziKind;
  resource?: Record<string, any>;
  /** For `namespaces`: the Namespace whose annotations changed (absent after a relist). */
  namespace?: string;
}

/** Options of {@link ClusterWatcher}. */
export interface ClusterWatcherOptions {
  name: string;
  kubeConfig: KubeConfig;
  namespaces: string[];
  logger: LoggerService;
  onChange: (change: ResourceChange) => void;
  /** Longest wait between reconnects. */
  maxBackoffMs?: number;
  /** How often to check whether the served Strimzi API version changed. */
  rediscoverIntervalMs?: number;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function describe(error: unknown): string {
  const code = (error as { code?: number }).code;
  const message =
    error instanceof Error ? error.message.split('\n')[0] : String(error);
  return code ? `HTTP ${code}: ${message}` : message;
}

/**
 * Lists then watches the Strimzi kinds of one cluster, keeping a copy in
 * memory: relists on 410 Gone, reconnects with backoff after any error (the
 * client's watch simply ends on errors), and re-discovers the API version
 * when the served versions change.
 */
export class ClusterWatcher {
  readonly name: string;
  private readonly options: ClusterWatcherOptions;
  private readonly stores = new Map<
    StrimziKind,
    Map<string, Record<string, any>>
  >();
  private readonly synced = new Map<string, boolean>();
  /** Namespace name to its annotations: owners and systems set per namespace. */
  private readonly namespaceAnnotationsByName = new Map<
    string,
    Record<string, string>
  >();
  private readonly controllers = new Set<AbortController>();
  private version: StrimziApiVersion | null | undefined;
  private lastSyncAt?: string;
  private error?: string;
  private stopped = false;
  private loops: Promise<void>[] = [];
  private rediscovery?: ReturnType<typeof setInterval>;

  constructor(options: ClusterWatcherOptions) {
    this.options = options;
    this.name = options.name;
    for (const kind of Object.keys(WATCHED_KINDS) as StrimziKind[]) {
      this.stores.set(kind, new Map());
    }
  }

  start() {
    const targets =
      this.options.namespaces.length > 0
        ? this.options.namespaces
        : [undefined];
    this.loops = (Object.keys(WATCHED_KINDS) as StrimziKind[]).flatMap(kind =>
      targets.map(namespace => this.run(kind, namespace)),
    );
    this.loops.push(...targets.map(namespace => this.runNamespaces(namespace)));
    // A Strimzi upgrade can start serving v1 (or stop serving v1beta2) under a
    // running watch; ending the watches makes every loop relist on the new version.
    this.rediscovery = setInterval(() => {
      this.discover()
        .then(version => {
          if (this.version !== undefined && version !== this.version) {
            this.options.logger.info(
              `Cluster ${this.name}: served Strimzi API changed from ${this.version} to ${version}; relisting`,
            );
            for (const controller of this.controllers) {
              controller.abort();
            }
          }
        })
        .catch(() => {
          // Connection errors surface through the watches.
        });
    }, this.options.rediscoverIntervalMs ?? 60_000);
  }

  async stop() {
    this.stopped = true;
    clearInterval(this.rediscovery);
    for (const controller of this.controllers) {
      controller.abort();
    }
    await Promise.race([Promise.all(this.loops), sleep(3000)]);
  }

  state(): ClusterSyncState {
    const allSynced = [...this.synced.values()];
    return {
      name: this.name,
      synced:
        this.version === null
          ? this.error === undefined
          : allSynced.length > 0 &&
            allSynced.every(Boolean) &&
            this.error === undefined,
      ...(this.lastSyncAt ? { lastSyncAt: this.lastSyncAt } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(this.version !== undefined
        ? { strimziApiVersion: this.version }
        : {}),
    };
  }

  list(kind: StrimziKind): Record<string, any>[] {
    return [...this.stores.get(kind)!.values()];
  }

  get(kind: StrimziKind, namespace: string, name: string) {
    return this.stores.get(kind)!.get(`${namespace}/${name}`);
  }

  /** The annotations of a Namespace, when the portal may read Namespaces. */
  namespaceAnnotations(namespace: string): Record<string, string> | undefined {
    return this.namespaceAnnotationsByName.get(namespace);
  }

  /**
   * Lists then watches Namespaces (all, or the one configured) for their
   * annotations. Best effort: without access to Namespaces, owners come from
   * the resources and config, and the cluster is not reported stale for it.
   */
  private async runNamespaces(only: string | undefined) {
    const api = this.options.kubeConfig.makeApiClient(CoreV1Api);
    const fieldSelector = only ? `metadata.name=${only}` : undefined;
    let backoff = 1000;
    let warnedForbidden = false;
    while (!this.stopped) {
      try {
        const list = await api.listNamespace(
          fieldSelector ? { fieldSelector } : {},
        );
        const seen = new Set<string>();
        let changed = false;
        for (const item of list.items) {
          const name = item.metadata?.name;
          if (name) {
            seen.add(name);
            changed =
              this.setNamespaceAnnotations(name, item.metadata?.annotations) ||
              changed;
          }
        }
        for (const name of [...this.namespaceAnnotationsByName.keys()]) {
          if (!seen.has(name) && (!only || name === only)) {
            this.namespaceAnnotationsByName.delete(name);
            changed = true;
          }
        }
        if (changed) {
          this.namespacesChanged(undefined);
        }
        backoff = 1000;
        const ended = await this.watchNamespaces(
          fieldSelector,
          list.metadata?.resourceVersion,
        );
        if (ended !== 'closed' && ended !== 'gone' && !this.stopped) {
          throw ended;
        }
      } catch (error) {
        if (this.stopped) {
          break;
        }
        if ((error as { code?: number }).code === 403) {
          if (!warnedForbidden) {
            warnedForbidden = true;
            this.options.logger.warn(
              `Cluster ${this.name}: the portal may not list/watch namespaces, so namespace owner annotations are ignored there; grant it 'list' and 'watch' on namespaces to use them`,
            );
          }
          await sleep(300_000);
          continue;
        }
        this.options.logger.debug(
          `Cluster ${this.name}: namespaces: ${describe(
            error,
          )}; retrying in ${backoff} ms`,
        );
        await sleep(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 30_000);
      }
    }
  }

  /** Keeps a namespace's annotations; true when they changed. */
  private setNamespaceAnnotations(
    name: string,
    annotations: Record<string, string> | undefined,
  ): boolean {
    const next = annotations ?? {};
    const previous = this.namespaceAnnotationsByName.get(name);
    if (previous && JSON.stringify(previous) === JSON.stringify(next)) {
      return false;
    }
    this.namespaceAnnotationsByName.set(name, next);
    return true;
  }

  /** Owners may have moved: readers drop what they derived from them. */
  private namespacesChanged(namespace: string | undefined) {
    this.options.onChange({
      type: 'namespaces',
      cluster: this.name,
      kind: 'KafkaConnector',
      namespace,
    });
  }

  private watchNamespaces(
    fieldSelector: string | undefined,
    resourceVersion: string | undefined,
  ): Promise<'gone' | 'closed' | Error> {
    return this.runWatch(
      '/api/v1/namespaces',
      {
        resourceVersion,
        allowWatchBookmarks: true,
        ...(fieldSelector ? { fieldSelector } : {}),
      },
      (type, object) => {
        const name = object?.metadata?.name;
        if (type === 'BOOKMARK' || !name) {
          return;
        }
        const changed =
          type === 'DELETED'
            ? this.namespaceAnnotationsByName.delete(name)
            : this.setNamespaceAnnotations(name, object.metadata.annotations);
        if (changed) {
          this.namespacesChanged(name);
        }
      },
    );
  }

  private async discover(): Promise<StrimziApiVersion | null> {
    const groups = await this.options.kubeConfig
      .makeApiClient(ApisApi)
      .getAPIVersions();
    const group = groups.groups.find(
      candidate => candidate.name === STRIMZI_API_GROUP,
    );
    const served = group?.versions.map(version => version.version) ?? [];
    return (
      STRIMZI_API_VERSIONS.find(version => served.includes(version)) ?? null
    );
  }

  private markSynced(key: string, value: boolean) {
    this.synced.set(key, value);
    if (value) {
      this.lastSyncAt = new Date().toISOString();
    }
  }

  private async run(kind: StrimziKind, namespace: string | undefined) {
    const key = `${kind}/${namespace ?? '*'}`;
    const store = this.stores.get(kind)!;
    const plural = WATCHED_KINDS[kind];
    const api = this.options.kubeConfig.makeApiClient(CustomObjectsApi);
    let backoff = 1000;
    this.synced.set(key, false);
    while (!this.stopped) {
      try {
        const version = await this.discover();
        if (version !== this.version) {
          this.version = version;
          if (version) {
            this.options.logger.info(
              `Cluster ${this.name} serves ${STRIMZI_API_GROUP}/${version}`,
            );
          }
        }
        if (!version) {
          // No Strimzi CRDs: nothing to watch, and nothing wrong with the cluster.
          store.clear();
          this.error = undefined;
          this.markSynced(key, true);
          await sleep(30_000);
          continue;
        }
        const list = namespace
          ? await api.listNamespacedCustomObject({
              group: STRIMZI_API_GROUP,
              version,
              plural,
              namespace,
            })
          : await api.listClusterCustomObject({
              group: STRIMZI_API_GROUP,
              version,
              plural,
            });
        store.clear();
        for (const item of list.items as Record<string, any>[]) {
          store.set(`${item.metadata.namespace}/${item.metadata.name}`, item);
        }
        this.error = undefined;
        this.markSynced(key, true);
        backoff = 1000;
        this.options.onChange({ type: 'resync', cluster: this.name, kind });
        const ended = await this.watch(
          kind,
          version,
          namespace,
          list.metadata?.resourceVersion,
          store,
        );
        if (ended === 'gone') {
          continue;
        }
        if (ended !== 'closed' && !this.stopped) {
          throw ended;
        }
      } catch (error) {
        if (this.stopped) {
          break;
        }
        this.markSynced(key, false);
        this.error = `${kind}: ${describe(error)}`;
        this.options.logger.warn(
          `Cluster ${this.name}: ${this.error}; reconnecting in ${backoff} ms`,
        );
        await sleep(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 30_000);
      }
    }
  }

  private watch(
    kind: StrimziKind,
    version: string,
    namespace: string | undefined,
    resourceVersion: string | undefined,
    store: Map<string, Record<string, any>>,
  ): Promise<'gone' | 'closed' | Error> {
    const path = namespace
      ? `/apis/${STRIMZI_API_GROUP}/${version}/namespaces/${namespace}/${WATCHED_KINDS[kind]}`
      : `/apis/${STRIMZI_API_GROUP}/${version}/${WATCHED_KINDS[kind]}`;
    return this.runWatch(
      path,
      { resourceVersion, allowWatchBookmarks: true },
      (type, object) => {
        this.lastSyncAt = new Date().toISOString();
        if (type === 'BOOKMARK') {
          return;
        }
        const storeKey = `${object.metadata.namespace}/${object.metadata.name}`;
        if (type === 'DELETED') {
          store.delete(storeKey);
          this.options.onChange({
            type: 'delete',
            cluster: this.name,
            kind,
            resource: object,
          });
        } else {
          store.set(storeKey, object);
          this.options.onChange({
            type: 'upsert',
            cluster: this.name,
            kind,
            resource: object,
          });
        }
      },
    );
  }

  /**
   * One watch until it ends: 'gone' when the server answered 410 (the
   * resourceVersion is too old; relist), an Error when the cluster failed
   * it, 'closed' when it simply ended. `onEvent` sees every event but ERROR.
   */
  private runWatch(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    onEvent: (type: string, object: any) => void,
  ): Promise<'gone' | 'closed' | Error> {
    return new Promise(resolve => {
      let gone = false;
      let controller: AbortController | undefined;
      new Watch(this.options.kubeConfig)
        .watch(
          path,
          query,
          (type, object) => {
            if (type === 'ERROR') {
              gone = gone || object?.code === 410;
              return;
            }
            onEvent(type, object);
          },
          error => {
            const watching = controller !== undefined;
            if (controller) {
              this.controllers.delete(controller);
            }
            if (gone) {
              resolve('gone');
            } else if (
              error &&
              !this.stopped &&
              (error as Error).name !== 'AbortError' &&
              // The client ends a started watch that sent nothing for 30 s with
              // a TimeoutError: a quiet kind, not an unreachable cluster. (A
              // TimeoutError before the watch started is a connect timeout.)
              !((error as Error).name === 'TimeoutError' && watching)
            ) {
              resolve(
                error instanceof Error ? error : new Error(String(error)),
              );
            } else {
              resolve('closed');
            }
          },
        )
        .then(started => {
          controller = started;
          this.controllers.add(started);
        })
        .catch(error =>
          resolve(error instanceof Error ? error : new Error(String(error))),
        );
    });
  }
}
