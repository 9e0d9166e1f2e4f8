import { KubernetesObject } from '@kubernetes/client-node';
import { failConnector, failTask, heal } from '../faults';
import { useTestCluster } from '../harness';
import { mirrorMaker2Manifest } from './connectTesting';
import { waitForResource } from '../testing';

const getCluster = useTestCluster();

function connectManifest(
  namespace: string,
  name = 'connect',
  annotations: Record<string, string> = {},
) {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnect',
    metadata: {
      name,
      namespace,
      annotations: {
        'strimzi.io/use-connector-resources': 'true',
        ...annotations,
      },
    },
    spec: {
      replicas: 2,
      bootstrapServers: 'kafka:9092',
      groupId: 'g',
      configStorageTopic: 'c',
      statusStorageTopic: 's',
      offsetStorageTopic: 'o',
    },
  } as KubernetesObject;
}

function connectorManifest(
  namespace: string,
  name: string,
  spec: Record<string, unknown> = {},
  metadata: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } = {},
) {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: {
      name,
      namespace,
      labels: metadata.labels ?? { 'strimzi.io/cluster': 'connect' },
      annotations: metadata.annotations ?? {},
    },
    spec: {
      class: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      tasksMax: 2,
      config: { topics: 't' },
      ...spec,
    },
  } as KubernetesObject;
}

const connectorState = (state: string) => (resource: Record<string, any>) =>
  resource.status?.connectorStatus?.connector?.state === state;

async function setup(prefix: string) {
  const cluster = getCluster();
  const namespace = await cluster.newNamespace(prefix);
  await cluster.apply(connectManifest(namespace));
  const wait = (
    name: string,
    accept: (resource: Record<string, any>) => boolean,
    plural = 'kafkaconnectors',
  ) =>
    waitForResource(cluster.kubeConfig(), { plural, namespace, name }, accept);
  return { cluster, namespace, wait };
}

