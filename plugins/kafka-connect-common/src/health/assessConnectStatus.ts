import type {
  AutoRestartAssessment,
  ConnectorHealth,
  ConnectorHealthAssessment,
  DesiredConnectorState,
  FailingTask,
  TaskCounts,
} from '../api';
import type { ConnectRestConnectorStatus } from '../strimzi';
import { describeAutoRestartOutlook } from './autoRestart';
import { rootCause } from './rootCause';

/** The state a connector is asked to be in: `spec.state` (v1), else `spec.pause` (v1beta2). @public */
export function desiredConnectorState(
  spec: { state?: string; pause?: boolean } | undefined,
): DesiredConnectorState {
  if (spec?.state === 'paused' || spec?.state === 'stopped') {
    return spec.state;
  }
  if (spec?.state === undefined && spec?.pause === true) {
    return 'paused';
  }
  return 'running';
}

/** No tasks at all. @public */
export const NO_TASKS: TaskCounts = {
  total: 0,
  running: 0,
  failed: 0,
  paused: 0,
  unassigned: 0,
  restarting: 0,
};

/**
 * A status this code cannot read: reported as unknown with the reason, never
 * thrown at a page.
 */
export function unreadableStatus(error: unknown): ConnectorHealthAssessment {
  return {
    health: 'unknown',
    reason: `The status could not be read: ${String(error)}`,
    tasks: { ...NO_TASKS },
    failingTasks: [],
    warnings: [],
    topics: [],
  };
}

/** Counts a Connect REST body's tasks by state. @public */
export function countTasks(
  status: ConnectRestConnectorStatus | undefined,
): TaskCounts {
  const counts: TaskCounts = { ...NO_TASKS };
  const tasks = Array.isArray(status?.tasks) ? status!.tasks : [];
  for (const task of tasks) {
    counts.total += 1;
    switch (task?.state) {
      case 'RUNNING':
        counts.running += 1;
        break;
      case 'FAILED':
        counts.failed += 1;
        break;
      case 'PAUSED':
      case 'STOPPED':
        counts.paused += 1;
        break;
      case 'RESTARTING':
        counts.restarting += 1;
        break;
      default:
        counts.unassigned += 1;
    }
  }
  return counts;
}

/** The FAILED tasks of a Connect REST body, with worker and trace. @public */
export function failingTasksOf(
  status: ConnectRestConnectorStatus | undefined,
): FailingTask[] {
  return (Array.isArray(status?.tasks) ? status!.tasks : [])
    .filter(task => task?.state === 'FAILED')
    .map(task => ({
      id: typeof task.id === 'number' ? task.id : -1,
      state: 'FAILED',
      ...(task.worker_id ? { workerId: task.worker_id } : {}),
      ...(task.trace ? { trace: task.trace } : {}),
    }));
}

/** What else is known when judging a Connect REST body. @public */
export interface ConnectStatusContext {
  /** Strimzi's automatic restart of this connector. */
  autoRestart?: AutoRestartAssessment;
  /**
   * A RUNNING connector may legitimately have no tasks (MirrorMaker 2's
   * checkpoint connector without matching groups, its source connector
   * without matching topics): then zero tasks is not `degraded`.
   */
  mayRunWithoutTasks?: boolean;
}

/** A health and the reason for it, as a rule decides them. @public */
export type ConnectStatusVerdict = {
  health: ConnectorHealth;
  reason: string;
};

function waitingFor(target: string, state: string | undefined): string {
  return `waiting for Connect to report ${target} (it reports ${
    state ?? 'nothing yet'
  })`;
}

/** A failure, with what automatic restart will do about it. */
function failure(
  health: ConnectorHealth,
  reason: string,
  autoRestart: AutoRestartAssessment | undefined,
): ConnectStatusVerdict {
  return {
    health,
    reason: autoRestart
      ? `${reason}; ${describeAutoRestartOutlook(autoRestart)}`
      : reason,
  };
}

