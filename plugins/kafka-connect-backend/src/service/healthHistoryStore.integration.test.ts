import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { HealthHistoryStore } from './healthHistoryStore';
import type { ObservedTransition } from './healthTransitions';

// PostgreSQL comes from the test command (scripts/lib/postgres.sh exports the
// variable Backstage's TestDatabases reads for its major version).
const postgresId = Object.keys(process.env)
  .map(
    key =>
      /^BACKSTAGE_TEST_DATABASE_(POSTGRES\d+)_CONNECTION_STRING$/.exec(
        key,
      )?.[1],
  )
  .find(Boolean)
  ?.replace('POSTGRES', 'POSTGRES_') as TestDatabaseId | undefined;

const databases = TestDatabases.create({
  ids: postgresId ? ['SQLITE_3', postgresId] : ['SQLITE_3'],
});

const orders = { cluster: 'eu', namespace: 'shop', name: 'orders' };

function seen(
  from: ObservedTransition['from'],
  to: ObservedTransition['to'],
  at: string,
  ref = orders,
): ObservedTransition {
  return { ref, from, to, reason: `now ${to}`, at };
}

/** Two stores on one database: what two backend replicas are. */
async function twoReplicas(databaseId: TestDatabaseId) {
  const knex: Knex = await databases.init(databaseId);
  const database = { getClient: async () => knex };
  const first = await HealthHistoryStore.create(database);
  const second = await HealthHistoryStore.create(database);
  return { knex, first, second };
}

describe('HealthHistoryStore on a real database', () => {
  it('has PostgreSQL to test against', () => {
    // The test command always provides it; without it half of this file would not run.
    expect(postgresId).toMatch(/^POSTGRES_\d+$/);
  });

  it.each(databases.eachSupportedId())(
    'records a transition two replicas see once, whichever writes first (%s)',
    async databaseId => {
      const { knex, first, second } = await twoReplicas(databaseId);
      // Both see the connector appear healthy, then fail, a few ms apart.
      const written = await Promise.all([
        first.record([seen(null, 'healthy', '2026-12-02T08:00:00.000Z')]),
        second.record([seen(null, 'healthy', '2026-12-02T08:00:00.004Z')]),
      ]);
      expect(written.sort()).toEqual([0, 1]);
      const failed = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? first : second).record([
            seen('healthy', 'failed', `2026-12-02T09:00:00.00${i}Z`),
          ]),
        ),
      );
      expect(failed.reduce((a, b) => a + b, 0)).toBe(1);

      const history = await second.list(
        orders,
        new Date('2026-12-02T00:00:00Z'),
      );
      expect(history.map(t => [t.from, t.to])).toEqual([
        [null, 'healthy'],
        ['healthy', 'failed'],
      ]);
      const rows = await knex('kafka_connect_health_transitions').select('id');
      expect(rows).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'two replicas writing many connectors in opposite orders neither deadlock nor write twice (%s)',
    async databaseId => {
      const { knex, first, second } = await twoReplicas(databaseId);
      const many = Array.from({ length: 450 }, (_, i) =>
        seen(null, 'healthy', '2026-12-02T08:00:00.000Z', {
          ...orders,
          name: `c-${i}`,
        }),
      );
      const written = await Promise.all([
        first.record(many),
        second.record([...many].reverse()),
      ]);
      expect(written[0] + written[1]).toBe(450);
      expect(
        await knex('kafka_connect_health_transitions').select('id'),
      ).toHaveLength(450);
    },
  );

  it.each(databases.eachSupportedId())(
    'takes "from" from the database, not from what a replica remembers (%s)',
    async databaseId => {
      const { first, second } = await twoReplicas(databaseId);
      await first.record([seen(null, 'healthy', '2026-12-02T08:00:00.000Z')]);
      await first.record([
        seen('healthy', 'paused', '2026-12-02T08:10:00.000Z'),
      ]);
      // The second replica started late and only knows the first state.
      await second.record([
        seen('healthy', 'failed', '2026-12-02T08:20:00.000Z'),
      ]);
      const history = await first.list(orders, new Date(0));
      expect(history.map(t => `${t.from}->${t.to}`)).toEqual([
        'null->healthy',
        'healthy->paused',
        'paused->failed',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists from the state in force at "since", keeps connectors apart, and prunes old transitions (%s)',
    async databaseId => {
      const { first } = await twoReplicas(databaseId);
      const billing = { ...orders, name: 'billing' };
      await first.record([
        seen(null, 'healthy', '2026-11-10T08:00:00.000Z'),
        seen(null, 'pending', '2026-11-10T08:00:00.000Z', billing),
      ]);
      await first.record([
        seen('healthy', 'failed', '2026-11-20T08:00:00.000Z'),
      ]);
      await first.record([
        seen('failed', 'healthy', '2026-12-02T08:00:00.000Z'),
      ]);
      const sinceYesterday = await first.list(
        orders,
        new Date('2026-12-01T10:00:00Z'),
      );
      expect(sinceYesterday.map(t => [t.to, t.at])).toEqual([
        ['failed', '2026-11-20T08:00:00.000Z'],
        ['healthy', '2026-12-02T08:00:00.000Z'],
      ]);

      const pruned = await first.prune(new Date('2026-11-18T08:00:00.000Z'));
      expect(pruned).toBe(2);
      expect((await first.list(orders, new Date(0))).map(t => t.at)).toEqual([
        '2026-11-20T08:00:00.000Z',
        '2026-12-02T08:00:00.000Z',
      ]);
      expect(await first.list(billing, new Date(0))).toEqual([]);
      expect(await first.latest()).toEqual(
        new Map([
          [
            'eu/shop/orders',
            {
              health: 'healthy',
              reason: '',
              since: '2026-12-02T08:00:00.000Z',
            },
          ],
          [
            'eu/shop/billing',
            {
              health: 'pending',
              reason: '',
              since: '2026-11-10T08:00:00.000Z',
            },
          ],
        ]),
      );
      // The latest health survives pruning: an unchanged health is not written again.
      expect(
        await first.record([seen(null, 'healthy', '2026-12-02T09:00:00.000Z')]),
      ).toBe(0);
    },
  );
});
