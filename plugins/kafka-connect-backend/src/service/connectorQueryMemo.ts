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
 * Serialised answers of `GET /connectors` per query, kept until any
 * connector changes: the ownership page polls the same page every few
 * seconds, and an idle cache then answers it without filtering, sorting and
 * serialising every connector again. (One changed connector can move any
 * page, so any change drops them all.)
 */
export class ConnectorQueryMemo {
  private readonly answers = new Map<string, KeptAnswer>();
  private readonly unsubscribe: () => void;

  constructor(reader: Pick<StrimziResourceReader, 'subscribe'>) {
    this.unsubscribe = reader.subscribe(change => {
      // A KafkaConnect's own change shows in no connector summary.
      const connectsOnly =
        change.kind === 'KafkaConnect' &&
        (change.type === 'upsert' || change.type === 'delete');
      if (!connectsOnly) {
        this.answers.clear();
      }
    });
  }

  answer(
    query: ConnectorQuery,
    clusters: ClusterSyncState[],
    build: () => unknown,
  ): KeptAnswer {
    const key = JSON.stringify([
      Object.entries(query).sort(([a], [b]) => a.localeCompare(b)),
      clustersKeyOf(clusters),
    ]);
    const kept = this.answers.get(key);
    if (kept) {
      return kept;
    }
    const json = JSON.stringify(build());
    const digest = createHash('sha1').update(json).digest('base64url');
    const answer = { json, etag: `W/"${digest}"` };
    if (this.answers.size >= MEMOISED_QUERIES) {
      this.answers.delete(this.answers.keys().next().value!);
    }
    this.answers.set(key, answer);
    return answer;
  }

  close() {
    this.unsubscribe();
  }
}
