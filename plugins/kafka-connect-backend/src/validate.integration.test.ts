import {
  PLANTED_SECRET_PREFIX,
  useTestCluster,
  writePostgresInstances,
} from '@kcs/dev-cluster';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  realWorkerConnect,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

// POST /api/kafka-connect/validate against the dev cluster's real Kafka
// Connect worker: Connect's own checks, nothing stubbed.
const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
jest.setTimeout(60_000);

const BLUEPRINTS = path.join(
  __dirname,
  'service/validation/__fixtures__/file-source.yaml',
);

describe('POST /api/kafka-connect/validate on a real Kafka Connect worker', () => {
  it('names the refused form parameter, the missing setting of a manifest, and passes a good config', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('validate');
    await cluster.apply([
      realWorkerConnect(namespace, cluster.bootstrapServers),
    ]);
    const { server, stop } = await startBackendForCluster(cluster, {
      kafkaConnect: {
        scaffolder: { blueprintLocations: [BLUEPRINTS] },
        validation: {
          targets: [
            {
              cluster: cluster.name,
              connectClusters: [`${namespace}/connect`],
              // The worker listens on loopback; in a cluster this is
              // http://{name}-connect-api.{namespace}.svc:8083.
              url: cluster.connectUrl!,
            },
          ],
        },
      },
    });
    const validate = (body: object) =>
      request(server).post('/api/kafka-connect/validate').send(body);
    const formInput = {
      blueprint: 'file-source',
      parameters: { feed: 'orders', topic: 'orders', batchSize: 'lots' },
      cluster: cluster.name,
      namespace,
      connectCluster: 'connect',
      owner: 'group:default/team-orders',
    };

    const refused = await validate(formInput);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      valid: false,
      errorCount: 1,
      errors: [
        {
          field: 'parameters.batchSize',
          configKey: 'batch.size',
          message:
            'Invalid value lots for configuration batch.size: Not a number of type INT',
        },
      ],
    });

    const sinkWithoutTopics = await validate({
      cluster: cluster.name,
      connector: {
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaConnector',
        metadata: {
          name: 'copy',
          namespace,
          labels: { 'strimzi.io/cluster': 'connect' },
          annotations: {
            'kafka-connect.dev/owner': 'group:default/team-orders',
          },
        },
        spec: {
          class: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
          tasksMax: 1,
          config: { file: 'copy.txt' },
        },
      },
    });
    expect(sinkWithoutTopics.body.valid).toBe(false);
    expect(
      sinkWithoutTopics.body.errors.map((e: { field: string }) => e.field),
    ).toEqual(['config.topics', 'config.topics.regex']);

    const good = await validate({
      ...formInput,
      parameters: { ...formInput.parameters, batchSize: '50' },
    });
    expect(good.body).toMatchObject({
      valid: true,
      errorCount: 0,
      errors: [],
      connector: { name: 'file-orders', connectCluster: 'connect' },
    });

    const elsewhere = await validate({ ...formInput, connectCluster: 'other' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toContain('not configured');
    await stop();
  });

  it('checks the built-in Debezium PostgreSQL blueprint with its server and credentials read through the secretManager provider', async () => {
    // The test PostgreSQL (scripts/lib/postgres.sh) starts after the cluster,
    // so this test writes the instance the blueprint's references name.
    const postgresUrl = process.env.KC_TEST_POSTGRES_URL;
    expect(postgresUrl).toMatch(/^postgresql:\/\//);
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('validate-pg');
    const instance = `pg${namespace.slice(-8)}`;
    const instanceDir = path.join(cluster.connectorFilesDir!, instance);
    writePostgresInstances(cluster.connectorFilesDir!, postgresUrl!, [
      instance,
    ]);
    await cluster.apply([
      realWorkerConnect(namespace, cluster.bootstrapServers),
    ]);
    const { server, stop } = await startBackendForCluster(cluster, {
      kafkaConnect: {
        validation: {
          targets: [
            {
              cluster: cluster.name,
              connectClusters: [`${namespace}/connect`],
              url: cluster.connectUrl!,
            },
          ],
        },
      },
    });
    const validate = (database: string) =>
      request(server)
        .post('/api/kafka-connect/validate')
        .send({
          blueprint: 'debezium-postgres-source',
          parameters: {
            instance,
            database,
            schema: 'public',
            table: 'orders',
            version: 'v1',
          },
          cluster: cluster.name,
          namespace,
          connectCluster: 'connect',
          owner: 'group:default/team-orders',
        });
    try {
      // Debezium connects to the server the references resolve to.
      const accepted = await validate('postgres');
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        valid: true,
        errorCount: 0,
        errors: [],
        connector: {
          name: `${instance}postgres-postgres-orders-v1`,
          class: 'io.debezium.connector.postgresql.PostgresConnector',
        },
      });

      // Refused for the value, not for a provider the worker lacks: only the
      // connection fails (Debezium reports it on database.hostname, which the
      // instance parameter renders), and the message names the database.
      const refused = await validate('nosuchdb');
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ valid: false, errorCount: 1 });
      expect(refused.body.errors).toEqual([
        {
          field: 'parameters.instance',
          fields: ['parameters.instance'],
          configKey: 'database.hostname',
          message: expect.stringContaining(
            'database "nosuchdb" does not exist',
          ),
        },
      ]);
      for (const body of [accepted.body, refused.body]) {
        expect(JSON.stringify(body)).not.toContain(PLANTED_SECRET_PREFIX);
      }
    } finally {
      fs.rmSync(instanceDir, { recursive: true, force: true });
      await stop();
    }
  });
});
