import path from 'node:path';
import { helmTemplate, useTestCluster } from '@kcs/dev-cluster';
import request from 'supertest';
import {
  connectManifest,
  pollConnector,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

const getCluster = useTestCluster();

/** The sample chart of the repository: the one adopters start from. */
const SAMPLE_CHART = path.resolve(
  __dirname,
  '../../../charts/kafka-connectors',
);

describe('the sample connectors chart, rendered by helm and applied to a cluster', () => {
  it('shows every connector of the chart with its owner, class, Connect cluster and blueprint', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('chart');
    const rendered = helmTemplate(SAMPLE_CHART, {
      namespace,
      set: { connectCluster: 'connect', system: 'system:default/orders' },
    });
    const connectors = rendered.filter(o => o.kind === 'KafkaConnector');
    expect(connectors).toHaveLength(6);
    await cluster.apply([connectManifest(namespace), ...rendered]);
    const { server, stop } = await startBackendForCluster(cluster);
    try {
      const seen = [];
      for (const connector of connectors) {
        seen.push(
          await pollConnector(
            server,
            cluster,
            namespace,
            connector.metadata.name,
            body => body.stale === false,
            20_000,
          ),
        );
      }
      expect(
        seen
          .map(body => ({
            name: body.name,
            owner: body.owner,
            class: body.class,
            connectCluster: body.connectCluster,
            desiredState: body.desiredState,
            blueprint: body.blueprint?.id,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      ).toEqual([
        {
          name: 'bq-shop-analytics-orders-v1',
          owner: 'group:default/team-analytics',
          class: 'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
          connectCluster: 'connect',
          desiredState: 'running',
          blueprint: 'bigquery-sink',
        },
        {
          name: 'catalogmongo-products-items-v1',
          owner: 'group:default/team-orders',
          class: 'io.debezium.connector.mongodb.MongoDbConnector',
          connectCluster: 'connect',
          desiredState: 'paused',
          blueprint: 'debezium-mongodb-source',
        },
        {
          name: 'eu-us-mirror-orders',
          owner: 'group:default/team-orders',
          class: 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
          connectCluster: 'connect',
          desiredState: 'running',
          blueprint: 'mirrormaker2-source',
        },
        {
          name: 'http-billing-invoices-v1',
          owner: 'group:default/team-orders',
          class: 'io.aiven.kafka.connect.http.HttpSinkConnector',
          connectCluster: 'connect',
          desiredState: 'running',
          blueprint: 'http-sink',
        },
        {
          name: 'instance2mysql-schema2-table2-2025042401',
          owner: 'group:default/team-orders',
          class: 'io.debezium.connector.mysql.MySqlConnector',
          connectCluster: 'connect',
          desiredState: 'running',
          blueprint: 'debezium-mysql-source',
        },
        {
          name: 'orderspostgres-billing-invoices-v2',
          owner: 'group:default/team-orders',
          class: 'io.debezium.connector.postgresql.PostgresConnector',
          connectCluster: 'connect',
          desiredState: 'running',
          blueprint: 'debezium-postgres-source',
        },
      ]);
      // the change forms can start from what the chart rendered
      const mysql = seen.find(body => body.name.startsWith('instance2'))!;
      expect(mysql.blueprint.parameters).toEqual({
        instance: 'instance2',
        database: 'schema2',
        table: 'table2',
        version: '2025042401',
        serverId: 5400,
        snapshotMode: 'initial',
      });
      // and the owner filter of the list offers the chart's owners
      const list = await request(server).get('/api/kafka-connect/connectors');
      expect(list.status).toBe(200);
      expect(list.body.owners).toEqual(
        expect.arrayContaining([
          'group:default/team-analytics',
          'group:default/team-orders',
        ]),
      );
    } finally {
      await stop();
    }
  });
});
