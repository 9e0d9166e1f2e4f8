import { KubernetesObject } from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { useTestCluster } from '../harness';
import { writePostgresInstances } from '../kafka/secretManager';
import { realWorkerSamples } from '../realWorkerSamples';
import { ready, setupRealWorker, TIMEOUT } from './realWorkerTesting';

// The Debezium PostgreSQL connector on the real worker, streaming a table of
// the test PostgreSQL (started by the test command with logical replication)
// into a real topic.
const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
const setup = (prefix: string) => setupRealWorker(getCluster, prefix);

jest.setTimeout(120_000);

const postgresUrl = process.env.KC_TEST_POSTGRES_URL;

function psqlBinary(): string {
  const base = '/usr/lib/postgresql';
  const version = fs
    .readdirSync(base)
    .sort((a, b) => Number(b) - Number(a))
    .find(candidate => fs.existsSync(`${base}/${candidate}/bin/psql`));
  if (!version) {
    throw new Error(`no psql under ${base}; install postgresql`);
  }
  return `${base}/${version}/bin/psql`;
}

function psql(database: string, sql: string): string {
  return execFileSync(
    psqlBinary(),
    [`${postgresUrl}/${database}`, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql],
    { encoding: 'utf8' },
  );
}

describe('Debezium PostgreSQL on the real worker', () => {
  it('has PostgreSQL with logical replication to test against', () => {
    expect(postgresUrl).toMatch(/^postgresql:\/\//);
    expect(psql('postgres', 'SHOW wal_level').trim()).toBe('logical');
  });

  it('streams a real table into a real topic, snapshot and changes', async () => {
    const { cluster, apiVersion, rest, wait, namespace } = await setup('dbz');
    const id = namespace.replace(/-/g, '_');
    const database = `shop_${id}`;
    psql('postgres', `CREATE DATABASE ${database}`);
    psql(
      database,
      "CREATE TABLE public.orders (id serial PRIMARY KEY, item text NOT NULL); INSERT INTO public.orders (item) VALUES ('book'), ('lamp')",
    );
    const url = new URL(postgresUrl!);
    const name = `shop-${namespace}`;
    const prefix = `shop${id}`;
    await cluster.apply({
      apiVersion,
      kind: 'KafkaConnector',
      metadata: {
        name,
        namespace,
        labels: { 'strimzi.io/cluster': 'connect' },
      },
      spec: {
        class: 'io.debezium.connector.postgresql.PostgresConnector',
        // Debezium runs one task whatever tasksMax says.
        tasksMax: 3,
        config: {
          'database.hostname': url.hostname,
          'database.port': url.port,
          'database.user': url.username,
          'database.dbname': database,
          'topic.prefix': prefix,
          'table.include.list': 'public.orders',
          'plugin.name': 'pgoutput',
          'slot.name': `slot_${id}`,
          'publication.name': `pub_${id}`,
          'publication.autocreate.mode': 'filtered',
        },
      },
    } as KubernetesObject);
    const streaming = await wait(
      name,
      resource => ready(resource) && resource.status.topics?.length > 0,
    );
    expect(streaming.status.topics).toEqual([`${prefix}.public.orders`]);
    expect(streaming.status.connectorStatus.tasks).toHaveLength(1);
    expect(streaming.status.tasksMax).toBe(3);
    expect(
      psql(
        database,
        `SELECT active FROM pg_replication_slots WHERE slot_name = 'slot_${id}'`,
      ).trim(),
    ).toBe('t');

    // A change after the snapshot moves the committed position (an LSN).
    psql(database, "INSERT INTO public.orders (item) VALUES ('chair')");
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const offsets = (await rest.offsets(name)).offsets as {
        offset: Record<string, unknown>;
      }[];
      if (offsets.some(entry => entry.offset.lsn !== undefined)) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`no LSN committed: ${JSON.stringify(offsets)}`);
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  });

  it('runs the demo sample Debezium connector as scripts/start.sh sets it up', async () => {
    const { cluster, wait, namespace } = await setup('dbzdemo');
    const database = `demo_${namespace.replace(/-/g, '_')}`;
    psql('postgres', `CREATE DATABASE ${database}`);
    psql(
      database,
      "CREATE TABLE public.orders (id serial PRIMARY KEY, item text NOT NULL, status text NOT NULL); INSERT INTO public.orders (item, status) VALUES ('book', 'created')",
    );
    // The cluster writes these from KC_DEMO_POSTGRES_URL when it starts;
    // the test cluster starts before the test PostgreSQL does.
    writePostgresInstances(cluster.connectorFilesDir!, postgresUrl!, ['shop']);
    const sample = realWorkerSamples(cluster.bootstrapServers!, {
      clusterName: namespace,
      postgresUrl: `${postgresUrl}/${database}`,
    }).find(manifest => manifest.metadata.name === 'shop-orders-postgres-cdc')!;
    await cluster.apply({
      ...sample,
      apiVersion: `kafka.strimzi.io/${
        cluster.strimziApi === 'v1' ? 'v1' : 'v1beta2'
      }`,
      metadata: {
        ...sample.metadata,
        namespace,
        // The sample's KafkaConnect is local-connect; this namespace's is connect.
        labels: { ...sample.metadata.labels, 'strimzi.io/cluster': 'connect' },
      },
    } as KubernetesObject);
    const streaming = await wait(
      'shop-orders-postgres-cdc',
      resource => ready(resource) && resource.status.topics?.length > 0,
    );
    expect(streaming.status.topics).toEqual(['shop.public.orders']);
  });
});