describe('operator stand-in', () => {
  it('reports a KafkaConnect Ready with its plugins', async () => {
    const { wait } = await setup('connect');
    const connect = await wait(
      'connect',
      resource => resource.status?.observedGeneration === 1,
      'kafkaconnects',
    );
    expect(connect.status.replicas).toBe(2);
    expect(connect.status.connectorPlugins.length).toBeGreaterThan(5);
  });

  it('runs a connector, then pauses, stops and resumes it as spec.state changes', async () => {
    const { cluster, namespace, wait } = await setup('state');
    await cluster.apply(connectorManifest(namespace, 'sink'));
    const running = await wait('sink', connectorState('RUNNING'));
    expect(running.status.connectorStatus.tasks).toHaveLength(2);
    expect(running.status.topics).toEqual(['t']);
    await cluster.apply(
      connectorManifest(namespace, 'sink', { state: 'paused' }),
    );
    const paused = await wait('sink', connectorState('PAUSED'));
    expect(paused.status.observedGeneration).toBe(paused.metadata.generation);
    const stopped = await (async () => {
      await cluster.apply(
        connectorManifest(namespace, 'sink', { state: 'stopped' }),
      );
      return wait('sink', connectorState('STOPPED'));
    })();
    expect(stopped.status.connectorStatus.tasks).toEqual([]);
    await cluster.apply(
      connectorManifest(namespace, 'sink', { state: 'running' }),
    );
    await wait('sink', connectorState('RUNNING'));
  });

  it('reports the upstream NotReady reasons', async () => {
    const { cluster, namespace, wait } = await setup('reasons');
    await cluster.apply([
      connectorManifest(namespace, 'no-label', {}, { labels: {} }),
      connectorManifest(
        namespace,
        'no-connect',
        {},
        { labels: { 'strimzi.io/cluster': 'missing' } },
      ),
      connectorManifest(namespace, 'no-plugin', {
        class: 'com.example.Unknown',
      }),
    ]);
    const reason = (expected: string) => (resource: Record<string, any>) =>
      resource.status?.conditions?.[0]?.reason === expected;
    const noLabel = await wait('no-label', reason('InvalidResourceException'));
    expect(noLabel.status.conditions[0].message).toContain(
      'strimzi.io/cluster',
    );
    await wait('no-connect', reason('NoSuchResourceException'));
    await wait('no-plugin', reason('ConnectRestException'));
    // Creating the missing Connect cluster heals the connector that waited for it.
    await cluster.apply(connectManifest(namespace, 'missing'));
    const healed = await wait('no-connect', connectorState('RUNNING'));
    expect(healed.status.conditions[0].type).toBe('Ready');
  });

  it('fails a task and heals it on strimzi.io/restart-task, removing the annotation', async () => {
    const { cluster, namespace, wait } = await setup('restart');
    await cluster.apply(connectorManifest(namespace, 'flaky'));
    await wait('flaky', connectorState('RUNNING'));
    await failTask(
      cluster.kubeConfig(),
      { namespace, name: 'flaky' },
      1,
      'java.lang.IllegalStateException: boom',
    );
    const failed = await wait(
      'flaky',
      resource => resource.status?.conditions?.[0]?.reason === 'Throwable',
    );
    expect(failed.status.conditions[0].message).toBe(
      'The following tasks have failed: 1, see connectorStatus for more details.',
    );
    expect(failed.status.connectorStatus.tasks[1]).toMatchObject({
      state: 'FAILED',
      trace: 'java.lang.IllegalStateException: boom',
    });
    await cluster.apply({
      ...connectorManifest(namespace, 'flaky'),
      metadata: {
        ...connectorManifest(namespace, 'flaky').metadata,
        annotations: { 'strimzi.io/restart-task': '1' },
      },
    });
    const healed = await wait(
      'flaky',
      resource =>
        resource.status?.conditions?.[0]?.type === 'Ready' &&
        resource.metadata.annotations?.['strimzi.io/restart-task'] ===
          undefined,
    );
    expect(
      healed.status.connectorStatus.tasks.map(
        (task: { state: string }) => task.state,
      ),
    ).toEqual(['RUNNING', 'RUNNING']);
  });

  it('fails a connector and heals it on strimzi.io/restart, and by the heal command', async () => {
    const { cluster, namespace, wait } = await setup('connector');
    await cluster.apply(connectorManifest(namespace, 'broken'));
    await wait('broken', connectorState('RUNNING'));
    await failConnector(cluster.kubeConfig(), { namespace, name: 'broken' });
    const failed = await wait('broken', connectorState('FAILED'));
    expect(failed.status.connectorStatus.tasks).toEqual([]);
    await cluster.apply({
      ...connectorManifest(namespace, 'broken'),
      metadata: {
        ...connectorManifest(namespace, 'broken').metadata,
        annotations: { 'strimzi.io/restart': 'includeTasks,onlyFailed' },
      },
    });
    await wait(
      'broken',
      resource =>
        connectorState('RUNNING')(resource) &&
        !resource.metadata.annotations?.['strimzi.io/restart'],
    );
    await failTask(cluster.kubeConfig(), { namespace, name: 'broken' }, 0);
    await wait(
      'broken',
      resource =>
        resource.status?.connectorStatus?.tasks?.[0]?.state === 'FAILED',
    );
    await heal(cluster.kubeConfig(), { namespace, name: 'broken' });
    await wait(
      'broken',
      resource => resource.status?.conditions?.[0]?.type === 'Ready',
    );
  });

  it('leaves resources annotated ignore alone, and only pauses on pause-reconciliation', async () => {
    const { cluster, namespace, wait } = await setup('ignore');
    const ignored = connectorManifest(
      namespace,
      'ignored',
      {},
      {
        labels: { 'strimzi.io/cluster': 'connect' },
        annotations: { 'simulator.kafka-connect.dev/ignore': 'true' },
      },
    );
    await cluster.apply([
      ignored,
      connectorManifest(
        namespace,
        'frozen',
        {},
        {
          labels: { 'strimzi.io/cluster': 'connect' },
          annotations: { 'strimzi.io/pause-reconciliation': 'true' },
        },
      ),
      connectorManifest(namespace, 'control'),
    ]);
    const frozen = await wait('frozen', resource =>
      Boolean(resource.status?.conditions),
    );
    expect(
      frozen.status.conditions.map((c: { type: string }) => c.type),
    ).toEqual(['ReconciliationPaused']);
    expect(frozen.status.connectorStatus).toBeUndefined();
    await cluster.writeStatus({
      ...ignored,
      status: { conditions: [{ type: 'Custom', status: 'True' }] },
    });
    // The control connector proves the stand-in ran meanwhile.
    await wait('control', connectorState('RUNNING'));
    const stillIgnored = await wait('ignored', () => true);
    expect(stillIgnored.status).toEqual({
      conditions: [{ type: 'Custom', status: 'True' }],
    });
  });

  it('reports a KafkaMirrorMaker2 with one Connect body per connector, and faults on one of its connectors', async () => {
    const { cluster, namespace, wait } = await setup('mm2');
    await cluster.apply(
      mirrorMaker2Manifest(namespace, {
        mirrors: [{ source: 'eu', sourceConnector: { tasksMax: 2 } }],
      }),
    );
    const mm2 = await wait(
      'mirror',
      resource => resource.status?.conditions?.[0]?.type === 'Ready',
      'kafkamirrormaker2s',
    );
    expect(mm2.status.connectors.map((c: { name: string }) => c.name)).toEqual([
      'eu->us.MirrorSourceConnector',
    ]);
    expect(mm2.status.connectors[0].tasks).toHaveLength(2);

    // Faults on one of its connectors: a failed task leaves it Ready, a
    // failed connector makes it NotReady, as in Strimzi.
    const ref = {
      namespace,
      name: 'mirror',
      connector: 'eu->us.MirrorSourceConnector',
    };
    const kc = cluster.kubeConfig();
    await failTask(kc, ref, 1);
    const taskFailed = await wait(
      'mirror',
      resource =>
        resource.status?.connectors?.[0]?.tasks?.[1]?.state === 'FAILED',
      'kafkamirrormaker2s',
    );
    expect(taskFailed.status.conditions[0].type).toBe('Ready');
    await failConnector(kc, ref, 'my trace');
    const failed = await wait(
      'mirror',
      resource => resource.status?.conditions?.[0]?.type === 'NotReady',
      'kafkamirrormaker2s',
    );
    expect(failed.status.connectors[0].connector).toMatchObject({
      state: 'FAILED',
      trace: 'my trace',
    });
    await heal(kc, ref);
    await wait(
      'mirror',
      resource =>
        resource.status?.conditions?.[0]?.type === 'Ready' &&
        resource.status.connectors[0].tasks.every(
          (task: { state: string }) => task.state === 'RUNNING',
        ),
      'kafkamirrormaker2s',
    );
  });
});
