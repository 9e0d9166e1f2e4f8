/**
 * One test per health rule of the issue "Health and operations that tell the
 * truth on every Strimzi version", each on a status shaped as Strimzi writes it.
 */
import type { KafkaConnectorResource, KafkaConnectResource } from '../strimzi';
import { autoRestartBackoffMinutes } from './autoRestart';
import { deriveConnectorHealth } from './deriveConnectorHealth';
import { rootCause } from './rootCause';

const T0 = '2026-03-01T10:00:00.123456789Z';
const at = (minutes: number) => Date.parse(T0) + minutes * 60_000;

function connector(
  tasks: string[],
  options: {
    connectorState?: string;
    conditions?: KafkaConnectorResource['status'] extends infer S
      ? S extends { conditions?: infer C }
        ? C
        : never
      : never;
    spec?: KafkaConnectorResource['spec'];
    annotations?: Record<string, string>;
    autoRestart?: { count?: number; lastRestartTimestamp?: string };
    generation?: number;
    observedGeneration?: number | null;
  } = {},
): KafkaConnectorResource {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: {
      name: 'orders-cdc',
      namespace: 'orders',
      generation: options.generation ?? 2,
      labels: { 'strimzi.io/cluster': 'orders-connect' },
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: { class: 'x.Source', tasksMax: tasks.length, ...options.spec },
    status: {
      conditions: options.conditions ?? [
        { type: 'Ready', status: 'True', lastTransitionTime: T0 },
      ],
      ...(options.observedGeneration === null
        ? {}
        : { observedGeneration: options.observedGeneration ?? 2 }),
      ...(options.autoRestart ? { autoRestart: options.autoRestart } : {}),
      connectorStatus: {
        name: 'orders-cdc',
        connector: {
          state: options.connectorState ?? 'RUNNING',
          worker_id: 'w',
        },
        tasks: tasks.map((state, id) => ({
          id,
          state,
          worker_id: 'w',
          ...(state === 'FAILED'
            ? {
                trace:
                  'org.apache.kafka.connect.errors.ConnectException: task failed\n\tat a.B\nCaused by: java.sql.SQLException: password authentication failed\n\tat c.D',
              }
            : {}),
        })),
        type: 'source',
      },
      tasksMax: tasks.length,
      topics: [],
    },
  };
}

const soon = { now: at(1) };

describe('rule: a restart annotation masks nothing once Strimzi answered it', () => {
  it('shows the failure and the Warning when Strimzi refused the restart', () => {
    const refused = connector(['FAILED'], {
      annotations: { 'strimzi.io/restart': 'includeTasks,onlyFailed' },
      conditions: [
        {
          type: 'Warning',
          status: 'True',
          reason: 'RestartConnector',
          message: 'Invalid annotation format: includeTasks,onlyFailed',
          lastTransitionTime: T0,
        },
        { type: 'Ready', status: 'True', lastTransitionTime: T0 },
      ],
    });
    const assessment = deriveConnectorHealth(refused, soon);
    expect(assessment.health).toBe('failed');
    expect(assessment.reason).toContain('failed: Invalid annotation format');
    expect(assessment.warnings).toEqual([
      'RestartConnector: Invalid annotation format: includeTasks,onlyFailed',
    ]);
    expect(assessment.restartRequest).toEqual({
      annotation: 'strimzi.io/restart',
      value: 'includeTasks,onlyFailed',
      answer: 'Invalid annotation format: includeTasks,onlyFailed',
    });
  });

  it('shows the status (with the request noted) once the observed generation is current', () => {
    const waiting = connector(['RUNNING', 'FAILED'], {
      annotations: { 'strimzi.io/restart': 'includeTasks' },
    });
    expect(deriveConnectorHealth(waiting, soon)).toMatchObject({
      health: 'degraded',
      reason: expect.stringContaining(
        'a restart was requested (strimzi.io/restart: includeTasks), waiting for the operator',
      ),
    });
  });

  it('is pending only while the operator has never reported a generation', () => {
    const fresh = connector(['FAILED'], {
      annotations: { 'strimzi.io/restart-task': '0' },
      observedGeneration: null,
    });
    expect(deriveConnectorHealth(fresh, soon)).toMatchObject({
      health: 'pending',
      reason: expect.stringContaining('strimzi.io/restart-task: 0'),
    });
  });
});

