import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  ConnectorHealth,
  HealthTransition,
  StrimziResourceRef,
} from '@kcs/plugin-kafka-connect-common';
import type { Knex } from 'knex';
import {
  historyKeyOf,
  ObservedTransition,
  RecordedHealth,
} from './healthTransitions';

const LATEST = 'kafka_connect_health_latest';
const TRANSITIONS = 'kafka_connect_health_transitions';
/** Transitions written per transaction. */
const BATCH = 200;

const migrationsDir = resolvePackagePath(
  '@kcs/plugin-kafka-connect-backend',
  'migrations',
);

interface TransitionRow {
  from_health: string | null;
  to_health: string;
  reason: string;
  at: string;
}

const toTransition = (row: TransitionRow): HealthTransition => ({
  from: row.from_health as ConnectorHealth | null,
  to: row.to_health as ConnectorHealth,
  reason: row.reason,
  at: row.at,
});

/**
 * Connectors' health transitions in the plugin's own database. Several
 * replicas may write the same change: each write locks the connector's
 * latest-health row and writes only if the health there differs, so the
 * change is recorded once, by whichever replica comes first.
 */
export class HealthHistoryStore {
  static async create(database: DatabaseService): Promise<HealthHistoryStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new HealthHistoryStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  /**
   * Writes the transitions not already written; answers how many it wrote.
   * Many at once (a first start) go in batches, each one transaction, in
   * connector order: replicas then lock rows in the same order and cannot
   * deadlock each other.
   */
  async record(transitions: readonly ObservedTransition[]): Promise<number> {
    const ordered = [...transitions].sort((a, b) =>
      historyKeyOf(a.ref).localeCompare(historyKeyOf(b.ref), 'en'),
    );
    let written = 0;
    for (let start = 0; start < ordered.length; start += BATCH) {
      const batch = ordered.slice(start, start + BATCH);
      written += await this.knex.transaction(async tx => {
        let inBatch = 0;
        for (const transition of batch) {
          if (await this.recordIn(tx, transition)) {
            inBatch += 1;
          }
        }
        return inBatch;
      });
    }
    return written;
  }

  private async recordIn(
    tx: Knex.Transaction,
    { ref, to, reason, at }: ObservedTransition,
  ): Promise<boolean> {
    const key = {
      cluster: ref.cluster,
      namespace: ref.namespace,
      name: ref.name,
    };
    // Claim the row first: a concurrent claim waits for this one to commit.
    await tx(LATEST)
      .insert({ ...key, health: null, at: null })
      .onConflict(['cluster', 'namespace', 'name'])
      .ignore();
    const query = tx(LATEST).where(key).first('health');
    // SQLite writes one transaction at a time and has no row locks.
    const latest: { health: string | null } | undefined =
      tx.client.config.client === 'pg' ? await query.forUpdate() : await query;
    if (latest?.health === to) {
      return false;
    }
    await tx(LATEST).where(key).update({ health: to, at });
    await tx(TRANSITIONS).insert({
      ...key,
      from_health: latest?.health ?? null,
      to_health: to,
      reason,
      at,
    });
    return true;
  }

  /**
   * Every connector's latest recorded health, so that a restarted replica
   * writes only what changed while it was away, not one transaction per
   * connector to find out.
   */
  async latest(): Promise<Map<string, RecordedHealth>> {
    const rows: Array<{
      cluster: string;
      namespace: string;
      name: string;
      health: string | null;
      at: string | null;
    }> = await this.knex(LATEST)
      .whereNotNull('health')
      .select('cluster', 'namespace', 'name', 'health', 'at');
    return new Map(
      rows.map(row => [
        historyKeyOf(row),
        // The reason is not compared, only the health.
        {
          health: row.health as ConnectorHealth,
          reason: '',
          ...(row.at ? { since: row.at } : {}),
        },
      ]),
    );
  }

  /**
   * A connector's transitions since a time, oldest first, preceded by the
   * one in force at that time (if recorded and not yet pruned).
   */
  async list(
    ref: StrimziResourceRef,
    since: Date,
  ): Promise<HealthTransition[]> {
    const key = {
      cluster: ref.cluster,
      namespace: ref.namespace,
      name: ref.name,
    };
    const sinceIso = since.toISOString();
    const columns = ['from_health', 'to_health', 'reason', 'at'];
    const before: TransitionRow | undefined = await this.knex(TRANSITIONS)
      .where(key)
      .andWhere('at', '<', sinceIso)
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first(columns);
    const rows: TransitionRow[] = await this.knex(TRANSITIONS)
      .where(key)
      .andWhere('at', '>=', sinceIso)
      .orderBy([
        { column: 'at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select(columns);
    return [...(before ? [before] : []), ...rows].map(toTransition);
  }

  /** Lets go of the database connections (the plugin shuts down). */
  async close(): Promise<void> {
    await this.knex.destroy();
  }

  /** Deletes transitions older than a time; answers how many. */
  async prune(before: Date): Promise<number> {
    return this.knex(TRANSITIONS)
      .where('at', '<', before.toISOString())
      .delete();
  }
}
