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
 * Serialised answers of the entity endpoint, reused while neither the cache
 * (any watch event bumps the revision), the clusters' sync states nor the
 * entity's own links changed, nor a health's `reviewAt` passed. Page views of an unchanged entity then cost a
 * map lookup instead of a summary build and a JSON serialisation.
 */
export class EntityResponseMemo {
  private revision = 0;
  private readonly answers = new Map<
    string,
    {
      revision: number;
      clusters: string;
      expiresAt: number;
      answer: KeptAnswer;
    }
  >();
  private readonly unsubscribe: () => void;

  constructor(
    reader: Pick<StrimziResourceReader, 'subscribe'>,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = reader.subscribe(() => {
      this.revision += 1;
      this.answers.clear();
    });
  }

  /** The answer for the entity: kept, or built by `build` and kept. */
  answer(
    entity: Entity,
    clusters: ClusterSyncState[],
    build: () => unknown,
  ): KeptAnswer {
    const key = entityKey(entity);
    const clustersKey = JSON.stringify(clusters);
    const kept = this.answers.get(key);
    if (
      kept &&
      kept.revision === this.revision &&
      kept.clusters === clustersKey &&
      this.now() < kept.expiresAt
    ) {
      return kept.answer;
    }
    const revision = this.revision;
    const body = build();
    const json = JSON.stringify(body);
    // A health that changes by itself (a pending state ages, a restart is due) ends the answer's life.
    const items = (body as { items?: unknown })?.items;
    const expiresAt = Array.isArray(items)
      ? expiryOf(items as ConnectorSummary[])
      : Infinity;
    const digest = createHash('sha1').update(json).digest('base64url');
    const answer = { json, etag: `W/"${digest}"` };
    if (!kept && this.answers.size >= MEMOISED_ENTITIES) {
      this.answers.delete(this.answers.keys().next().value!);
    }
    this.answers.set(key, {
      revision,
      clusters: clustersKey,
      expiresAt,
      answer,
    });
    return answer;
  }

  /** How many answers are kept (for tests). */
  get size() {
    return this.answers.size;
  }

  close() {
    this.unsubscribe();
  }
}