describe('rule: automatic restarts', () => {
  it('backs off n²+n minutes, at most 60', () => {
    expect([0, 1, 2, 3, 6, 7, 20].map(autoRestartBackoffMinutes)).toEqual([
      0, 2, 6, 12, 42, 56, 60,
    ]);
  });

  it('reads tasks RESTARTING after an automatic restart as failing and retrying, with the next attempt', () => {
    const retrying = connector(['RESTARTING', 'RESTARTING'], {
      connectorState: 'RUNNING',
      spec: { autoRestart: { enabled: true } },
      autoRestart: { count: 3, lastRestartTimestamp: T0 },
    });
    const assessment = deriveConnectorHealth(retrying, soon);
    expect(assessment.health).toBe('failed');
    expect(assessment.reason).toBe(
      `Failing and retrying: automatic restart 3 at ${T0}; if it fails again, next attempt at 2026-03-01T10:12:00.123Z`,
    );
    expect(assessment.autoRestart).toEqual({
      enabled: true,
      count: 3,
      lastRestartTimestamp: T0,
      nextRestartAt: '2026-03-01T10:12:00.123Z',
      gaveUp: false,
    });
    // Degraded when some tasks run meanwhile.
    retrying.status!.connectorStatus!.tasks![0].state = 'RUNNING';
    expect(deriveConnectorHealth(retrying, soon).health).toBe('degraded');
  });

  it('names the next automatic restart of a failed task, and expires the answer then', () => {
    const failed = connector(['FAILED'], {
      spec: { autoRestart: {} },
      autoRestart: { count: 1, lastRestartTimestamp: T0 },
    });
    expect(deriveConnectorHealth(failed, soon)).toMatchObject({
      health: 'failed',
      reason:
        'All 1 tasks failed: java.sql.SQLException: password authentication failed; automatic restart 2 due at 2026-03-01T10:02:00.123Z',
      reviewAt: '2026-03-01T10:02:00.123Z',
    });
  });

  it('says it gave up once count reaches maxRestarts', () => {
    const exhausted = connector(['FAILED'], {
      spec: { autoRestart: { enabled: true, maxRestarts: 5 } },
      autoRestart: { count: 5, lastRestartTimestamp: T0 },
    });
    const assessment = deriveConnectorHealth(exhausted, soon);
    expect(assessment.reason).toContain(
      'automatic restarts gave up after 5 (maxRestarts 5): restart it by hand',
    );
    expect(assessment.autoRestart).toMatchObject({ gaveUp: true });
    expect(assessment.autoRestart?.nextRestartAt).toBeUndefined();
  });

  it('says so when automatic restart is disabled', () => {
    for (const spec of [{}, { autoRestart: { enabled: false } }]) {
      const assessment = deriveConnectorHealth(
        connector(['FAILED'], { spec }),
        soon,
      );
      expect(assessment.reason).toContain('automatic restart is disabled');
      expect(assessment.autoRestart).toMatchObject({ enabled: false });
    }
  });
});

describe('rule: desired and reported state disagree', () => {
  it('is pending with what it waits for when resumed but Connect still reports PAUSED', () => {
    const resuming = connector(['PAUSED'], {
      connectorState: 'PAUSED',
      spec: { state: 'running' },
    });
    expect(deriveConnectorHealth(resuming, soon)).toMatchObject({
      health: 'pending',
      reason:
        'Resuming: waiting for Connect to report RUNNING (it reports PAUSED)',
    });
  });
});

describe('rule: the Connect cluster folds into its connectors', () => {
  const connect = (
    overrides: Partial<KafkaConnectResource> = {},
  ): KafkaConnectResource => ({
    kind: 'KafkaConnect',
    metadata: {
      name: 'orders-connect',
      annotations: { 'strimzi.io/use-connector-resources': 'true' },
    },
    spec: { replicas: 2 },
    status: { conditions: [{ type: 'Ready', status: 'True' }], replicas: 2 },
    ...overrides,
  });
  const healthy = connector(['RUNNING']);

  it.each([
    [
      'NotReady',
      connect({
        status: {
          conditions: [
            {
              type: 'NotReady',
              status: 'True',
              reason: 'TimeoutException',
              message: 'Exceeded timeout of 300000ms while waiting for Pods',
            },
          ],
        },
      }),
      'unknown',
      'Connect cluster orders-connect is not ready (TimeoutException: Exceeded timeout of 300000ms while waiting for Pods)',
    ],
    [
      'ReconciliationPaused',
      connect({
        status: {
          conditions: [{ type: 'ReconciliationPaused', status: 'True' }],
        },
      }),
      'unknown',
      'reconciliation paused',
    ],
    [
      'at 0 replicas',
      connect({ spec: { replicas: 0 } }),
      'stopped',
      '0 replicas',
    ],
    ['missing', null, 'unknown', 'does not exist'],
    [
      'without use-connector-resources',
      connect({ metadata: { name: 'orders-connect' } }),
      'unknown',
      'lacks the annotation strimzi.io/use-connector-resources',
    ],
  ])(
    'a healthy-looking connector on a Connect cluster %s is %s',
    (_, cluster, health, reason) => {
      const assessment = deriveConnectorHealth(healthy, {
        ...soon,
        connectCluster: cluster,
      });
      expect(assessment.health).toBe(health);
      expect(assessment.reason).toContain(reason);
      expect(assessment.connectClusterProblem).toContain(reason);
    },
  );

  it('keeps a failure, adding the Connect cluster reason, and leaves a fine cluster out', () => {
    const failed = deriveConnectorHealth(connector(['FAILED']), {
      ...soon,
      connectCluster: connect({ spec: { replicas: 0 } }),
    });
    expect(failed.health).toBe('failed');
    expect(failed.reason).toMatch(
      /^All 1 tasks failed.*; Connect cluster orders-connect has 0 replicas/,
    );
    expect(
      deriveConnectorHealth(healthy, { ...soon, connectCluster: connect() }),
    ).toMatchObject({ health: 'healthy' });
  });
});