/**
 * Judges what a Connect REST body says, given what the connector is asked to
 * be. Shared by KafkaConnectors and the connectors inside a KafkaMirrorMaker2.
 * @public
 */
export function assessConnectStatus(
  connectorStatus: ConnectRestConnectorStatus | undefined,
  desired: DesiredConnectorState,
  context: ConnectStatusContext = {},
): ConnectStatusVerdict {
  const { autoRestart } = context;
  const tasks = countTasks(connectorStatus);
  const state = connectorStatus?.connector?.state;
  if (state === 'FAILED') {
    return failure(
      'failed',
      `Connector failed: ${
        rootCause(connectorStatus?.connector?.trace) || 'no trace reported'
      }`,
      autoRestart,
    );
  }
  if (desired === 'stopped') {
    return state === 'STOPPED'
      ? { health: 'stopped', reason: 'Stopped on request' }
      : {
          health: 'pending',
          reason: `Stopping: ${waitingFor('STOPPED', state)}`,
        };
  }
  if (desired === 'paused') {
    return state === 'PAUSED'
      ? { health: 'paused', reason: 'Paused on request' }
      : {
          health: 'pending',
          reason: `Pausing: ${waitingFor('PAUSED', state)}`,
        };
  }
  if (state === 'PAUSED' || state === 'STOPPED') {
    // Asked to run, yet Connect still holds it: not "paused on request".
    return {
      health: 'pending',
      reason: `Resuming: ${waitingFor('RUNNING', state)}`,
    };
  }
  const retrying =
    (autoRestart?.count ?? 0) > 0 &&
    (state === 'RESTARTING' || tasks.restarting > 0);
  if (retrying) {
    // Strimzi writes the restart's answer (tasks RESTARTING) as the status:
    // the connector failed and is being restarted, it is not merely starting.
    const next = autoRestart!.nextRestartAt
      ? `; if it fails again, next attempt at ${autoRestart!.nextRestartAt}`
      : '';
    return {
      health: tasks.running > 0 ? 'degraded' : 'failed',
      reason: `Failing and retrying: automatic restart ${autoRestart!.count}${
        autoRestart!.lastRestartTimestamp
          ? ` at ${autoRestart!.lastRestartTimestamp}`
          : ''
      }${next}`,
    };
  }
  if (state !== 'RUNNING') {
    return {
      health: state ? 'pending' : 'unknown',
      reason: state
        ? `Connector is ${state}`
        : 'Connect reported no connector state',
    };
  }
  if (tasks.total === 0) {
    return context.mayRunWithoutTasks
      ? {
          health: 'healthy',
          reason: 'Running with no tasks (nothing matches its patterns yet)',
        }
      : { health: 'degraded', reason: 'Connector runs but has no tasks' };
  }
  if (tasks.failed > 0) {
    const failedTask = failingTasksOf(connectorStatus).find(task => task.trace);
    const cause = failedTask ? `: ${rootCause(failedTask.trace)}` : '';
    return failure(
      tasks.failed === tasks.total ? 'failed' : 'degraded',
      tasks.failed === tasks.total
        ? `All ${tasks.total} tasks failed${cause}`
        : `${tasks.failed} of ${tasks.total} tasks failed${cause}`,
      autoRestart,
    );
  }
  if (tasks.unassigned + tasks.restarting > 0) {
    return {
      health: 'pending',
      reason: `${tasks.running} of ${tasks.total} tasks running, ${
        tasks.unassigned + tasks.restarting
      } starting`,
    };
  }
  if (tasks.running < tasks.total) {
    // A RUNNING connector with paused or stopped tasks is mid-way through a
    // pause or resume: not every task is doing its job, yet none failed.
    return {
      health: 'pending',
      reason: `${tasks.running} of ${tasks.total} tasks running, ${
        tasks.total - tasks.running
      } paused`,
    };
  }
  return {
    health: 'healthy',
    reason:
      tasks.total === 1
        ? 'The task is running'
        : `All ${tasks.total} tasks running`,
  };
}
