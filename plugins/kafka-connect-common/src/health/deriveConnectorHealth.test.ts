import type { KafkaConnectorResource } from '../strimzi';
import {
  assessConnectStatus,
  desiredConnectorState,
} from './assessConnectStatus';
import { deriveConnectorHealth } from './deriveConnectorHealth';
import { rollUpHealth, summarizeHealths } from './rollUpHealth';

/** A minute after the status last changed. */
const soon = { now: Date.parse('2026-01-01T00:01:00Z') };

const ready = [
  { type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' },
];

function connector(
  tasks: string[],
  overrides: {
    state?: string;
    spec?: KafkaConnectorResource['spec'];
    conditions?: Array<Record<string, string>>;
    generation?: number;
    observedGeneration?: number;
  } = {},
): KafkaConnectorResource {
  return {
    metadata: {
      name: 'c',
      namespace: 'n',
      generation: overrides.generation ?? 3,
    },
    spec: { class: 'x.Y', tasksMax: tasks.length, ...overrides.spec },
    status: {
      conditions: overrides.conditions ?? ready,
      observedGeneration: overrides.observedGeneration ?? 3,
      connectorStatus: {
        name: 'c',
        connector: { state: overrides.state ?? 'RUNNING', worker_id: 'w0' },
        tasks: tasks.map((state, id) => ({
          id,
          state,
          worker_id: `w${id}`,
          ...(state === 'FAILED'
            ? { trace: `java.lang.Exception: task ${id}\n\tat x` }
            : {}),
        })),
        type: 'source',
      },
      tasksMax: tasks.length,
      topics: ['a'],
    },
  };
}

describe('deriveConnectorHealth', () => {
  it.each([
    [['RUNNING', 'RUNNING'], 'healthy', 'All 2 tasks running'],
    [['RUNNING'], 'healthy', 'The task is running'],
    [['RUNNING', 'FAILED'], 'degraded', '1 of 2 tasks failed'],
    [['FAILED', 'FAILED'], 'failed', 'All 2 tasks failed'],
    [['RUNNING', 'UNASSIGNED'], 'pending', '1 of 2 tasks running, 1 starting'],
    [['RUNNING', 'RESTARTING', 'FAILED'], 'degraded', '1 of 3 tasks failed'],
    [[], 'degraded', 'Connector runs but has no tasks'],
  ])('tasks %j → %s', (tasks, health, reason) => {
    expect(deriveConnectorHealth(connector(tasks), soon)).toMatchObject({
      health,
      reason: expect.stringMatching(new RegExp(`^${reason}`)),
    });
  });

  it('counts tasks by state and lists failing ones with worker and trace', () => {
    const assessment = deriveConnectorHealth(
      connector(['RUNNING', 'FAILED', 'PAUSED', 'UNASSIGNED', 'RESTARTING']),
    );
    expect(assessment.tasks).toEqual({
      total: 5,
      running: 1,
      failed: 1,
      paused: 1,
      unassigned: 1,
      restarting: 1,
    });
    expect(assessment.failingTasks).toEqual([
      {
        id: 1,
        state: 'FAILED',
        workerId: 'w1',
        trace: 'java.lang.Exception: task 1\n\tat x',
      },
    ]);
    expect(assessment).toMatchObject({
      connectorState: 'RUNNING',
      type: 'source',
      topics: ['a'],
      tasksMax: 5,
    });
  });

  it('reports a failed connector with the root cause of its trace', () => {
    const failed = connector([], { state: 'FAILED' });
    failed.status!.connectorStatus!.connector!.trace =
      'org.apache.kafka.connect.errors.ConnectException: wrapped\n\tat y\nCaused by: org.Wrap: middle\n\tat z\nCaused by: org.Boom: no database\n\tat w';
    expect(deriveConnectorHealth(failed)).toMatchObject({
      health: 'failed',
      reason: expect.stringMatching(
        /^Connector failed: org\.Boom: no database;/,
      ),
    });
  });

  it.each([
    [{ state: 'paused' }, 'PAUSED', 'paused'],
    [{ pause: true }, 'PAUSED', 'paused'],
    [{ state: 'paused' }, 'RUNNING', 'pending'],
    [{ state: 'stopped' }, 'STOPPED', 'stopped'],
    [{ state: 'stopped' }, 'RUNNING', 'pending'],
    [{}, 'PAUSED', 'pending'],
    [{ state: 'running' }, 'STOPPED', 'pending'],
    [{ state: 'stopped' }, 'PAUSED', 'pending'],
  ])('desired %j with Connect state %s → %s', (spec, state, health) => {
    expect(
      deriveConnectorHealth(
        connector(['RUNNING'], { spec: { class: 'x', ...spec }, state }),
      ).health,
    ).toBe(health);
  });

  it('is pending without a status, or while a newer generation is not observed', () => {
    expect(
      deriveConnectorHealth({ metadata: { generation: 1 }, spec: {} }),
    ).toMatchObject({
      health: 'pending',
      reason: 'Waiting for the Strimzi operator to report a status',
      tasks: { total: 0 },
    });
    expect(
      deriveConnectorHealth(
        connector(['RUNNING'], { generation: 4, observedGeneration: 3 }),
      ),
    ).toMatchObject({
      health: 'pending',
      reason: expect.stringContaining('generation 4, observed 3'),
    });
  });

  it('fails with the operator reason when Strimzi rejects the connector', () => {
    const rejected: KafkaConnectorResource = {
      metadata: { generation: 1 },
      spec: { class: 'x' },
      status: {
        observedGeneration: 1,
        conditions: [
          {
            type: 'NotReady',
            status: 'True',
            reason: 'InvalidResourceException',
            message: 'spec.class is missing',
          },
        ],
      },
    };
    expect(deriveConnectorHealth(rejected)).toMatchObject({
      health: 'failed',
      reason: 'Strimzi rejected the resource: spec.class is missing',
    });
  });

  it('uses the Connect body, not the NotReady condition, when both are there', () => {
    const partly = connector(['RUNNING', 'FAILED'], {
      conditions: [
        {
          type: 'NotReady',
          status: 'True',
          reason: 'Throwable',
          message: 'The following tasks have failed: 1',
        },
      ],
    });
    expect(deriveConnectorHealth(partly).health).toBe('degraded');
  });

  it('is unknown while reconciliation is paused, and keeps warnings and auto-restarts', () => {
    const paused = connector(['RUNNING'], {
      conditions: [
        { type: 'ReconciliationPaused', status: 'True' },
        { type: 'Warning', status: 'True', message: 'deprecated field' },
      ],
    });
    paused.status!.autoRestart = {
      count: 2,
      lastRestartTimestamp: '2026-01-01T00:00:00Z',
    };
    expect(deriveConnectorHealth(paused)).toMatchObject({
      health: 'unknown',
      warnings: ['deprecated field'],
      autoRestart: { count: 2, lastRestartTimestamp: '2026-01-01T00:00:00Z' },
    });
  });

  it('is unknown when Connect reported no connector', () => {
    const empty = connector([]);
    empty.status!.connectorStatus = {};
    expect(deriveConnectorHealth(empty).health).toBe('unknown');
  });
});

describe('deriveConnectorHealth on malformed input', () => {
  it.each([
    [
      'tasks not a list',
      {
        conditions: [{ type: 'Ready', status: 'True' }],
        connectorStatus: { connector: { state: 'RUNNING' }, tasks: 'x' },
      },
    ],
    ['conditions not a list', { conditions: 'Ready' }],
    [
      'a null task',
      {
        conditions: [{ type: 'Ready', status: 'True' }],
        connectorStatus: { connector: { state: 'RUNNING' }, tasks: [null] },
      },
    ],
  ])('never throws: %s', (_name, status) => {
    const assessment = deriveConnectorHealth({
      metadata: {},
      spec: {},
      status,
    } as unknown as KafkaConnectorResource);
    expect(['unknown', 'pending', 'degraded']).toContain(assessment.health);
    expect(assessment.reason).toEqual(expect.any(String));
  });
});

describe('assessConnectStatus', () => {
  it('reports a connector state other than running as pending', () => {
    expect(
      assessConnectStatus({ connector: { state: 'UNASSIGNED' } }, 'running'),
    ).toEqual({
      health: 'pending',
      reason: 'Connector is UNASSIGNED',
    });
  });
});

describe('desiredConnectorState', () => {
  it('prefers spec.state and falls back to spec.pause', () => {
    expect(desiredConnectorState(undefined)).toBe('running');
    expect(desiredConnectorState({ pause: true })).toBe('paused');
    expect(desiredConnectorState({ state: 'running', pause: true })).toBe(
      'running',
    );
    expect(desiredConnectorState({ state: 'stopped' })).toBe('stopped');
  });
});

describe('rollUpHealth and summarizeHealths', () => {
  it('rolls up to the worst health', () => {
    expect(rollUpHealth([])).toBe('healthy');
    expect(rollUpHealth(['healthy', 'paused'])).toBe('paused');
    expect(rollUpHealth(['degraded', 'failed', 'healthy'])).toBe('failed');
  });

  it('summarizes counts in health order', () => {
    const items = [
      'healthy',
      'failed',
      'healthy',
      'degraded',
      'healthy',
      'healthy',
      'healthy',
    ].map(health => ({ health: health as 'healthy' | 'failed' | 'degraded' }));
    expect(summarizeHealths(items).text).toBe(
      '7 connectors: 5 healthy, 1 degraded, 1 failed',
    );
    expect(summarizeHealths([{ health: 'paused' }]).text).toBe(
      '1 connector: 1 paused',
    );
    expect(summarizeHealths([])).toEqual({
      total: 0,
      byHealth: {},
      text: '0 connectors',
    });
  });
});
