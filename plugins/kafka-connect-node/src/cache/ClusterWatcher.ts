import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterSyncState,
  STRIMZI_API_GROUP,
  StrimziApiVersion,
  StrimziKind,
  STRIMZI_PLURALS,
} from '@kcs/plugin-kafka-connect-common';
import { discoverStrimziVersion } from './watch/discovery';
import { describeError } from './watch/describeError';
import { listInPages } from './watch/pagedList';
import { KindInformer, KubeObject } from './watch/KindInformer';
import { NamespaceAnnotations } from './watch/NamespaceAnnotations';
import { Sleeper } from './watch/Sleeper';

/** Every watched kind with its plural (the common package's table). @public */
export const WATCHED_KINDS = STRIMZI_PLURALS;

/** A change the watch saw. @public */
export interface ResourceChange {
  /**
   * `upsert`/`delete`: one resource changed (also each difference a relist
   * after 410 Gone found). `synced`: the first list of a kind (or of a newly
   * served API version) is in the cache; its resources are not announced one
   * by one. `namespaces`: a Namespace's annotations changed, so owners may
   * have moved.
   */
  type: 'upsert' | 'delete' | 'synced' | 'namespaces';
  cluster: string;
  kind: StrimziKind;
  resource?: Record<string, any>;
  /** For `namespaces`: the Namespace whose annotations changed (absent after the first list). */
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
  /** How long a started watch may stay silent before it is renewed (> the 1 min bookmark interval). */
  inactivityMs?: number;
}

const KINDS = Object.keys(WATCHED_KINDS) as StrimziKind[];

/**
 * Keeps the Strimzi kinds of one cluster in memory: one informer per kind and
 * namespace (list once, then watch and resume; relist only on 410 Gone), a
 * Namespace watch for owner annotations, and discovery on its own schedule
 * (once a minute) that swaps the informers when the served API version
 * changes, e.g. during a Strimzi upgrade.
 */
export class ClusterWatcher {
  readonly name: string;
  private readonly options: ClusterWatcherOptions;
  private readonly sleeper = new Sleeper();
  private readonly namespaceWatch: NamespaceAnnotations;
  private informers = new Map<StrimziKind, KindInformer[]>();
  private version: StrimziApiVersion | null | undefined;
  private discoveryError?: string;
  private lastSyncAt?: string;
  private stopped = false;
  private discovery?: Promise<void>;

  constructor(options: ClusterWatcherOptions) {
    this.options = options;
    this.name = options.name;
    this.namespaceWatch = new NamespaceAnnotations({
      cluster: options.name,
      kubeConfig: options.kubeConfig,
      namespaces: options.namespaces,
      logger: options.logger,
      maxBackoffMs: options.maxBackoffMs,
      inactivityMs: options.inactivityMs,
      onChange: namespace =>
        options.onChange({
          type: 'namespaces',
          cluster: this.name,
          kind: 'KafkaConnector',
          namespace,
        }),
    });
  }

  start() {
    this.namespaceWatch.start();
    this.discovery = this.discoverOnSchedule();
  }

  async stop() {
    this.stopped = true;
    this.sleeper.interrupt();
    await Promise.all([
      this.namespaceWatch.stop(),
      ...this.allInformers().map(informer => informer.stop()),
      this.discovery,
    ]);
  }

  state(): ClusterSyncState {
    const informers = this.allInformers();
    const informerError = informers.find(
      informer => informer.error !== undefined,
    );
    const error =
      this.discoveryError ??
      (informerError
        ? `${this.kindOf(informerError)}: ${describeError(informerError.error)}`
        : undefined);
    const synced =
      this.version === undefined
        ? false
        : error === undefined && informers.every(informer => informer.synced);
    return {
      name: this.name,
      synced,
      ...(this.lastSyncAt ? { lastSyncAt: this.lastSyncAt } : {}),
      ...(error ? { error } : {}),
      ...(this.version !== undefined
        ? { strimziApiVersion: this.version }
        : {}),
    };
  }

  list(kind: StrimziKind): Record<string, any>[] {
    return (this.informers.get(kind) ?? []).flatMap(informer =>
      informer.list(),
    );
  }

