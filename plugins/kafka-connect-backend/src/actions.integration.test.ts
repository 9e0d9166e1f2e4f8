import { mirrorMaker2Manifest, useTestCluster } from '@kcs/dev-cluster';
import {
  OWNER,
  STRANGER,
  ADMIN,
  FAILED_TASKS,
  connectResource,
  connectorResource,
  startBackend,
  client,
  readResource,
} from './__testUtils__/operationsBackend';

// Each test drives the operator stand-in through several states: past
// jest's default 5 s on a shared machine (seen once at 5.08 s).
jest.setTimeout(60_000);

describe('connector operations against a real cluster (kafka.strimzi.io/v1)', () => {
  const getCluster = useTestCluster();

  async function setUp(prefix: string, extra: object[] = []) {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace(prefix);
    await cluster.apply([
      connectResource(namespace, 'kafka.strimzi.io/v1'),
      connectorResource(namespace, 'orders-cdc', 'kafka.strimzi.io/v1'),
      connectorResource(namespace, 'orders-flaky', 'kafka.strimzi.io/v1', {
        '0': 'java.lang.Exception: zero',
        '1': 'java.lang.Exception: one',
      }),
      ...extra,
    ] as any);
    const { server, audit } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    await api.until('orders-cdc', s => s.health === 'healthy');
    await api.until('orders-flaky', s => s.health === 'failed');
    return { cluster, namespace, api, audit };
  }

  it('pauses, stops and resumes for the owner, each reflected in health, and audits it', async () => {
    const { cluster, namespace, api, audit } = await setUp('ops');
    const before = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );

    const paused = await api.act('orders-cdc', { action: 'pause' });
    expect(paused.status).toBe(202);
    expect(paused.body).toEqual({
      accepted: true,
      action: 'pause',
      generation: before.metadata.generation + 1,
    });
    expect(
      (await readResource(cluster, 'kafkaconnectors', namespace, 'orders-cdc'))
        .spec.state,
    ).toBe('paused');
    await api.until('orders-cdc', s => s.health === 'paused');

    expect((await api.act('orders-cdc', { action: 'stop' })).status).toBe(202);
    const stopped = await api.until('orders-cdc', s => s.health === 'stopped');
    expect(stopped.desiredState).toBe('stopped');

    expect((await api.act('orders-cdc', { action: 'resume' })).status).toBe(
      202,
    );
    const resumed = await api.until('orders-cdc', s => s.health === 'healthy');
    expect(resumed.tasks.running).toBe(2);

    expect(audit.filter(e => e.eventId === 'connector-operate')).toEqual([
      expect.objectContaining({
        actor: OWNER,
        outcome: 'success',
        meta: expect.objectContaining({
          connector: `${cluster.name}/${namespace}/orders-cdc`,
          action: 'pause',
        }),
      }),
      expect.objectContaining({ actor: OWNER, outcome: 'success' }),
      expect.objectContaining({ actor: OWNER, outcome: 'success' }),
    ]);
  });

  it('restarts one task, then all failed tasks; the stand-in removes the annotations', async () => {
    const { cluster, namespace, api } = await setUp('restart');

    const one = await api.act('orders-flaky', {
      action: 'restart-task',
      taskId: 1,
    });
    expect(one.status).toBe(202);
    const degraded = await api.until(
      'orders-flaky',
      s => s.health === 'degraded',
    );
    expect(degraded.failingTasks.map((t: { id: number }) => t.id)).toEqual([0]);
    const afterTask = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-flaky',
    );
    expect(afterTask.metadata.annotations).not.toHaveProperty(
      'strimzi.io/restart-task',
    );

    const all = await api.act('orders-flaky', {
      action: 'restart',
      includeTasks: true,
      onlyFailed: true,
    });
    expect(all.status).toBe(202);
    await api.until('orders-flaky', s => s.health === 'healthy');
    const afterAll = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-flaky',
    );
    expect(afterAll.metadata.annotations).not.toHaveProperty(
      'strimzi.io/restart',
    );
  });

  it('refuses a caller who does not own the connector with 403, and changes nothing', async () => {
    const { cluster, namespace, api, audit } = await setUp('deny');
    const before = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );

    for (const body of [
      { action: 'pause' },
      { action: 'stop' },
      { action: 'restart' },
    ]) {
      const refused = await api.act('orders-cdc', body, STRANGER);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/only its owner and admins/);
    }

    const after = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
    expect(after.spec).toEqual(before.spec);
    expect(audit.filter(e => e.outcome === 'fail')).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actor: STRANGER, outcome: 'fail' });

    // An admin may operate what they do not own.
    expect(
      (await api.act('orders-cdc', { action: 'pause' }, ADMIN)).status,
    ).toBe(202);
    await api.until('orders-cdc', s => s.health === 'paused');
  });

  it("takes the Namespace's owner when the connector names none", async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('nsowner');
    await cluster.apply([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: namespace,
          annotations: { 'kafka-connect.dev/owner': OWNER },
        },
      },
      connectResource(namespace, 'kafka.strimzi.io/v1'),
      connectorResource(
        namespace,
        'unlabelled',
        'kafka.strimzi.io/v1',
        undefined,
        undefined,
      ),
    ] as any);
    const { server } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    await api.until('unlabelled', s => s.health === 'healthy');
    expect(
      (await api.act('unlabelled', { action: 'pause' }, STRANGER)).status,
    ).toBe(403);
    expect((await api.act('unlabelled', { action: 'pause' })).status).toBe(202);
    await api.until('unlabelled', s => s.health === 'paused');
  });

  it('answers 400 for bad requests and 404 for unknown connectors, changing nothing', async () => {
    const { cluster, namespace, api } = await setUp('bad');
    const before = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );

    const unknownAction = await api.act('orders-cdc', { action: 'explode' });
    expect(unknownAction.status).toBe(400);
    expect(unknownAction.body.error.message).toMatch(/Field 'action'/);
    const badTask = await api.act('orders-cdc', {
      action: 'restart-task',
      taskId: 'one',
    });
    expect(badTask.status).toBe(400);
    expect(badTask.body.error.message).toMatch(/'taskId'/);
    expect((await api.act('does-not-exist', { action: 'pause' })).status).toBe(
      404,
    );

    const after = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
  });

  it('scales tasks through the scale subresource', async () => {
    const { api } = await setUp('scale');
    const scaled = await api.act('orders-cdc', {
      action: 'scale',
      tasksMax: 3,
    });
    expect(scaled.status).toBe(202);
    const summary = await api.until(
      'orders-cdc',
      s => s.tasks.total === 3 && s.health === 'healthy',
    );
    expect(summary.tasksMax).toBe(3);
  });

  it('restarts a KafkaMirrorMaker2 connector task with its own annotation', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('mm2');
    const source = 'eu->us.MirrorSourceConnector';
    await cluster.apply(
      mirrorMaker2Manifest(namespace, {
        annotations: {
          'kafka-connect.dev/owner': OWNER,
          [FAILED_TASKS]: JSON.stringify({ [`${source}:0`]: 'boom' }),
        },
        spec: { version: '4.1.0' },
        mirrors: [
          { source: 'eu', sourceConnector: { tasksMax: 1, config: {} } },
        ],
      }),
    );
    const { server } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    await api.until('mirror', s => s.health === 'failed');

    const refused = await api.act('mirror', { action: 'pause' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/KafkaMirrorMaker2/);

    const restarted = await api.act('mirror', {
      action: 'restart-task',
      connector: source,
      taskId: 0,
    });
    expect(restarted.status).toBe(202);
    await api.until('mirror', s => s.health === 'healthy');
    const after = await readResource(
      cluster,
      'kafkamirrormaker2s',
      namespace,
      'mirror',
    );
    expect(after.metadata.annotations).not.toHaveProperty(
      'strimzi.io/restart-connector-task',
    );
  });
});
