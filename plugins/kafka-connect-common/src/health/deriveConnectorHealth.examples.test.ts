import { deriveConnectorHealth } from './deriveConnectorHealth';
import {
  runningConnector,
  taskFailedConnector,
  unconditionedConnector,
} from './__fixtures__/statusExamples';

describe('deriveConnectorHealth on statuses shaped like real clusters', () => {
  it('is healthy for a Ready connector with its task running', () => {
    expect(deriveConnectorHealth(runningConnector)).toEqual({
      health: 'healthy',
      reason: 'The task is running',
      tasks: {
        total: 1,
        running: 1,
        failed: 0,
        paused: 0,
        unassigned: 0,
        restarting: 0,
      },
      tasksMax: 1,
      failingTasks: [],
      warnings: [],
      connectorState: 'RUNNING',
      type: 'source',
      topics: ['payments.public.outbox'],
      autoRestart: { enabled: false, count: 0, gaveUp: false },
    });
  });

  it('is degraded, not failed, when Strimzi says NotReady for one failed task', () => {
    const assessment = deriveConnectorHealth(taskFailedConnector);
    expect(assessment).toMatchObject({
      health: 'degraded',
      reason: expect.stringMatching(/^1 of 3 tasks failed: /),
      connectorState: 'RUNNING',
      type: 'sink',
      autoRestart: {
        count: 2,
        lastRestartTimestamp: '2026-02-11T09:03:40.117502361Z',
      },
    });
    expect(assessment.failingTasks).toEqual([
      {
        id: 1,
        state: 'FAILED',
        workerId:
          'payments-connect-connect-2.payments-connect-connect.payments.svc:8083',
        trace: expect.stringMatching(/^org\.apache\.kafka\.connect\.errors/),
      },
    ]);
  });

  it('is pending until the operator writes conditions, keeping the counts it has', () => {
    const assessment = deriveConnectorHealth(unconditionedConnector);
    expect(assessment.health).toBe('pending');
    expect(assessment.tasks).toMatchObject({ total: 2, failed: 1, paused: 1 });
    expect(assessment.failingTasks.map(task => task.id)).toEqual([0]);
  });

  it('is degraded once the same body comes with a Ready condition', () => {
    const withCondition = {
      ...unconditionedConnector,
      status: {
        ...unconditionedConnector.status,
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    };
    expect(deriveConnectorHealth(withCondition)).toMatchObject({
      health: 'degraded',
      reason: expect.stringMatching(/^1 of 2 tasks failed/),
    });
  });

  it('is pending, not healthy, while some tasks of a running connector are paused', () => {
    const tasks = runningConnector.status!.connectorStatus!.tasks!;
    const pausing = {
      ...runningConnector,
      status: {
        ...runningConnector.status,
        connectorStatus: {
          ...runningConnector.status!.connectorStatus,
          tasks: [...tasks, { id: 1, state: 'PAUSED', worker_id: 'w' }],
        },
      },
    };
    expect(deriveConnectorHealth(pausing)).toMatchObject({
      health: 'pending',
      reason: '1 of 2 tasks running, 1 paused',
    });
  });
});
