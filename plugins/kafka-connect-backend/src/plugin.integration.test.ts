import { useTestCluster } from '@kcs/dev-cluster';
import request from 'supertest';
import {
  connectManifest,
  pollConnector,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

const getCluster = useTestCluster();

function connector(
  namespace: string,
  name: string,
  extra: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    failTask?: boolean;
  } = {},
) {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: {
      name,
      namespace,
      labels: { 'strimzi.io/cluster': 'connect', ...extra.labels },
      annotations: {
        ...extra.annotations,
        ...(extra.failTask
          ? {
              'simulator.kafka-connect.dev/failed-tasks':
                '{"1":"java.lang.Exception: boom"}',
            }
          : {}),
      },
    },
    spec: {
      class: 'io.debezium.connector.mysql.MySqlConnector',
      tasksMax: 2,
      config: {
        'database.password': '${secrets:orders/mysql:password}',
        'topic.prefix': 'shop',
      },
    },
  };
}

describe('kafka-connect REST API against a real cluster', () => {
  async function start() {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('api');
    await cluster.apply([
      connectManifest(namespace),
      connector(namespace, 'orders-cdc', {
        labels: { 'backstage.io/kubernetes-id': `orders-${namespace}` },
        annotations: {
          'kafka-connect.dev/owner': `group:default/team-${namespace}`,
        },
      }),
      connector(namespace, 'orders-flaky', {
        labels: { 'backstage.io/kubernetes-id': `orders-${namespace}` },
        annotations: {
          'kafka-connect.dev/owner': `group:default/team-${namespace}`,
        },
        failTask: true,
      }),
      connector(namespace, 'nobodys'),
    ]);
    const { server } = await startBackendForCluster(cluster, {
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: `orders-${namespace}`,
            namespace: 'default',
            annotations: {
              'backstage.io/kubernetes-id': `orders-${namespace}`,
            },
          },
          spec: {},
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: `team-${namespace}`, namespace: 'default' },
          spec: {},
          // What the catalog module's connector entities give the owner.
          relations: [
            {
              type: 'ownerOf',
              targetRef: `resource:default/kctr.${cluster.name}.${namespace}.orders-cdc`,
            },
          ],
        },
      ],
    });
    // Wait until the watch has seen the operator stand-in's statuses; synced
    // too: every kind's first list is in (connectors may come first).
    await pollConnector(
      server,
      cluster,
      namespace,
      'orders-flaky',
      body => body.health === 'degraded' && body.stale === false,
      15_000,
      { intervalMs: 200 },
    );
    return { server, cluster, namespace };
  }

  it('answers entity, list, detail and cluster queries from the watch cache, without config values', async () => {
    const { server, cluster, namespace } = await start();

    const forComponent = await request(server).get(
      `/api/kafka-connect/entity-connectors?entityRef=component:default/orders-${namespace}`,
    );
    expect(forComponent.status).toBe(200);
    expect(
      forComponent.body.items.map((item: { name: string }) => item.name),
    ).toEqual(['orders-cdc', 'orders-flaky']);
    const flaky = forComponent.body.items[1];
    expect(flaky).toMatchObject({
      cluster: cluster.name,
      namespace,
      health: 'degraded',
      reason: expect.stringMatching(
        /^1 of 2 tasks failed: java.lang.Exception: boom/,
      ),
      tasks: { total: 2, running: 1, failed: 1 },
      failingTasks: [
        { id: 1, state: 'FAILED', trace: 'java.lang.Exception: boom' },
      ],
      connectCluster: 'connect',
      owner: `group:default/team-${namespace}`,
      entityRef: `resource:default/kctr.${cluster.name}.${namespace}.orders-flaky`,
      stale: false,
    });
    expect(forComponent.body.connectClusters).toEqual([
      expect.objectContaining({
        name: 'connect',
        ready: true,
        connectorResourcesEnabled: true,
      }),
    ]);
    expect(JSON.stringify(forComponent.body)).not.toContain('secrets:orders');

    const forGroup = await request(server).get(
      `/api/kafka-connect/entity-connectors?entityRef=group:default/team-${namespace}`,
    );
    expect(forGroup.body.items).toHaveLength(2);

    const unowned = await request(server).get(
      '/api/kafka-connect/connectors?owner=none',
    );
    expect(
      unowned.body.items.map((item: { name: string }) => item.name),
    ).toContain('nobodys');
    const degraded = await request(server).get(
      `/api/kafka-connect/connectors?health=degraded&cluster=${cluster.name}`,
    );
    expect(
      degraded.body.items.map((item: { name: string }) => item.name),
    ).toContain('orders-flaky');
    expect(
      degraded.body.items.every(
        (item: { health: string }) => item.health === 'degraded',
      ),
    ).toBe(true);

    const clusters = await request(server).get('/api/kafka-connect/clusters');
    expect(clusters.body.items).toEqual([
      expect.objectContaining({
        name: cluster.name,
        synced: true,
        strimziApiVersion: 'v1',
      }),
    ]);
  }, 60_000);

  it('follows changes in the cluster although it keeps answers of unchanged entities', async () => {
    const { server, namespace } = await start();
    const url = `/api/kafka-connect/entity-connectors?entityRef=component:default/orders-${namespace}`;
    const names = async () =>
      (await request(server).get(url)).body.items.map(
        (item: { name: string; desiredState?: string }) =>
          `${item.name}:${item.desiredState}`,
      );
    // Asked twice, so the second answer is the kept one; its ETag makes a
    // conditional request cheap.
    const first = await request(server).get(url);
    expect(
      (await request(server).get(url).set('If-None-Match', first.headers.etag))
        .status,
    ).toBe(304);
    expect(await names()).toEqual([
      'orders-cdc:running',
      'orders-flaky:running',
    ]);
    await getCluster().apply([
      {
        ...connector(namespace, 'orders-cdc', {
          labels: { 'backstage.io/kubernetes-id': `orders-${namespace}` },
          annotations: {
            'kafka-connect.dev/owner': `group:default/team-${namespace}`,
          },
        }),
        spec: {
          class: 'io.debezium.connector.mysql.MySqlConnector',
          tasksMax: 2,
          state: 'paused',
          config: { 'topic.prefix': 'shop' },
        },
      },
      connector(namespace, 'orders-new', {
        labels: { 'backstage.io/kubernetes-id': `orders-${namespace}` },
      }),
    ]);
    const deadline = Date.now() + 10_000;
    let seen = await names();
    while (seen.length < 3 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 100));
      seen = await names();
    }
    expect(seen).toEqual([
      'orders-cdc:paused',
      'orders-flaky:running',
      'orders-new:running',
    ]);
  }, 60_000);

  it("takes a connector's owner from its Namespace when the connector names none", async () => {
    const { server, namespace } = await start();
    const namespaceOwner = `group:default/platform-${namespace}`;
    const ownedBy = async (owner: string) =>
      (
        await request(server)
          .get('/api/kafka-connect/connectors')
          .query({ owner })
      ).body.items
        .filter((item: { namespace: string }) => item.namespace === namespace)
        .map(
          (item: { name: string; owner?: string }) =>
            `${item.name}:${item.owner}`,
        );
    expect(await ownedBy(namespaceOwner)).toEqual([]);
    await getCluster().apply([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: namespace,
          annotations: { 'kafka-connect.dev/owner': namespaceOwner },
        },
      },
    ]);
    const deadline = Date.now() + 10_000;
    let seen = await ownedBy(namespaceOwner);
    while (seen.length === 0 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 100));
      seen = await ownedBy(namespaceOwner);
    }
    // Only the connector without an owner annotation: the resource's own owner comes first.
    expect(seen).toEqual([`nobodys:${namespaceOwner}`]);
    expect(await ownedBy(`group:default/team-${namespace}`)).toEqual([
      `orders-cdc:group:default/team-${namespace}`,
      `orders-flaky:group:default/team-${namespace}`,
    ]);
  }, 60_000);

  it('explains bad requests', async () => {
    const { server, cluster } = await start();
    const badHealth = await request(server).get(
      '/api/kafka-connect/connectors?health=sick',
    );
    expect(badHealth.status).toBe(400);
    expect(badHealth.body.error.message).toContain(
      "'health' must be one of healthy",
    );
    const missingRef = await request(server).get(
      '/api/kafka-connect/entity-connectors',
    );
    expect(missingRef.status).toBe(400);
    expect(missingRef.body.error.message).toContain("'entityRef' is required");
    const unknownEntity = await request(server).get(
      '/api/kafka-connect/entity-connectors?entityRef=component:default/nope',
    );
    expect(unknownEntity.status).toBe(404);
    const unknownConnector = await request(server).get(
      `/api/kafka-connect/connectors/${cluster.name}/none/none`,
    );
    expect(unknownConnector.status).toBe(404);
  }, 60_000);
});
