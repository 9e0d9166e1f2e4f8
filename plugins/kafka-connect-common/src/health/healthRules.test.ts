/**
 * One test per health rule of the issue "Health and operations that tell the
 * truth on every Strimzi version", each on a status shaped as Strimzi writes it.
 */
import { autoRestartBackoffMinutes } from './autoRestart';
import { deriveConnectorHealth } from './deriveConnectorHealth';
import { at, connector, soon, T0 } from './__fixtures__/ruleConnector';

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

  it('says a restart value this Strimzi cannot read will never be acted on', () => {
    const stuck = connector(['FAILED'], {
      annotations: { 'strimzi.io/restart': 'includeTasks,onlyFailed' },
    });
    expect(
      deriveConnectorHealth(stuck, { ...soon, restartOptions: false }).reason,
    ).toContain('will never be acted on');
    expect(
      deriveConnectorHealth(stuck, { ...soon, restartOptions: true }).reason,
    ).toContain('waiting for the operator');
  });

  it('never keeps a connector pending for an options value an old Strimzi leaves in place', () => {
    // 0.38-0.47 write no Warning and keep the value while the status goes on.
    const stuck = connector(['RUNNING', 'RUNNING'], {
      annotations: { 'strimzi.io/restart': 'includeTasks,onlyFailed' },
    });
    for (const now of [at(1), at(60 * 24)]) {
      for (const restartOptions of [false, undefined]) {
        const assessment = deriveConnectorHealth(stuck, {
          now,
          restartOptions,
        });
        expect(assessment.health).toBe('healthy');
        expect(assessment.reviewAt).toBeUndefined();
      }
    }
    expect(
      deriveConnectorHealth(stuck, { now: at(1), restartOptions: false })
        .reason,
    ).toContain('will never be acted on');
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
