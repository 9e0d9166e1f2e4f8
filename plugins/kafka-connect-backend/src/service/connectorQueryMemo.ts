import { createHash } from 'node:crypto';
import type {
  ClusterSyncState,
  ConnectorQuery,
} from '@kcs/plugin-kafka-connect-common';
import type { StrimziResourceReader } from '@kcs/plugin-kafka-connect-node';
import { clustersKeyOf, KeptAnswer } from './responseMemo';

/** How many distinct queries' answers are kept. */
export const MEMOISED_QUERIES = 32;

/**
 * Serialised answers of `GET /connectors` per query, kept until any watched
 * resource changes (one changed connector can move any page, and a
 * KafkaConnect's state is part of its connectors' health) or a health in
 * them changes by itself (`expiresAt`: a pending state ages, a restart is
 * due). The ownership page polls the same page every few seconds; an idle
 * cache then answers it without filtering, sorting and serialising every
 * connector again.
 */
export class ConnectorQueryMemo {
  private readonly answers = new Map<
    string,
    { answer: KeptAnswer; expiresAt: number }
  >();
  private readonly unsubscribe: () => void;

  constructor(
    reader: Pick<StrimziResourceReader, 'subscribe'>,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = reader.subscribe(() => this.answers.clear());
  }

  /** `build` gives the body and when it expires by itself (Infinity: never). */
  answer(
    query: ConnectorQuery,
    clusters: ClusterSyncState[],
    build: () => { body: unknown; expiresAt: number },
  ): KeptAnswer {
    const key = JSON.stringify([
      Object.entries(query).sort(([a], [b]) => a.localeCompare(b)),
      clustersKeyOf(clusters),
    ]);
    const kept = this.answers.get(key);
    if (kept && this.now() < kept.expiresAt) {
      return kept.answer;
    }
    const { body, expiresAt } = build();
    const json = JSON.stringify(body);
    const digest = createHash('sha1').update(json).digest('base64url');
    const answer = { json, etag: `W/"${digest}"` };
    this.answers.delete(key);
    if (this.answers.size >= MEMOISED_QUERIES) {
      this.answers.delete(this.answers.keys().next().value!);
    }
    this.answers.set(key, { answer, expiresAt });
    return answer;
  }

  /** Forgets every kept answer. */
  clear() {
    this.answers.clear();
  }

  close() {
    this.unsubscribe();
  }
}
