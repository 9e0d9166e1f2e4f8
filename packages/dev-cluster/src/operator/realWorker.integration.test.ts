import {
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';
import { failConnector, failTask, heal, RealWorker } from '../faults';
import { useTestCluster } from '../harness';
import {
  realWorkerSamples,
  writeRealWorkerSampleFiles,
} from '../realWorkerSamples';
import { waitForResource } from '../testing';
import { ConnectRestClient } from './connectRest';
import { REAL_WORKER_ANNOTATION } from './simulation';

// Everything here runs against the cluster's real Kafka broker and Kafka
// Connect worker: statuses, topics, plugins, traces and offsets are Connect's.
const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });

// Connect moves through its states in seconds, not milliseconds.
jest.setTimeout(120_000);

const FILE_SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const TIMEOUT = 45_000;

type Status = Record<string, any>;

async function setup(prefix: string) {
  const cluster = getCluster();
  const namespace = await cluster.newNamespace(prefix);
  const rest = new ConnectRestClient(cluster.connectUrl!);
  const filesDir = cluster.connectorFilesDir!;
  const worker: RealWorker = { connectUrl: cluster.connectUrl!, filesDir };
  await cluster.apply({
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnect',
    metadata: {
      name: 'connect',
      namespace,
      annotations: {
        'strimzi.io/use-connector-resources': 'true',
        [REAL_WORKER_ANNOTATION]: 'true',
      },
    },
    spec: {
      replicas: 1,
      bootstrapServers: cluster.bootstrapServers,
      groupId: 'connect-cluster',
      configStorageTopic: 'connect-configs',
      statusStorageTopic: 'connect-status',
      offsetStorageTopic: 'connect-offsets',
    },
  } as KubernetesObject);
  const wait = (
    name: string,
    accept: (resource: Status) => boolean,
    plural = 'kafkaconnectors',
  ) =>
    waitForResource(
      cluster.kubeConfig(),
      { plural, namespace, name },
      accept,
      TIMEOUT,
    );
  /** A FileStream source reading `<name>.txt`, holding lines, into topic `<name>`. */
  const source = async (
    name: string,
    spec: Record<string, unknown> = {},
    annotations: Record<string, string> = {},
  ) => {
    fs.writeFileSync(path.join(filesDir, `${name}.txt`), 'one\ntwo\nthree\n');
    fs.writeFileSync(
      path.join(filesDir, `${name}.properties`),
      'batch.size=100\n',
    );
    await cluster.apply({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnector',
      metadata: {
        name,
        namespace,
        labels: { 'strimzi.io/cluster': 'connect' },
        annotations,
      },
      spec: {
        class: FILE_SOURCE,
        tasksMax: 1,
        config: {
          file: `${name}.txt`,
          topic: name,
          'batch.size': `\${file:${name}.properties:batch.size}`,
        },
        ...spec,
      },
    } as KubernetesObject);
  };
  /** A merge patch, as kubectl annotate and kubectl patch send. */
  const patch = (name: string, body: Record<string, any>) =>
    KubernetesObjectApi.makeApiClient(cluster.kubeConfig()).patch(
      {
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaConnector',
        ...body,
        metadata: { name, namespace, ...body.metadata },
      },
      undefined,
      undefined,
      'integration-test',
      undefined,
      PatchStrategy.MergePatch,
    );
  const annotate = (name: string, annotations: Record<string, string>) =>
    patch(name, { metadata: { annotations } });
  const setState = (name: string, state: string) =>
    patch(name, { spec: { state } });
  return { cluster, namespace, rest, worker, wait, source, annotate, setState };
}

const connectorState = (state: string) => (resource: Status) =>
  resource.status?.connectorStatus?.connector?.state === state;
const ready = (resource: Status) =>
  resource.status?.conditions?.some((c: Status) => c.type === 'Ready') &&
  resource.status?.connectorStatus?.connector?.state === 'RUNNING' &&
  resource.status?.connectorStatus?.tasks?.length > 0 &&
  resource.status.connectorStatus.tasks.every(
    (task: Status) => task.state === 'RUNNING',
  );

