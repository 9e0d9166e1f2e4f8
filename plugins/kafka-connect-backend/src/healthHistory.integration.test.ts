import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { useTestCluster } from '@kcs/dev-cluster';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  connectManifest,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

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
  ids: postgresId ? [postgresId] : [],
});

const getCluster = useTestCluster();
// Three backends, a database and a 2 s wait: past jest's default 5 s on a
// shared machine.
jest.setTimeout(60_000);

function connector(namespace: string, name: string, state?: 'paused') {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: {
      name,
      namespace,
      labels: { 'strimzi.io/cluster': 'connect' },
    },
    spec: {
      class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      tasksMax: 1,
      ...(state ? { state } : {}),
      config: { topic: 'lines' },
    },
  };
}

async function connectorIn(namespace: string, name: string) {
  const cluster = getCluster();
  await cluster.apply([
    connectManifest(namespace),
    connector(namespace, name),
  ] as any);
}

/** A backend (one replica of the portal) on the test cluster. */
function startReplica(knex?: Knex) {
  const cluster = getCluster();
  return startBackendForCluster(cluster, {
    extraFeatures: knex ? [mockServices.database.factory({ knex })] : [],
  });
}

type Server = Awaited<ReturnType<typeof startReplica>>['server'];

/** The history once it has `count` transitions. */
async function historyOf(
  server: Server,
  path: string,
  count: number,
): Promise<Array<{ from: string | null; to: string; reason: string }>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await request(server).get(
      `/api/kafka-connect/connectors/${path}/history`,
    );
    if (response.status === 200 && response.body.items.length >= count) {
      return response.body.items;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `history of ${path} never had ${count} transitions: ${
          response.status
        } ${JSON.stringify(response.body)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe('health history against a real API server', () => {
  it('shows a connector becoming healthy and then paused, and refuses a bad "since"', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('history');
    await connectorIn(namespace, 'lines');
    const { server } = await startReplica();
    const path = `${cluster.name}/${namespace}/lines`;

    const first = await historyOf(server, path, 1);
    expect(first.map(t => [t.from, t.to])).toEqual([[null, 'healthy']]);

    await cluster.apply([connector(namespace, 'lines', 'paused')] as any);
    const second = await historyOf(server, path, 2);
    expect(second.map(t => [t.from, t.to])).toEqual([
      [null, 'healthy'],
      ['healthy', 'paused'],
    ]);
    expect(second[1].reason).toMatch(/paused/i);

    // The state in force at "since" comes first, even if it began earlier.
    const later = await request(server).get(
      `/api/kafka-connect/connectors/${path}/history?since=${new Date(
        Date.now() + 60_000,
      ).toISOString()}`,
    );
    expect(later.body.items.map((t: { to: string }) => t.to)).toEqual([
      'paused',
    ]);

    const bad = await request(server).get(
      `/api/kafka-connect/connectors/${path}/history?since=yesterday`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("'since'");

    const unknown = await request(server).get(
      `/api/kafka-connect/connectors/${cluster.name}/${namespace}/nope/history`,
    );
    expect(unknown.status).toBe(404);
  });

  it('has PostgreSQL to test against', () => {
    // The test command always provides it; without it the next test would not run.
    expect(postgresId).toMatch(/^POSTGRES_\d+$/);
  });

  it.each(databases.eachSupportedId())(
    'two replicas on one database write each change once, and history survives a restart (%s)',
    async databaseId => {
      const cluster = getCluster();
      const namespace = await cluster.newNamespace('replicas');
      await connectorIn(namespace, 'lines');
      const database = await databases.init(databaseId);
      // Each replica has its own connections to the same database.
      const connectionOf = () =>
        knexFactory({
          client: 'pg',
          connection: database.client.config.connection,
        });
      const replicaA = await startReplica(connectionOf());
      const replicaB = await startReplica(connectionOf());
      const path = `${cluster.name}/${namespace}/lines`;
      await historyOf(replicaA.server, path, 1);
      await cluster.apply([connector(namespace, 'lines', 'paused')] as any);
      await historyOf(replicaA.server, path, 2);
      await historyOf(replicaB.server, path, 2);
      const rows = () =>
        database('kafka_connect_health_transitions')
          .where({ namespace, name: 'lines' })
          .orderBy('id')
          .select('from_health', 'to_health');
      expect(await rows()).toEqual([
        { from_health: null, to_health: 'healthy' },
        { from_health: 'healthy', to_health: 'paused' },
      ]);

      await replicaA.stop();
      const restarted = await startReplica(connectionOf());
      const afterRestart = await historyOf(restarted.server, path, 2);
      expect(afterRestart.map(t => t.to)).toEqual(['healthy', 'paused']);
      // Give the restarted replica time to compare: nothing new to write.
      await new Promise(resolve => setTimeout(resolve, 2_000));
      expect(await rows()).toHaveLength(2);
    },
  );
});
