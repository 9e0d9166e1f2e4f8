/* eslint-disable no-console */
/**
 * Benchmark of health history writes: how long the first record of N
 * connectors takes (an empty database: one transaction per connector), a
 * burst of 1% of them changing, and a restarted replica's start (reading
 * every latest health). REAL: the database (SQLite in memory, and PostgreSQL
 * when KC_TEST_POSTGRES_URL is set, e.g. by scripts/lib/postgres.sh).
 * STUBBED: no watch cache or API server; transitions are made up.
 * Usage: yarn workspace @kcs/plugin-kafka-connect-backend bench:history [N]
 */
import knexFactory, { Knex } from 'knex';
import { HealthHistoryStore } from '../src/service/healthHistoryStore';
import type { ObservedTransition } from '../src/service/healthTransitions';

const count = Number(process.argv[2] ?? 5000);

const transition = (
  index: number,
  to: ObservedTransition['to'],
): ObservedTransition => ({
  ref: { cluster: 'eu', namespace: `ns-${index % 50}`, name: `c-${index}` },
  from: null,
  to,
  reason: `is ${to}`,
  at: new Date().toISOString(),
});

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  const result = await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`  ${what}: ${ms.toFixed(0)} ms`);
  return result;
}

async function bench(name: string, knex: Knex) {
  console.log(`${name}, ${count} connectors`);
  const store = await HealthHistoryStore.create({
    getClient: async () => knex,
  });
  const all = Array.from({ length: count }, (_, i) => transition(i, 'healthy'));
  await timed('first record of every connector', () => store.record(all));
  const burst = all
    .slice(0, Math.max(1, Math.floor(count / 100)))
    .map((_, i) => transition(i, 'failed'));
  await timed(`burst of ${burst.length} changes`, () => store.record(burst));
  const latest = await timed('restarted replica reads latest healths', () =>
    store.latest(),
  );
  console.log(`  (${latest.size} latest healths)`);
  await knex.destroy();
}

async function main() {
  await bench(
    'SQLite (in memory)',
    knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    }),
  );
  const postgresUrl = process.env.KC_TEST_POSTGRES_URL;
  if (postgresUrl) {
    const admin = knexFactory({ client: 'pg', connection: postgresUrl });
    const database = `bench_history_${Date.now()}`;
    await admin.raw(`CREATE DATABASE ${database}`);
    await bench(
      'PostgreSQL (local, fsync off)',
      knexFactory({ client: 'pg', connection: `${postgresUrl}/${database}` }),
    );
    await admin.raw(`DROP DATABASE ${database}`);
    await admin.destroy();
  } else {
    console.log('PostgreSQL skipped: KC_TEST_POSTGRES_URL is not set');
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
