import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { applyObjects, RunningCluster, startCluster } from '@kcs/dev-cluster';
import request from 'supertest';
import { kafkaConnectPlugin } from './plugin';

const component = 'multi-cluster-service';

function resources(cluster: string) {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kafka' } },
    {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnect',
      metadata: {
        name: 'connect',
        namespace: 'kafka',
        annotations: { 'strimzi.io/use-connector-resources': 'true' },
      },
      spec: {
        replicas: 1,
        bootstrapServers: 'k:9092',
        groupId: 'g',
        configStorageTopic: 'c',
        statusStorageTopic: 's',
        offsetStorageTopic: 'o',
      },
    },
    {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnector',
      metadata: {
        name: `sink-${cluster}`,
        namespace: 'kafka',
        labels: {
          'strimzi.io/cluster': 'connect',
          'backstage.io/kubernetes-id': component,
        },
      },
      spec: {
        class: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
        tasksMax: 1,
        config: { topics: 't' },
      },
    },
  ];
}

async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 40_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} did not happen in time ${last ? String(last) : ''}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

describe('two clusters, one of them failing', () => {
  const clusters: RunningCluster[] = [];
  afterAll(async () => {
    await Promise.all(clusters.map(cluster => cluster.stop()));
  }, 60_000);

  it('keeps the last state of a stopped cluster marked stale, serves the other live, and converges after restart', async () => {
    clusters.push(
      ...(await Promise.all(
        ['mc-east', 'mc-west'].map(name => startCluster({ name })),
      )),
    );
    const [east, west] = clusters;
    await Promise.all([
      applyObjects(east.kubeConfig(), resources('east') as never),
      applyObjects(west.kubeConfig(), resources('west') as never),
    ]);
    const { server } = await startTestBackend({
      features: [
        kafkaConnectPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: component,
                namespace: 'default',
                annotations: { 'backstage.io/kubernetes-id': component },
              },
              spec: {},
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            kafkaConnect: {
              clusters: clusters.map(cluster => ({
                name: cluster.name,
                url: cluster.server,
                serviceAccountToken: cluster.portalToken,
                caData: cluster.caData,
              })),
            },
          },
        }),
      ],
    });
    const entityConnectors = async () =>
      (
        await request(server).get(
          `/api/kafka-connect/entity-connectors?entityRef=component:default/${component}`,
        )
      ).body;

    await until('both connectors healthy', async () => {
      const body = await entityConnectors();
      return (
        body.items?.length === 2 &&
        body.items.every(
          (item: { health: string }) => item.health === 'healthy',
        )
      );
    });

    await east.stopApiServer();
    const during = await until('east reported stale', async () => {
      const body = await entityConnectors();
      return body.clusters.find(
        (c: { name: string; synced: boolean }) =>
          c.name === 'mc-east' && !c.synced,
      )
        ? body
        : undefined;
    });
    expect(
      during.clusters.find((c: { name: string }) => c.name === 'mc-east').error,
    ).toEqual(expect.any(String));
    const byName = Object.fromEntries(
      during.items.map((item: { name: string }) => [item.name, item]),
    );
    expect(byName['sink-east']).toMatchObject({
      health: 'healthy',
      stale: true,
    });
    expect(byName['sink-west']).toMatchObject({
      health: 'healthy',
      stale: false,
    });

    // A change made right after the restart, before the cache reconnects, is not lost.
    await east.startApiServer();
    await applyObjects(east.kubeConfig(), [
      {
        ...resources('east')[2],
        spec: { ...resources('east')[2].spec, state: 'paused' },
      },
    ] as never);
    const after = await until('east resynced with the change', async () => {
      const body = await entityConnectors();
      const sink = body.items?.find(
        (item: { name: string }) => item.name === 'sink-east',
      );
      return sink?.health === 'paused' && !sink.stale ? body : undefined;
    });
    expect(after.clusters.every((c: { synced: boolean }) => c.synced)).toBe(
      true,
    );
  }, 120_000);
});
