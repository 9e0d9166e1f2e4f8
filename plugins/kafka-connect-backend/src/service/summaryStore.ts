import type {
  ClusterSyncState,
  ConnectorSummary,
} from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  ResourceChange,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import { expiryOf } from './responseMemo';

const SUMMARISED_KINDS = ['KafkaConnector', 'KafkaMirrorMaker2'] as const;

function idOf({ kind, cluster, resource }: CachedResource) {
  const { namespace, name } = resource.metadata ?? {};
  return `${kind}|${cluster}|${namespace}|${name}`;
}

/** What of the clusters' states a summary shows: whether each is synced. */
const syncKeyOf = (states: ClusterSyncState[]) =>
  JSON.stringify(states.map(state => [state.name, state.synced]));

/**
 * Every connector's and MirrorMaker 2's summary, kept current one change at
 * a time: a watch event recomputes that resource's summary (a KafkaConnect's,
 * those of its connectors), so a list request after a change costs the
 * query, not 100,000 summary lookups. A kind's first list, a Namespace owner
 * change or a cluster's sync state rebuilds all; a summary whose health
 * changes by itself (`reviewAt`) is recomputed when that time comes.
 */
export class SummaryStore {
  private readonly byId = new Map<string, ConnectorSummary>();
  /** Ids of summaries with a `reviewAt`, by the time it falls. */
  private readonly due = new Map<string, number>();
  private complete = false;
  private syncKey = '';
  private snapshot?: ConnectorSummary[];
  private readonly unsubscribe: () => void;

  constructor(
    private readonly cache: StrimziResourceReader,
    private readonly summarize: (
      cached: CachedResource,
      state: ClusterSyncState | undefined,
    ) => ConnectorSummary,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = cache.subscribe(change => this.changed(change));
  }

  /** Every summary, in a stable order (the order resources first arrived). */
  all(): ConnectorSummary[] {
    const states = this.cache.clusters();
    const syncKey = syncKeyOf(states);
    if (!this.complete || syncKey !== this.syncKey) {
      this.rebuild(states, syncKey);
    } else if (this.expiresAt <= this.now()) {
      const at = this.now();
      for (const [id, dueAt] of [...this.due]) {
        if (dueAt <= at) {
          const [kind, cluster, namespace, name] = id.split('|');
          const found = this.cache.get(
            kind as (typeof SUMMARISED_KINDS)[number],
            cluster,
            namespace,
            name,
          );
          if (found) {
            this.refresh(found, states);
          }
        }
      }
    }
    this.snapshot ??= [...this.byId.values()];
    return this.snapshot;
  }

  /** The earliest time a kept summary's health changes by itself. */
  get expiresAt(): number {
    let earliest = Infinity;
    for (const at of this.due.values()) {
      earliest = Math.min(earliest, at);
    }
    return earliest;
  }

  /** Rebuilds every summary on the next read: what they show changed outside the cache. */
  invalidate() {
    this.complete = false;
    this.snapshot = undefined;
  }

  close() {
    this.unsubscribe();
  }

  private changed(change: ResourceChange) {
    if (!this.complete) {
      return;
    }
    this.snapshot = undefined;
    if (
      change.type === 'synced' ||
      change.type === 'namespaces' ||
      !change.resource
    ) {
      this.complete = false;
      return;
    }
    const cached = {
      cluster: change.cluster,
      kind: change.kind,
      resource: change.resource,
    };
    const states = this.cache.clusters();
    if (change.kind === 'KafkaConnect') {
      // Its state is part of its connectors' health.
      const { namespace, name } = change.resource.metadata ?? {};
      for (const connector of this.cache.byConnectCluster(
        change.cluster,
        namespace,
        name,
      )) {
        this.refresh(connector, states);
      }
    } else if (change.type === 'delete') {
      this.byId.delete(idOf(cached));
      this.due.delete(idOf(cached));
    } else {
      this.refresh(cached, states);
    }
  }

  private refresh(cached: CachedResource, states: ClusterSyncState[]) {
    const id = idOf(cached);
    const summary = this.summarize(
      cached,
      states.find(state => state.name === cached.cluster),
    );
    this.byId.set(id, summary);
    const dueAt = expiryOf([summary]);
    if (dueAt < Infinity) {
      this.due.set(id, dueAt);
    } else {
      this.due.delete(id);
    }
    this.snapshot = undefined;
  }

  private rebuild(states: ClusterSyncState[], syncKey: string) {
    this.byId.clear();
    this.due.clear();
    for (const kind of SUMMARISED_KINDS) {
      for (const cached of this.cache.list(kind)) {
        this.refresh(cached, states);
      }
    }
    this.syncKey = syncKey;
    this.complete = true;
  }
}
