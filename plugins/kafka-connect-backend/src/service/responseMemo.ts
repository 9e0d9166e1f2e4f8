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
import { toConnectorSummary } from './summaries';

/** How many entities' answers are kept; the oldest goes first. */
export const MEMOISED_ENTITIES = 1000;

/**
 * Connector summaries kept per cached resource object. The watch replaces a
 * resource's object on every change and never mutates it, so the object
 * itself (plus whether its cluster is synced) identifies the summary.
 */
export function createSummaryMemo(
  ownerOf: (cached: CachedResource) => string | undefined = () => undefined,
) {
  const summaries = new WeakMap<
    object,
    { synced: boolean; owner?: string; summary: ConnectorSummary }
  >();
  return (
    cached: CachedResource,
    state: ClusterSyncState | undefined,
  ): ConnectorSummary => {
    const synced = state?.synced ?? false;
    // A Namespace's owner can change without the resource changing.
    const owner = ownerOf(cached);
    const kept = summaries.get(cached.resource);
    if (kept && kept.synced === synced && kept.owner === owner) {
      return kept.summary;
    }
    const summary = toConnectorSummary(cached, state, owner);
    summaries.set(cached.resource, { synced, owner, summary });
    return summary;
  };
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
 * entity's own links changed. Page views of an unchanged entity then cost a
 * map lookup instead of a summary build and a JSON serialisation.
 */
export class EntityResponseMemo {
  private revision = 0;
  private readonly answers = new Map<
    string,
    { revision: number; clusters: string; answer: KeptAnswer }
  >();
  private readonly unsubscribe: () => void;

  constructor(reader: Pick<StrimziResourceReader, 'subscribe'>) {
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
      kept.clusters === clustersKey
    ) {
      return kept.answer;
    }
    const revision = this.revision;
    const json = JSON.stringify(build());
    const digest = createHash('sha1').update(json).digest('base64url');
    const answer = { json, etag: `W/"${digest}"` };
    if (!kept && this.answers.size >= MEMOISED_ENTITIES) {
      this.answers.delete(this.answers.keys().next().value!);
    }
    this.answers.set(key, { revision, clusters: clustersKey, answer });
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
