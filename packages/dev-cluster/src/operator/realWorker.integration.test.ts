import { failConnector, failTask, heal } from '../faults';
import { useTestCluster } from '../harness';
import {
  connectorState,
  FILE_SOURCE,
  ready,
  setupRealWorker,
  Status,
  TIMEOUT,
} from './realWorkerTesting';

// Everything here runs against the cluster's real Kafka broker and Kafka
// Connect worker: statuses, topics, plugins, traces and offsets are Connect's.
const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
const setup = (prefix: string) => setupRealWorker(getCluster, prefix);

// Connect moves through its states in seconds, not milliseconds.
jest.setTimeout(120_000);

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
});