describe('rule: states that never end age', () => {
  const settle = { settleTimeMs: 15 * 60_000 };

  it('unassigned tasks: pending, then degraded after the settle time since lastTransitionTime', () => {
    const stuck = connector(['RUNNING', 'UNASSIGNED']);
    expect(
      deriveConnectorHealth(stuck, { now: at(14), ...settle }),
    ).toMatchObject({
      health: 'pending',
      reviewAt: '2026-03-01T10:15:00.123Z',
    });
    expect(
      deriveConnectorHealth(stuck, { now: at(15), ...settle }),
    ).toMatchObject({
      health: 'degraded',
      reason: expect.stringContaining(
        'still unassigned (for more than 15 minutes, since 2026-03-01T10:00:00.123Z)',
      ),
    });
  });

  it('an unobserved generation: pending, then unknown after the settle time since the last spec change', () => {
    const behind = connector(['RUNNING'], {
      generation: 3,
      observedGeneration: 2,
    });
    behind.metadata!.managedFields = [
      { manager: 'kubectl', operation: 'Update', time: '2026-03-01T10:05:00Z' },
      {
        manager: 'strimzi',
        operation: 'Update',
        subresource: 'status',
        time: '2026-03-01T11:00:00Z',
      },
    ];
    expect(
      deriveConnectorHealth(behind, { now: at(19), ...settle }).health,
    ).toBe('pending');
    expect(
      deriveConnectorHealth(behind, { now: at(20), ...settle }),
    ).toMatchObject({
      health: 'unknown',
      reason: expect.stringContaining('has not applied the latest change'),
    });
  });

  it('no status: pending, then unknown after the settle time since creation', () => {
    const created: KafkaConnectorResource = {
      metadata: { name: 'x', creationTimestamp: T0, generation: 1 },
      spec: {},
    };
    expect(
      deriveConnectorHealth(created, { now: at(5), ...settle }).health,
    ).toBe('pending');
    expect(
      deriveConnectorHealth(created, { now: at(16), ...settle }),
    ).toMatchObject({
      health: 'unknown',
      reason: expect.stringContaining(
        'is it running and watching this namespace?',
      ),
    });
  });
});

describe('rule: NotReady without a Connect body is told apart by reason', () => {
  const notReady = (reason: string, message: string, generation = 1) =>
    deriveConnectorHealth(
      {
        metadata: { name: 'c', generation },
        spec: {},
        status: {
          observedGeneration: generation,
          conditions: [{ type: 'NotReady', status: 'True', reason, message }],
        },
      },
      soon,
    );

  it.each([
    [
      'a refused config of a new connector',
      notReady(
        'ConnectRestException',
        'PUT /connectors/c/config returned 400 (Bad Request): Connector configuration is invalid',
      ),
      'failed',
      'Connect refused the config: PUT',
    ],
    [
      'a refused config update',
      notReady(
        'ConnectRestException',
        'PUT /connectors/c/config returned 400 (Bad Request): invalid',
        4,
      ),
      'degraded',
      'still runs the previous one',
    ],
    [
      'an unreachable Connect',
      notReady(
        'ConnectRestException',
        'java.net.ConnectException: Connection refused',
      ),
      'unknown',
      'could not be reached',
    ],
    [
      'a missing Connect cluster',
      notReady(
        'NoSuchResourceException',
        "KafkaConnect resource 'c' identified by label 'strimzi.io/cluster' does not exist in namespace n.",
      ),
      'unknown',
      'correct the strimzi.io/cluster label',
    ],
    [
      'a Connect cluster at 0 replicas',
      notReady(
        'RuntimeException',
        "Kafka Connect cluster 'c' in namespace n has 0 replicas.",
      ),
      'stopped',
      'has 0 replicas',
    ],
  ])('%s', (_, assessment, health, reason) => {
    expect(assessment.health).toBe(health);
    expect(assessment.reason).toContain(reason);
  });
});

describe('rule: the reason shows the root cause', () => {
  it('takes the last Caused by of a trace, else its first line', () => {
    expect(
      rootCause(
        'a.A: outer\n\tat x\nCaused by: b.B: middle\nCaused by: c.C: bottom\n\tat y',
      ),
    ).toBe('c.C: bottom');
    expect(rootCause('\n a.A: only\n\tat x')).toBe('a.A: only');
    expect(rootCause(undefined)).toBe('');
    expect(
      deriveConnectorHealth(connector(['RUNNING', 'FAILED']), soon).reason,
    ).toMatch(
      /^1 of 2 tasks failed: java\.sql\.SQLException: password authentication failed/,
    );
  });
});
