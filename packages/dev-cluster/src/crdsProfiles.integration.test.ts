import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
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

const connectV1beta2 = (namespace: string) => ({
  apiVersion: 'kafka.strimzi.io/v1beta2',
  kind: 'KafkaConnect',
  metadata: {
    name: 'old-connect',
    namespace,
    annotations: { 'strimzi.io/use-connector-resources': 'true' },
  },
  spec: { ...CONNECT_SPEC, replicas: 1 },
});

const connectorV1beta2 = (
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
) => ({
  apiVersion: 'kafka.strimzi.io/v1beta2',
  kind: 'KafkaConnector',
  metadata: {
    name,
    namespace,
    labels: { 'strimzi.io/cluster': 'old-connect' },
  },
  spec: {
    class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    tasksMax: 1,
    ...spec,
  },
});

const conditionNames = (resource: Record<string, any>) =>
  resource.status.conditions.map(
    (c: { type: string; reason?: string }) => c.reason ?? c.type,
  );

describe('Strimzi 0.45 profile (v1beta2 only, spec.state beside spec.pause)', () => {
  const getCluster = useTestCluster({ strimziProfile: '0.45' });

  it('serves only v1beta2, pauses with spec.pause, and lets spec.state win over it with a Warning', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('p045');
    const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    await expect(
      api.listNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        namespace,
        plural: 'kafkaconnectors',
      }),
    ).rejects.toMatchObject({ code: 404 });
    const applied = await cluster.apply([
      connectV1beta2(namespace),
      connectorV1beta2(namespace, 'paused-old', { pause: true }),
      connectorV1beta2(namespace, 'both-set', {
        pause: true,
        state: 'stopped',
      }),
    ]);
    expect((applied[2] as Record<string, any>).spec).toMatchObject({
      pause: true,
      state: 'stopped',
    });
    const where = (name: string) => ({
      version: 'v1beta2',
      plural: 'kafkaconnectors',
      namespace,
      name,
    });
    const paused = await waitForResource(
      cluster.kubeConfig(),
      where('paused-old'),
      resource =>
        resource.status?.connectorStatus?.connector?.state === 'PAUSED',
    );
    // Strimzi lists its Warnings before the readiness condition.
    expect(conditionNames(paused)).toEqual(['DeprecatedFields', 'Ready']);
    const stopped = await waitForResource(
      cluster.kubeConfig(),
      where('both-set'),
      resource =>
        resource.status?.connectorStatus?.connector?.state === 'STOPPED',
    );
    expect(conditionNames(stopped)).toEqual([
      'DeprecatedFields',
      'UpdateState',
      'Ready',
    ]);
  });
});

describe('Strimzi 0.37 profile (v1beta2, before spec.state and offsets)', () => {
  const getCluster = useTestCluster({ strimziProfile: '0.37' });

  it('pauses with spec.pause without a Warning, and refuses spec.state and spec.listOffsets under strict field validation', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('p037');
    await cluster.apply([
      connectV1beta2(namespace),
      connectorV1beta2(namespace, 'paused-old', { pause: true }),
    ]);
    const paused = await waitForResource(
      cluster.kubeConfig(),
      {
        version: 'v1beta2',
        plural: 'kafkaconnectors',
        namespace,
        name: 'paused-old',
      },
      resource =>
        resource.status?.connectorStatus?.connector?.state === 'PAUSED',
    );
    // spec.pause was not deprecated before spec.state existed.
    expect(conditionNames(paused)).toEqual(['Ready']);

    const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    for (const [field, value] of [
      ['state', 'stopped'],
      ['listOffsets', { toConfigMap: { name: 'offsets' } }],
    ] as const) {
      const refused = await api
        .patchNamespacedCustomObject(
          {
            group: 'kafka.strimzi.io',
            version: 'v1beta2',
            namespace,
            plural: 'kafkaconnectors',
            name: 'paused-old',
            body: { spec: { [field]: value } },
            fieldValidation: 'Strict',
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        )
        .then(
          () => undefined,
          (error: { body?: unknown }) => String(error.body),
        );
      expect(refused).toMatch(
        new RegExp(`unknown field \\\\?"spec\\.${field}\\\\?"`),
      );
    }
  });
});

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
