import {
  ConnectorStatusBody,
  ConnectRestClient,
  ConnectRestError,
} from './connectRest';
import { profileBehaviour, StrimziProfile } from './profiles';
import {
  claimedElsewhereFor,
  connectorClaims,
  realMirrorMaker2ConnectorNames,
  workerClaimants,
  reconcileRealMirrorMaker2,
} from './realMirrorMaker2';
import { Resource } from './reconcile';

const NOW = '2026-11-22T10:00:00.000Z';
const SOURCE = 'eu->us.MirrorSourceConnector';
const CHECKPOINT = 'eu->us.MirrorCheckpointConnector';

/** A Connect REST API in memory: the I/O is stubbed, the stand-in's decisions are not. */
function fakeConnect(statuses: Record<string, ConnectorStatusBody>) {
  const calls: string[] = [];
  const configs: Record<string, Record<string, string>> = {};
  const failing = new Set<string>();
  const rest = {
    config: async (name: string) => configs[name],
    create: async (
      name: string,
      config: Record<string, string>,
      state: string,
    ) => {
      calls.push(`create ${name} ${state}`);
      configs[name] = config;
    },
    putConfig: async (name: string, config: Record<string, string>) => {
      calls.push(`put ${name}`);
      configs[name] = config;
    },
    status: async (name: string) => {
      if (failing.has(name)) {
        throw new ConnectRestError(
          'GET',
          `/connectors/${name}/status`,
          500,
          'Request timed out',
        );
      }
      return statuses[name];
    },
    pause: async (name: string) => calls.push(`pause ${name}`),
    resume: async (name: string) => calls.push(`resume ${name}`),
    stop: async (name: string) => calls.push(`stop ${name}`),
    restart: async (name: string, options: object) => {
      calls.push(`restart ${name} ${JSON.stringify(options)}`);
      return undefined;
    },
    restartTask: async (name: string, id: number) => {
      if (id > 0) {
        throw new ConnectRestError(
          'POST',
          `/connectors/${name}/tasks/${id}/restart`,
          404,
          'Unknown task',
        );
      }
      calls.push(`restart ${name} task ${id}`);
    },
  };
  return {
    rest: rest as unknown as ConnectRestClient,
    calls,
    configs,
    failing,
    statuses,
  };
}

const body = (
  name: string,
  state: string,
  tasks: string[],
): ConnectorStatusBody => ({
  name,
  connector: { state, worker_id: '127.0.0.1:8083' },
  tasks: tasks.map((taskState, id) => ({
    id,
    state: taskState,
    worker_id: '127.0.0.1:8083',
  })),
  type: 'source',
});

const mm2 = (
  spec: Record<string, any> = {},
  annotations: Record<string, string> = {},
): Resource => ({
  metadata: { name: 'mirror', namespace: 'ns', generation: 3, annotations },
  spec: {
    replicas: 1,
    target: { alias: 'us', bootstrapServers: 'us:9092' },
    mirrors: [
      {
        source: { alias: 'eu', bootstrapServers: 'eu:9092' },
        sourceConnector: { tasksMax: 1, autoRestart: { enabled: true } },
        checkpointConnector: { state: 'paused' },
        ...spec,
      },
    ],
  },
});

const context = (rest: ConnectRestClient, profile: StrimziProfile = '1.2') => ({
  now: NOW,
  rest,
  behaviour: profileBehaviour(profile),
  autoRestartMinuteMs: 60_000,
});