  get(kind: StrimziKind, namespace: string, name: string) {
    for (const informer of this.informers.get(kind) ?? []) {
      const found = informer.get(namespace, name);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  /** The annotations of a Namespace, when the portal may read Namespaces. */
  namespaceAnnotations(namespace: string): Record<string, string> | undefined {
    return this.namespaceWatch.get(namespace);
  }

  private allInformers(): KindInformer[] {
    return [...this.informers.values()].flat();
  }

  private kindOf(informer: KindInformer): StrimziKind | undefined {
    return KINDS.find(kind => this.informers.get(kind)?.includes(informer));
  }

  /** Discovery at start (retried with backoff) and then once per interval. */
  private async discoverOnSchedule() {
    const initialBackoffMs = 1000;
    let backoffMs = initialBackoffMs;
    while (!this.stopped) {
      try {
        const version = await discoverStrimziVersion(this.options.kubeConfig);
        this.discoveryError = undefined;
        backoffMs = initialBackoffMs;
        if (!this.stopped) {
          await this.serve(version);
        }
        await this.sleeper.sleep(this.options.rediscoverIntervalMs ?? 60_000);
      } catch (error) {
        if (this.stopped) {
          break;
        }
        this.discoveryError = `discovery: ${describeError(error)}`;
        this.options.logger.warn(
          `Cluster ${this.name}: ${this.discoveryError}; retrying in ${backoffMs} ms`,
        );
        await this.sleeper.sleep(backoffMs);
        backoffMs = Math.min(
          backoffMs * 2,
          this.options.maxBackoffMs ?? 30_000,
        );
      }
    }
  }

  /**
   * Watches the kinds at this API version. When the version changed, the old
   * informers stop; what they held and the new ones do not is deleted.
   */
  private async serve(version: StrimziApiVersion | null) {
    if (version === this.version) {
      return;
    }
    const previous = this.version;
    this.version = version;
    if (previous !== undefined || version) {
      this.options.logger.info(
        `Cluster ${this.name} serves ${
          version ? `${STRIMZI_API_GROUP}/${version}` : 'no Strimzi API'
        }${previous ? ` (was ${previous})` : ''}`,
      );
    }
    const old = this.informers;
    this.informers = new Map();
    await Promise.all(
      [...old.values()].flat().map(informer => informer.stop()),
    );
    for (const kind of KINDS) {
      const held = (old.get(kind) ?? []).flatMap(informer => informer.list());
      if (!version) {
        held.forEach(resource => this.emit('delete', kind, resource));
        continue;
      }
      const targets = this.options.namespaces.length
        ? this.options.namespaces
        : [undefined];
      const informers = targets.map(namespace =>
        this.informer(kind, version, namespace, held),
      );
      this.informers.set(kind, informers);
      informers.forEach(informer => informer.start());
    }
    if (!version) {
      this.lastSyncAt = new Date().toISOString();
    }
  }

  private informer(
    kind: StrimziKind,
    version: StrimziApiVersion,
    namespace: string | undefined,
    held: KubeObject[],
  ): KindInformer {
    const plural = WATCHED_KINDS[kind];
    const api = this.options.kubeConfig.makeApiClient(CustomObjectsApi);
    const path = namespace
      ? `/apis/${STRIMZI_API_GROUP}/${version}/namespaces/${namespace}/${plural}`
      : `/apis/${STRIMZI_API_GROUP}/${version}/${plural}`;
    const informer: KindInformer = new KindInformer({
      kubeConfig: this.options.kubeConfig,
      path,
      list: signal =>
        listInPages(
          (continueToken, limit) =>
            namespace
              ? api.listNamespacedCustomObject({
                  group: STRIMZI_API_GROUP,
                  version,
                  plural,
                  namespace,
                  limit,
                  _continue: continueToken,
                })
              : api.listClusterCustomObject({
                  group: STRIMZI_API_GROUP,
                  version,
                  plural,
                  limit,
                  _continue: continueToken,
                }),
          {
            signal,
            onRetry: (error, { page, retryInMs }) =>
              this.options.logger.warn(
                `Cluster ${
                  this.name
                }: ${kind}: page ${page} of the list failed (${describeError(
                  error,
                )}); asking that page again in ${retryInMs} ms`,
              ),
            onRestart: error =>
              this.options.logger.warn(
                `Cluster ${
                  this.name
                }: ${kind}: the list's continue token expired (${describeError(
                  error,
                )}); listing again from the first page`,
              ),
          },
        ),
      onUpsert: resource => this.emit('upsert', kind, resource),
      onDelete: resource => this.emit('delete', kind, resource),
      onFirstSync: () => {
        this.options.onChange({ type: 'synced', cluster: this.name, kind });
        // After an API version change: what the old version held and this
        // one does not (in this informer's namespace) is gone.
        for (const resource of held) {
          const { namespace: ns, name } = resource.metadata ?? {};
          if (
            (namespace === undefined || ns === namespace) &&
            !informer.get(ns, name)
          ) {
            this.emit('delete', kind, resource);
          }
        }
      },
      onActivity: () => {
        this.lastSyncAt = new Date().toISOString();
      },
      onError: (error, retryInMs) =>
        this.options.logger.warn(
          `Cluster ${this.name}: ${kind}: ${describeError(
            error,
          )}; reconnecting in ${retryInMs} ms`,
        ),
      maxBackoffMs: this.options.maxBackoffMs,
      inactivityMs: this.options.inactivityMs,
    });
    return informer;
  }

  private emit(
    type: 'upsert' | 'delete',
    kind: StrimziKind,
    resource: KubeObject,
  ) {
    this.options.onChange({ type, cluster: this.name, kind, resource });
  }
}
