import type { Entity } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';
import type {
  ClusterSyncState,
  ConnectorSummary,
} from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import { keysHitBy, recordingReader } from './answerDependencies';
import { SummaryContext, toConnectorSummary } from './summaries';

/** How many entities' answers are kept; the oldest goes first. */
export const MEMOISED_ENTITIES = 1000;

/**
 * Connector summaries kept per cached resource object. The watch replaces a
 * resource's object on every change and never mutates it, so the object
 * itself (plus whether its cluster is synced, its owner and its Connect
 * cluster's object) identifies the summary, until the time its health
 * changes by itself (`reviewAt`: a pending state ages, a restart is due).
 */
export function createSummaryMemo(
  ownerOf: (cached: CachedResource) => string | undefined = () => undefined,
  contextOf: (cached: CachedResource) => SummaryContext = () => ({}),
  now: () => number = Date.now,
) {
  const summaries = new WeakMap<
    object,
    {
      synced: boolean;
      owner?: string;
      connectCluster?: object | null;
      restartOptions?: boolean;
      stopUnsupported?: string;
      expiresAt: number;
      summary: ConnectorSummary;
    }
  >();
  return (
    cached: CachedResource,
    state: ClusterSyncState | undefined,
  ): ConnectorSummary => {
    const synced = state?.synced ?? false;
    // A Namespace's owner can change without the resource changing.
    const owner = ownerOf(cached);
    const context = contextOf(cached);
    const at = now();
    const kept = summaries.get(cached.resource);
    if (
      kept &&
      kept.synced === synced &&
      kept.owner === owner &&
      kept.connectCluster === context.connectCluster &&
      // A cluster's restart dialect may be learned without this resource changing.
      kept.restartOptions === context.restartOptions &&
      // So is its lack of spec.state, from a refused write.
      kept.stopUnsupported === context.stopUnsupported &&
      at < kept.expiresAt
    ) {
      return kept.summary;
    }
    const summary = toConnectorSummary(cached, state, owner, {
      ...context,
      now: at,
    });
    summaries.set(cached.resource, {
      synced,
      owner,
      connectCluster: context.connectCluster,
      restartOptions: context.restartOptions,
      stopUnsupported: context.stopUnsupported,
      expiresAt: expiryOf([summary]),
      summary,
    });
    return summary;
  };
}

/** The earliest `reviewAt` of some summaries (and their MirrorMaker 2 components), or never. */
export function expiryOf(summaries: ConnectorSummary[]): number {
  let earliest = Infinity;
  for (const summary of summaries) {
    for (const item of [summary, ...(summary.components ?? [])]) {
      const at = item.reviewAt ? Date.parse(item.reviewAt) : NaN;
      if (!Number.isNaN(at) && at < earliest) {
        earliest = at;
      }
    }
  }
  return earliest;
}

/** What decides an entity's connectors: its ref, kind, annotations and relations. */
function entityKey(entity: Entity): string {
  return JSON.stringify([
    entity.kind,
    entity.metadata.namespace,
    entity.metadata.name,
    entity.metadata.annotations ?? {},
    entity.relations ?? [],
  ]);
}

/** A kept answer: its JSON and a weak ETag computed once, not per response. */
export interface KeptAnswer {
  json: string;
  etag: string;
}

/**
 * What of the clusters' states an answer depends on. A synced cluster's
 * `lastSyncAt` moves with every watch event and bookmark; the UI shows it
 * only for clusters that are not synced, so it is left out while synced
 * (a kept answer then carries an earlier, still true, time).
 */
export function clustersKeyOf(clusters: ClusterSyncState[]): string {
  return JSON.stringify(
    clusters.map(({ lastSyncAt, ...state }) =>
      state.synced ? state : { ...state, lastSyncAt },
    ),
  );
}

/**
 * Serialised answers of the entity endpoint, reused while nothing they were
 * built from changed: a watch event drops only the answers that read that
 * resource or asked an index key it is under (its kubernetes-id, owner,
 * system, Connect cluster), not every answer of every cluster. A kind's first
 * list and a Namespace's owner change drop all. The clusters' sync states and
 * the entity's own links are part of the key, and an answer ends when a
 * health in it changes by itself (`reviewAt`: a pending state ages, a
 * restart is due). Page views of an unchanged
 * entity then cost a map lookup instead of a summary build and a JSON
 * serialisation.
 */
export class EntityResponseMemo {
  private readonly answers = new Map<
    string,
    {
      clusters: string;
      expiresAt: number;
      answer: KeptAnswer;
      dependencies: Set<string>;
    }
  >();
  /** Dependency to the answers built from it. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly reader: StrimziResourceReader,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = reader.subscribe(change => {
      const keys = keysHitBy(change, reader);
      if (!keys) {
        this.answers.clear();
        this.dependents.clear();
        return;
      }
      for (const key of keys) {
        for (const answerKey of this.dependents.get(key) ?? []) {
          this.drop(answerKey);
        }
      }
    });
  }

  /** The answer for the entity: kept, or built by `build` from the reader it is given and kept. */
  answer(
    entity: Entity,
    clusters: ClusterSyncState[],
    build: (reader: StrimziResourceReader) => unknown,
  ): KeptAnswer {
    const key = entityKey(entity);
    const clustersKey = clustersKeyOf(clusters);
    const kept = this.answers.get(key);
    if (kept && kept.clusters === clustersKey && this.now() < kept.expiresAt) {
      return kept.answer;
    }
    const dependencies = new Set<string>();
    const body = build(recordingReader(this.reader, dependencies));
    const json = JSON.stringify(body);
    // A health that changes by itself (a pending state ages, a restart is due) ends the answer's life.
    const items = (body as { items?: unknown })?.items;
    const expiresAt = Array.isArray(items)
      ? expiryOf(items as ConnectorSummary[])
      : Infinity;
    const digest = createHash('sha1').update(json).digest('base64url');
    const answer = { json, etag: `W/"${digest}"` };
    this.drop(key);
    if (this.answers.size >= MEMOISED_ENTITIES) {
      this.drop(this.answers.keys().next().value!);
    }
    this.answers.set(key, {
      clusters: clustersKey,
      expiresAt,
      answer,
      dependencies,
    });
    for (const dependency of dependencies) {
      let keys = this.dependents.get(dependency);
      if (!keys) {
        keys = new Set();
        this.dependents.set(dependency, keys);
      }
      keys.add(key);
    }
    return answer;
  }

  /** How many answers are kept (for tests). */
  get size() {
    return this.answers.size;
  }

  /** Drops every answer: what they show changed outside the cache. */
  clear() {
    this.answers.clear();
    this.dependents.clear();
  }

  close() {
    this.unsubscribe();
  }

  private drop(key: string) {
    const kept = this.answers.get(key);
    if (!kept) {
      return;
    }
    this.answers.delete(key);
    for (const dependency of kept.dependencies) {
      const keys = this.dependents.get(dependency);
      keys?.delete(key);
      if (keys?.size === 0) {
        this.dependents.delete(dependency);
      }
    }
  }
}