describe('reconcileRealMirrorMaker2', () => {
  it('creates the named connectors in their own state (POST with initial_state on 1.2, PUT before)', async () => {
    const connect = fakeConnect({});
    await reconcileRealMirrorMaker2(mm2(), context(connect.rest));
    expect(connect.calls).toEqual([
      `create ${SOURCE} RUNNING`,
      `create ${CHECKPOINT} PAUSED`,
    ]);
    expect(connect.configs[SOURCE]).toMatchObject({
      'source.cluster.bootstrap.servers': 'eu:9092',
      'target.cluster.bootstrap.servers': 'us:9092',
    });
    const older = fakeConnect({});
    await reconcileRealMirrorMaker2(
      mm2({ checkpointConnector: undefined }),
      context(older.rest, '0.45'),
    );
    expect(older.calls).toEqual([`put ${SOURCE}`]);
  });

  it('pauses and resumes a connector on its pause alone, as Strimzi 0.37 did (no state then)', async () => {
    const connect = fakeConnect({
      [SOURCE]: body(SOURCE, 'RUNNING', ['RUNNING']),
      [CHECKPOINT]: body(CHECKPOINT, 'RUNNING', []),
    });
    const old = (pause: boolean) =>
      mm2({ sourceConnector: { tasksMax: 1, pause }, checkpointConnector: {} });
    await reconcileRealMirrorMaker2(old(true), context(connect.rest, '0.37'));
    expect(connect.calls).toEqual([`put ${SOURCE}`, `put ${CHECKPOINT}`]);
    connect.calls.length = 0;
    await reconcileRealMirrorMaker2(old(true), context(connect.rest, '0.37'));
    expect(connect.calls).toEqual([`pause ${SOURCE}`]);
    connect.calls.length = 0;
    connect.statuses[SOURCE] = body(SOURCE, 'PAUSED', ['PAUSED']);
    const { status } = await reconcileRealMirrorMaker2(
      old(true),
      context(connect.rest, '0.37'),
    );
    expect(connect.calls).toEqual([]);
    expect(
      status!.connectors.map((c: ConnectorStatusBody) => [
        c.name,
        c.connector.state,
      ]),
    ).toEqual([
      [CHECKPOINT, 'RUNNING'],
      [SOURCE, 'PAUSED'],
    ]);
    await reconcileRealMirrorMaker2(old(false), context(connect.rest, '0.37'));
    expect(connect.calls).toEqual([`resume ${SOURCE}`]);
  });

  it('is Ready with a failed task, NotReady with a failed connector, and restarts automatically per connector', async () => {
    const connect = fakeConnect({
      [SOURCE]: body(SOURCE, 'RUNNING', ['FAILED']),
      [CHECKPOINT]: body(CHECKPOINT, 'PAUSED', []),
    });
    await reconcileRealMirrorMaker2(mm2(), context(connect.rest));
    const { status } = await reconcileRealMirrorMaker2(
      mm2(),
      context(connect.rest),
    );
    expect(status!.conditions).toEqual([
      expect.objectContaining({ type: 'Ready' }),
    ]);
    expect(status!.connectors.map((c: ConnectorStatusBody) => c.name)).toEqual([
      CHECKPOINT,
      SOURCE,
    ]);
    expect(status!.connectors[1].tasks[0].worker_id).toBe(
      'mirror-mirrormaker2-0.mirror-mirrormaker2.ns.svc:8083',
    );
    expect(status!.autoRestartStatuses).toEqual([
      { connectorName: SOURCE, count: 1, lastRestartTimestamp: NOW },
    ]);
    expect(connect.calls).toContain(
      `restart ${SOURCE} {"includeTasks":true,"onlyFailed":true}`,
    );

    const failed = fakeConnect({
      [SOURCE]: body(SOURCE, 'FAILED', []),
      [CHECKPOINT]: body(CHECKPOINT, 'PAUSED', []),
    });
    await reconcileRealMirrorMaker2(mm2(), context(failed.rest));
    const spec = mm2({ sourceConnector: { autoRestart: { enabled: false } } });
    expect(
      (await reconcileRealMirrorMaker2(spec, context(failed.rest))).status!
        .conditions,
    ).toEqual([
      expect.objectContaining({
        type: 'NotReady',
        reason: 'NoStackTraceThrowable',
        message: 'One or more connectors are in FAILED state',
      }),
    ]);
  });

  it('leaves out a connector whose REST call failed, and goes NotReady', async () => {
    const connect = fakeConnect({
      [SOURCE]: body(SOURCE, 'RUNNING', ['RUNNING']),
      [CHECKPOINT]: body(CHECKPOINT, 'PAUSED', []),
    });
    await reconcileRealMirrorMaker2(mm2(), context(connect.rest));
    connect.failing.add(CHECKPOINT);
    const { status } = await reconcileRealMirrorMaker2(
      mm2(),
      context(connect.rest),
    );
    expect(status!.connectors.map((c: ConnectorStatusBody) => c.name)).toEqual([
      SOURCE,
    ]);
    expect(status!.conditions[0]).toMatchObject({
      type: 'NotReady',
      reason: 'ConnectRestException',
      message: `GET /connectors/${CHECKPOINT}/status returned 500 (500): Request timed out`,
    });
  });

  it('removes a restart annotation once Connect accepted it, keeps a failing one with a Warning', async () => {
    const connect = fakeConnect({
      [SOURCE]: body(SOURCE, 'RUNNING', ['RUNNING']),
      [CHECKPOINT]: body(CHECKPOINT, 'PAUSED', []),
    });
    await reconcileRealMirrorMaker2(mm2(), context(connect.rest));
    expect(
      (
        await reconcileRealMirrorMaker2(
          mm2({}, { 'strimzi.io/restart-connector-task': `${SOURCE}:0` }),
          context(connect.rest),
        )
      ).annotations,
    ).toEqual({ 'strimzi.io/restart-connector-task': null });
    const kept = await reconcileRealMirrorMaker2(
      mm2({}, { 'strimzi.io/restart-connector-task': `${SOURCE}:4` }),
      context(connect.rest),
    );
    expect(kept.annotations).toBeUndefined();
    expect(kept.status!.conditions[0]).toMatchObject({
      type: 'Warning',
      reason: 'RestartConnectorTask',
      message: expect.stringContaining('returned 404'),
    });
    // 0.45 has no restart options: the value is refused with a Warning.
    const old = await reconcileRealMirrorMaker2(
      mm2({}, { 'strimzi.io/restart-connector': `${SOURCE}:includeTasks` }),
      context(connect.rest, '0.45'),
    );
    expect(old.status!.conditions[0]).toMatchObject({
      type: 'Warning',
      reason: 'RestartConnector',
    });
  });

  it('runs nothing at 0 replicas: Ready without url or connectors, and its connectors are no longer wanted on the worker', async () => {
    const connect = fakeConnect({});
    const scaledDown = mm2();
    scaledDown.spec!.replicas = 0;
    const { status } = await reconcileRealMirrorMaker2(
      scaledDown,
      context(connect.rest),
    );
    expect(status).toEqual({
      conditions: [expect.objectContaining({ type: 'Ready' })],
      observedGeneration: 3,
      replicas: 0,
      labelSelector:
        'strimzi.io/cluster=mirror,strimzi.io/name=mirror-mirrormaker2,strimzi.io/kind=KafkaMirrorMaker2',
    });
    expect(connect.calls).toEqual([]);
    expect(realMirrorMaker2ConnectorNames(scaledDown)).toEqual([]);
    expect(realMirrorMaker2ConnectorNames(mm2()).sort()).toEqual([
      CHECKPOINT,
      SOURCE,
    ]);
  });

  it('leaves a connector another resource runs on the shared worker alone, and says so', async () => {
    const connect = fakeConnect({});
    const first: Resource = {
      metadata: {
        name: 'first',
        namespace: 'other',
        creationTimestamp: '2026-01-01T00:00:00Z',
      },
      spec: mm2().spec,
    };
    const claimants = workerClaimants(
      [{ metadata: { name: 'plain', namespace: 'ns' } }],
      [
        {
          ...mm2(),
          metadata: {
            ...mm2().metadata,
            creationTimestamp: '2026-02-01T00:00:00Z',
          },
        },
        first,
      ],
    );
    expect(claimants.map(claimant => claimant.key)).toEqual([
      'ns/plain',
      'other/first',
      'ns/mirror',
    ]);
    expect([...connectorClaims(claimants).entries()]).toEqual([
      ['plain', 'ns/plain'],
      [SOURCE, 'other/first'],
      [CHECKPOINT, 'other/first'],
    ]);
    const { status } = await reconcileRealMirrorMaker2(
      mm2({ checkpointConnector: undefined }),
      {
        ...context(connect.rest),
        claimedElsewhere: claimedElsewhereFor(
          [
            { key: 'other/first', connectors: [SOURCE] },
            { key: 'ns/mirror', connectors: [SOURCE, CHECKPOINT] },
          ],
          mm2(),
        ),
      },
    );
    expect(connect.calls).toEqual([]);
    expect(status!.conditions[0]).toMatchObject({
      type: 'NotReady',
      message: `Connector ${SOURCE} already runs on the local worker for other/first; give this MirrorMaker 2 other cluster aliases`,
    });
  });
});
