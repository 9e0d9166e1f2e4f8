import { CustomObjectsApi } from '@kubernetes/client-node';
import { useTestCluster } from './harness';
import { waitForResource } from './testing';

// Strimzi writes ISO_INSTANT of a nanosecond clock: fraction digits in groups of three.
const STRIMZI_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.(\d{3}){1,3})?Z$/;

const CONNECT_SPEC = {
  bootstrapServers: 'kafka:9092',
  groupId: 'g',
  configStorageTopic: 'c',
  statusStorageTopic: 's',
  offsetStorageTopic: 'o',
};

describe('Strimzi 0.51 profile (v1 and v1beta2 served)', () => {
  const getCluster = useTestCluster({ strimziProfile: '0.51' });

  it('serves both versions, defaults v1beta2 replicas to 3 and requires them in v1', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('both');
    const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    for (const version of ['v1', 'v1beta2']) {
      await expect(
        api.listNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version,
          namespace,
          plural: 'kafkaconnects',
        }),
      ).resolves.toBeDefined();
    }
    await expect(
      cluster.apply([
        {
          apiVersion: 'kafka.strimzi.io/v1',
          kind: 'KafkaConnect',
          metadata: { name: 'no-replicas-v1', namespace },
          spec: CONNECT_SPEC,
        },
      ]),
    ).rejects.toThrow(/replicas/);
    await cluster.apply([
      {
        apiVersion: 'kafka.strimzi.io/v1beta2',
        kind: 'KafkaConnect',
        metadata: {
          name: 'defaulted',
          namespace,
          annotations: { 'strimzi.io/use-connector-resources': 'true' },
        },
        spec: CONNECT_SPEC,
      },
    ]);
    const connect = await waitForResource(
      cluster.kubeConfig(),
      {
        version: 'v1beta2',
        plural: 'kafkaconnects',
        namespace,
        name: 'defaulted',
      },
      resource => resource.status?.replicas !== undefined,
    );
    expect(connect.status.replicas).toBe(3);
    expect(connect.status.url).toBeDefined();
    expect(connect.status.conditions[0].lastTransitionTime).toMatch(
      STRIMZI_TIMESTAMP,
    );
  });

  it('warns about v1beta2 pause beside state, and retimes every condition when the status changes', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('warn');
    await cluster.apply([
      {
        apiVersion: 'kafka.strimzi.io/v1beta2',
        kind: 'KafkaConnect',
        metadata: {
          name: 'connect',
          namespace,
          annotations: { 'strimzi.io/use-connector-resources': 'true' },
        },
        spec: { ...CONNECT_SPEC, replicas: 1 },
      },
      {
        apiVersion: 'kafka.strimzi.io/v1beta2',
        kind: 'KafkaConnector',
        metadata: {
          name: 'both-set',
          namespace,
          labels: { 'strimzi.io/cluster': 'connect' },
        },
        spec: {
          class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
          pause: true,
          state: 'running',
          tasksMax: 1,
        },
      },
    ]);
    const where = {
      version: 'v1beta2',
      plural: 'kafkaconnectors',
      namespace,
      name: 'both-set',
    };
    const first = await waitForResource(
      cluster.kubeConfig(),
      where,
      resource =>
        resource.status?.connectorStatus?.connector?.state === 'RUNNING',
    );
    expect(
      first.status.conditions.map(
        (c: { type: string; reason?: string }) => c.reason ?? c.type,
      ),
    ).toEqual(['DeprecatedFields', 'UpdateState', 'Ready']);
    const before: string[] = first.status.conditions.map(
      (c: { lastTransitionTime: string }) => c.lastTransitionTime,
    );
    for (const time of before) {
      expect(time).toMatch(STRIMZI_TIMESTAMP);
    }
    // Only the generation changes; Strimzi still rewrites every condition's time.
    await cluster.apply([
      {
        apiVersion: 'kafka.strimzi.io/v1beta2',
        kind: 'KafkaConnector',
        metadata: {
          name: 'both-set',
          namespace,
          labels: { 'strimzi.io/cluster': 'connect' },
        },
        spec: {
          class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
          pause: true,
          state: 'running',
          tasksMax: 2,
        },
      },
    ]);
    const second = await waitForResource(
      cluster.kubeConfig(),
      where,
      resource =>
        resource.status?.observedGeneration > first.status.observedGeneration,
    );
    const after: string[] = second.status.conditions.map(
      (c: { lastTransitionTime: string }) => c.lastTransitionTime,
    );
    expect(after).toHaveLength(3);
    after.forEach((time, index) => expect(time).not.toBe(before[index]));
  });
});