describe('operator stand-in on a real Kafka Connect worker', () => {
  it('lists the real worker plugins on the KafkaConnect', async () => {
    const { wait } = await setup('plugins');
    const connect = await wait(
      'connect',
      resource => (resource.status?.connectorPlugins ?? []).length > 0,
      'kafkaconnects',
    );
    expect(connect.status.connectorPlugins).toEqual(
      expect.arrayContaining([
        {
          class: 'io.debezium.connector.postgresql.PostgresConnector',
          type: 'source',
          version: '3.6.1.Final',
        },
        { class: FILE_SOURCE, type: 'source', version: '4.3.1' },
        expect.objectContaining({
          class: 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
        }),
      ]),
    );
  });

  it('creates a connector that runs, with the topic its records went to', async () => {
    const { rest, wait, source, namespace } = await setup('create');
    const name = `create-${namespace}`;
    await source(name);
    const connector = await wait(
      name,
      resource => ready(resource) && resource.status.topics?.length > 0,
    );
    expect(connector.status).toMatchObject({
      connectorStatus: {
        name,
        type: 'source',
        connector: { state: 'RUNNING' },
        tasks: [{ id: 0, state: 'RUNNING' }],
      },
      topics: [name],
      tasksMax: 1,
    });
    expect(connector.status.connectorStatus.connector.worker_id).toMatch(
      /^127\.0\.0\.1:\d+$/,
    );
    expect(await rest.config(name)).toMatchObject({
      'connector.class': FILE_SOURCE,
      file: `${name}.txt`,
      'tasks.max': '1',
    });
  });

  it('pauses, stops and resumes the connector on the worker', async () => {
    const { rest, wait, source, setState, namespace } = await setup('state');
    const name = `state-${namespace}`;
    await source(name);
    await wait(name, ready);
    await setState(name, 'paused');
    await wait(name, connectorState('PAUSED'));
    expect((await rest.status(name)).connector.state).toBe('PAUSED');
    await setState(name, 'stopped');
    const stopped = await wait(name, connectorState('STOPPED'));
    expect(stopped.status.connectorStatus.tasks).toEqual([]);
    await setState(name, 'running');
    await wait(name, ready);
    expect((await rest.status(name)).connector.state).toBe('RUNNING');
  });

  it('restarts on the annotations, keeping invalid or failing ones with a Warning', async () => {
    const { rest, wait, source, annotate, namespace } = await setup('restart');
    const name = `restart-${namespace}`;
    await source(name);
    await wait(name, ready);
    await annotate(name, { 'strimzi.io/restart': 'includeTasks' });
    await wait(
      name,
      resource =>
        resource.metadata.annotations?.['strimzi.io/restart'] === undefined,
    );
    await annotate(name, { 'strimzi.io/restart-task': '0' });
    await wait(
      name,
      resource =>
        resource.metadata.annotations?.['strimzi.io/restart-task'] ===
        undefined,
    );
    await annotate(name, { 'strimzi.io/restart-task': '7' });
    const failedRestart = await wait(name, resource =>
      resource.status?.conditions?.some(
        (c: Status) => c.reason === 'RestartConnectorTask',
      ),
    );
    expect(failedRestart.metadata.annotations['strimzi.io/restart-task']).toBe(
      '7',
    );
    expect(
      failedRestart.status.conditions.find(
        (c: Status) => c.reason === 'RestartConnectorTask',
      ).message,
    ).toContain(`POST /connectors/${name}/tasks/7/restart returned 404`);
    expect((await rest.status(name)).tasks[0].state).toBe('RUNNING');
  });

  it('shows a task that really fails with Connect’s own trace, and heals it', async () => {
    const { cluster, worker, wait, source, namespace } = await setup('task');
    const name = `task-${namespace}`;
    await source(name);
    await wait(name, ready);
    const ref = { namespace, name };
    await failTask(cluster.kubeConfig(), ref, 0, undefined, worker);
    const failed = await wait(
      name,
      resource =>
        resource.status?.connectorStatus?.tasks?.[0]?.state === 'FAILED',
    );
    expect(failed.status.conditions).toEqual([
      expect.objectContaining({
        type: 'NotReady',
        reason: 'Throwable',
        message:
          'The following tasks have failed: 0, see connectorStatus for more details.',
      }),
    ]);
    const trace: string = failed.status.connectorStatus.tasks[0].trace;
    expect(trace).toContain('Too many levels of symbolic links');
    expect(trace).toContain(
      'at org.apache.kafka.connect.file.FileStreamSourceTask.poll',
    );
    await expect(
      failTask(cluster.kubeConfig(), ref, 0, 'my trace', worker),
    ).rejects.toThrow(/--trace does not apply/);
    await heal(cluster.kubeConfig(), ref, worker);
    await wait(name, ready);
  });

  it('shows a connector that really fails, and heals it', async () => {
    const { cluster, worker, wait, source, namespace } = await setup('conn');
    const name = `conn-${namespace}`;
    await source(name);
    await wait(name, ready);
    const ref = { namespace, name };
    await failConnector(cluster.kubeConfig(), ref, undefined, worker);
    const failed = await wait(name, connectorState('FAILED'));
    expect(failed.status.conditions).toEqual([
      expect.objectContaining({
        type: 'NotReady',
        reason: 'Throwable',
        message: 'Connector has failed, see connectorStatus for more details.',
      }),
    ]);
    expect(failed.status.connectorStatus.connector.trace).toContain(
      'ConfigException: Invalid value not-a-number for configuration batch.size',
    );
    await heal(cluster.kubeConfig(), ref, worker);
    await wait(name, ready);
  });

  it('restarts a really failed task automatically when spec.autoRestart is on', async () => {
    const { cluster, worker, wait, source, namespace } = await setup('auto');
    const name = `auto-${namespace}`;
    await source(name, { autoRestart: { enabled: true, maxRestarts: 1 } });
    await wait(name, ready);
    await failTask(
      cluster.kubeConfig(),
      { namespace, name },
      0,
      undefined,
      worker,
    );
    const restarted = await wait(
      name,
      resource => resource.status?.autoRestart?.count === 1,
    );
    expect(
      Date.parse(restarted.status.autoRestart.lastRestartTimestamp),
    ).toBeGreaterThan(Date.now() - TIMEOUT);
    // The file is still broken, so the restarted task fails again; with
    // maxRestarts 1 it stays failed.
    const again = await wait(
      name,
      resource =>
        resource.status?.connectorStatus?.tasks?.[0]?.state === 'FAILED',
    );
    expect(again.status.autoRestart.count).toBe(1);
    await heal(cluster.kubeConfig(), { namespace, name }, worker);
    await wait(name, ready);
  });

  it('lists offsets into a ConfigMap and resets them once stopped', async () => {
    const { cluster, rest, wait, source, annotate, setState, namespace } =
      await setup('offsets');
    const name = `offsets-${namespace}`;
    await source(name, {
      listOffsets: { toConfigMap: { name: `${name}-offsets` } },
    });
    await wait(
      name,
      resource => ready(resource) && resource.status.topics?.length > 0,
    );
    // Offsets are flushed every second.
    const deadline = Date.now() + TIMEOUT;
    while ((await rest.offsets(name)).offsets.length === 0) {
      if (Date.now() > deadline) throw new Error('no offsets committed');
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    await annotate(name, { 'strimzi.io/connector-offsets': 'list' });
    await wait(
      name,
      resource =>
        resource.metadata.annotations?.['strimzi.io/connector-offsets'] ===
        undefined,
    );
    const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
    const configMap = await core.readNamespacedConfigMap({
      namespace,
      name: `${name}-offsets`,
    });
    expect(configMap.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'KafkaConnector',
      name,
    });
    expect(JSON.parse(configMap.data!['offsets.json'])).toEqual({
      offsets: [
        {
          partition: { filename: `${name}.txt` },
          offset: { position: 14 },
        },
      ],
    });

    await annotate(name, { 'strimzi.io/connector-offsets': 'reset' });
    const refused = await wait(name, resource =>
      resource.status?.conditions?.some(
        (c: Status) => c.reason === 'ResetOffsets',
      ),
    );
    expect(
      refused.status.conditions.find((c: Status) => c.reason === 'ResetOffsets')
        .message,
    ).toContain('set spec.state to stopped first');

    await setState(name, 'stopped');
    await wait(
      name,
      resource =>
        resource.metadata.annotations?.['strimzi.io/connector-offsets'] ===
        undefined,
    );
    expect((await rest.offsets(name)).offsets).toEqual([]);
  });

  it('runs the demo sample connectors: a file copied through a real topic, and one that fails for real', async () => {
    const { cluster, wait, namespace } = await setup('samples');
    const filesDir = cluster.connectorFilesDir!;
    writeRealWorkerSampleFiles(filesDir);
    fs.rmSync(path.join(filesDir, 'order-events-copy.txt'), { force: true });
    await cluster.apply(
      realWorkerSamples(cluster.bootstrapServers!)
        .filter(manifest => manifest.kind !== 'Namespace')
        .map(manifest => ({
          ...manifest,
          metadata: { ...manifest.metadata, namespace },
        })) as KubernetesObject[],
    );
    const copied = await wait('order-events-file-source', resource =>
      ready(resource),
    );
    expect(copied.status.topics).toEqual(['order-events']);
    await wait('order-events-file-sink', ready);
    const source = fs.readFileSync(
      path.join(filesDir, 'order-events.txt'),
      'utf8',
    );
    const deadline = Date.now() + TIMEOUT;
    const copy = () =>
      fs.existsSync(path.join(filesDir, 'order-events-copy.txt'))
        ? fs.readFileSync(path.join(filesDir, 'order-events-copy.txt'), 'utf8')
        : '';
    while (copy() !== source) {
      if (Date.now() > deadline) {
        throw new Error(`the sink wrote ${JSON.stringify(copy())}`);
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    const failing = await wait(
      'audit-log-file-source',
      resource =>
        resource.status?.connectorStatus?.tasks?.[0]?.state === 'FAILED',
    );
    expect(failing.status.connectorStatus.tasks[0].trace).toContain(
      'Too many levels of symbolic links',
    );
  });

  it('deletes the connector from the worker with its KafkaConnector', async () => {
    const { cluster, rest, wait, source, namespace } = await setup('delete');
    const name = `delete-${namespace}`;
    await source(name);
    await wait(name, ready);
    await cluster
      .kubeConfig()
      .makeApiClient(CustomObjectsApi)
      .deleteNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        namespace,
        plural: 'kafkaconnectors',
        name,
      });
    const deadline = Date.now() + TIMEOUT;
    while ((await rest.connectors()).includes(name)) {
      if (Date.now() > deadline) throw new Error(`${name} still on the worker`);
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  });
});
