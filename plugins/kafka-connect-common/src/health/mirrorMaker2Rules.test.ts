/** The MirrorMaker 2 health rules: connector by connector, spec against status. */
import type { KafkaMirrorMaker2Resource } from '../strimzi';
import { deriveMirrorMaker2Health } from './deriveMirrorMaker2Health';

const T0 = '2026-03-01T10:00:00Z';
const soon = { now: Date.parse(T0) + 60_000 };
const SOURCE = 'eu->us.MirrorSourceConnector';
const CHECKPOINT = 'eu->us.MirrorCheckpointConnector';

const body = (name: string, states: string[], connectorState = 'RUNNING') => ({
  name,
  connector: { state: connectorState, worker_id: 'w' },
  tasks: states.map((state, id) => ({ id, state, worker_id: 'w' })),
  type: 'source',
});

function mm2(
  connectors: unknown[],
  options: {
    conditions?: unknown[];
    source?: Record<string, unknown>;
    checkpoint?: Record<string, unknown> | null;
    autoRestartStatuses?: unknown[];
  } = {},
): KafkaMirrorMaker2Resource {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaMirrorMaker2',
    metadata: { name: 'mirror', namespace: 'm', generation: 1 },
    spec: {
      replicas: 1,
      target: { alias: 'us', bootstrapServers: 'us:9092' },
      mirrors: [
        {
          source: { alias: 'eu', bootstrapServers: 'eu:9092' },
          sourceConnector: { tasksMax: 2, ...options.source },
          ...(options.checkpoint === null
            ? {}
            : { checkpointConnector: { ...options.checkpoint } }),
          topicsPattern: 'orders.*',
          groupsPattern: '.*',
        },
      ],
    },
    status: {
      conditions: (options.conditions ?? [
        { type: 'Ready', status: 'True', lastTransitionTime: T0 },
      ]) as never,
      observedGeneration: 1,
      connectors: connectors as never,
      ...(options.autoRestartStatuses
        ? { autoRestartStatuses: options.autoRestartStatuses as never }
        : {}),
    },
  };
}

describe('MirrorMaker 2 health, connector by connector', () => {
  it('is not healthy when NotReady with a spec-named connector missing from status.connectors', () => {
    const { assessment, components } = deriveMirrorMaker2Health(
      mm2([body(SOURCE, ['RUNNING'])], {
        conditions: [
          {
            type: 'NotReady',
            status: 'True',
            reason: 'ConnectRestException',
            message: `GET /connectors/${CHECKPOINT}/status returned 500 (500): Request timed out`,
            lastTransitionTime: T0,
          },
        ],
      }),
      soon,
    );
    expect(assessment.health).not.toBe('healthy');
    const checkpoint = components.find(c => c.name === CHECKPOINT)!;
    expect(checkpoint).toMatchObject({
      reported: false,
      inSpec: true,
      reason: expect.stringMatching(/^Missing from the status: /),
    });
    expect(checkpoint.health).not.toBe('healthy');
    expect(assessment.reason).toContain(CHECKPOINT);
  });

  it('compares the connectors the spec names with those reported', () => {
    const { components } = deriveMirrorMaker2Health(
      mm2([body(SOURCE, ['RUNNING']), body('eu->us.Extra', ['RUNNING'])]),
      soon,
    );
    expect(
      components.map(c => [c.name, c.inSpec, c.reported, c.health]),
    ).toEqual([
      [SOURCE, true, true, 'healthy'],
      [CHECKPOINT, true, false, 'pending'],
      ['eu->us.Extra', false, true, 'healthy'],
    ]);
    expect(components[0].mirror).toEqual({
      index: 0,
      role: 'sourceConnector',
      source: 'eu',
      target: 'us',
      topicsPattern: 'orders.*',
      groupsPattern: '.*',
    });
  });

  it('judges each connector against its own desired state', () => {
    const { assessment, components } = deriveMirrorMaker2Health(
      mm2(
        [
          body(SOURCE, ['PAUSED'], 'PAUSED'),
          body(CHECKPOINT, ['PAUSED'], 'PAUSED'),
        ],
        {
          source: { state: 'paused' },
        },
      ),
      soon,
    );
    expect(components.map(c => [c.desiredState, c.health])).toEqual([
      ['paused', 'paused'],
      ['running', 'pending'],
    ]);
    expect(components[1].reason).toContain(
      'waiting for Connect to report RUNNING',
    );
    expect(assessment.health).toBe('pending');
  });

  it('reads a RUNNING source or checkpoint connector with no tasks as healthy, not degraded', () => {
    const { assessment, components } = deriveMirrorMaker2Health(
      mm2([body(SOURCE, ['RUNNING']), body(CHECKPOINT, [])]),
      soon,
    );
    expect(components[1]).toMatchObject({
      health: 'healthy',
      reason: expect.stringContaining('no tasks'),
    });
    expect(assessment.health).toBe('healthy');
  });

  it('names a failing task by connector and gives each connector its automatic restarts', () => {
    const failing = body(SOURCE, ['RUNNING', 'FAILED']);
    const { components } = deriveMirrorMaker2Health(
      mm2([failing, body(CHECKPOINT, ['RUNNING'])], {
        source: { autoRestart: { enabled: true } },
        autoRestartStatuses: [
          { connectorName: SOURCE, count: 2, lastRestartTimestamp: T0 },
        ],
      }),
      soon,
    );
    expect(components[0]).toMatchObject({
      health: 'degraded',
      failingTasks: [{ id: 1, state: 'FAILED' }],
      autoRestart: {
        enabled: true,
        count: 2,
        nextRestartAt: '2026-03-01T10:06:00.000Z',
      },
    });
    expect(components[1].autoRestart).toMatchObject({ enabled: false });
  });

  it('is stopped when its Connect cluster has 0 replicas', () => {
    const resource = mm2([body(SOURCE, ['RUNNING'])], { checkpoint: null });
    resource.spec!.replicas = 0;
    expect(deriveMirrorMaker2Health(resource, soon).assessment.health).toBe(
      'stopped',
    );
  });
});
