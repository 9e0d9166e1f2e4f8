import type {
  ConnectorHealth,
  ConnectorHealthAssessment,
  DesiredConnectorState,
  FailingTask,
  TaskCounts,
} from '../api';
import { CONNECTOR_HEALTHS } from '../api';
import {
  STRIMZI_RESTART_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
  STRIMZI_RESTART_TASK_ANNOTATION,
} from '../names';
import type {
  ConnectRestConnectorStatus,
  KafkaConnectorResource,
  StrimziCondition,
} from '../strimzi';

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

/** Counts a Connect REST body's tasks by state. @public */
export function countTasks(
  status: ConnectRestConnectorStatus | undefined,
): TaskCounts {
  const counts: TaskCounts = {
    total: 0,
    running: 0,
    failed: 0,
    paused: 0,
    unassigned: 0,
    restarting: 0,
  };
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

function failingTasksOf(
  status: ConnectRestConnectorStatus | undefined,
): FailingTask[] {
  return (Array.isArray(status?.tasks) ? status!.tasks : [])
    .filter(task => task?.state === 'FAILED')
    .map(task => ({
      id: task.id ?? -1,
      state: task.state!,
      ...(task.worker_id ? { workerId: task.worker_id } : {}),
      ...(task.trace ? { trace: task.trace } : {}),
    }));
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0].trim();
}

function activeCondition(
  conditions: StrimziCondition[] | undefined,
  type: string,
) {
  return conditions?.find(
    condition => condition.type === type && condition.status === 'True',
  );
}

/**
 * Judges what a Connect REST body says, given what the connector is asked to
 * be. Shared by KafkaConnectors and the connectors inside a KafkaMirrorMaker2.
 * @public
 */
export function assessConnectStatus(
  connectorStatus: ConnectRestConnectorStatus | undefined,
  desired: DesiredConnectorState,
): { health: ConnectorHealth; reason: string } {
  const tasks = countTasks(connectorStatus);
  const state = connectorStatus?.connector?.state;
  if (state === 'FAILED') {
    return {
      health: 'failed',
      reason: `Connector failed: ${
        firstLine(connectorStatus?.connector?.trace) || 'no trace reported'
      }`,
    };
  }
  if (desired === 'stopped' || state === 'STOPPED') {
    return state === 'STOPPED'
      ? { health: 'stopped', reason: 'Stopped on request' }
      : {
          health: 'pending',
          reason: `Stopping (Connect reports ${state ?? 'nothing yet'})`,
        };
  }
  if (desired === 'paused' || state === 'PAUSED') {
    return state === 'PAUSED'
      ? { health: 'paused', reason: 'Paused on request' }
      : {
          health: 'pending',
          reason: `Pausing (Connect reports ${state ?? 'nothing yet'})`,
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
    return { health: 'degraded', reason: 'Connector runs but has no tasks' };
  }
  if (tasks.failed === tasks.total) {
    return { health: 'failed', reason: `All ${tasks.total} tasks failed` };
  }
  if (tasks.failed > 0) {
    return {
      health: 'degraded',
      reason: `${tasks.failed} of ${tasks.total} tasks failed`,
    };
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

/**
 * Derives a KafkaConnector's health from its Strimzi status: conditions,
 * the Connect REST body, desired state and observed generation.
 * @public
 */
export function deriveConnectorHealth(
  connector: KafkaConnectorResource,
): ConnectorHealthAssessment {
  try {
    return deriveFromWellFormed(connector);
  } catch (error) {
    // A status this code cannot read is reported, never thrown at a page.
    return {
      health: 'unknown',
      reason: `The status could not be read: ${String(error)}`,
      tasks: {
        total: 0,
        running: 0,
        failed: 0,
        paused: 0,
        unassigned: 0,
        restarting: 0,
      },
      failingTasks: [],
      warnings: [],
      topics: [],
    };
  }
}

function deriveFromWellFormed(
  connector: KafkaConnectorResource,
): ConnectorHealthAssessment {
  const status = connector.status;
  const connectorStatus = status?.connectorStatus;
  const base = {
    tasks: countTasks(connectorStatus),
    ...(status?.tasksMax !== undefined || connector.spec?.tasksMax !== undefined
      ? { tasksMax: connector.spec?.tasksMax ?? status?.tasksMax }
      : {}),
    failingTasks: failingTasksOf(connectorStatus),
    warnings: (status?.conditions ?? [])
      .filter(condition => condition.type === 'Warning' && condition.message)
      .map(condition => condition.message!),
    ...(connectorStatus?.connector?.state
      ? { connectorState: connectorStatus.connector.state }
      : {}),
    ...(connectorStatus?.type ? { type: connectorStatus.type } : {}),
    topics: Array.isArray(status?.topics) ? status!.topics : [],
    ...(status?.autoRestart?.count !== undefined
      ? {
          autoRestart: {
            count: status.autoRestart.count,
            ...(status.autoRestart.lastRestartTimestamp
              ? {
                  lastRestartTimestamp: status.autoRestart.lastRestartTimestamp,
                }
              : {}),
          },
        }
      : {}),
  };
  const verdict = (
    health: ConnectorHealth,
    reason: string,
  ): ConnectorHealthAssessment => ({
    health,
    reason,
    ...base,
  });

  if (
    !status ||
    !Array.isArray(status.conditions) ||
    status.conditions.length === 0
  ) {
    return verdict(
      'pending',
      'Waiting for the Strimzi operator to report a status',
    );
  }
  if (activeCondition(status.conditions, 'ReconciliationPaused')) {
    return verdict(
      'unknown',
      'Reconciliation is paused (strimzi.io/pause-reconciliation): the status may be stale',
    );
  }
  const generation = connector.metadata?.generation;
  if (
    generation !== undefined &&
    status.observedGeneration !== undefined &&
    status.observedGeneration < generation
  ) {
    return verdict(
      'pending',
      `The operator has not yet applied the latest change (generation ${generation}, observed ${status.observedGeneration})`,
    );
  }
  // The last two are KafkaMirrorMaker2's, whose health is derived through here too.
  const restartRequested = [
    STRIMZI_RESTART_ANNOTATION,
    STRIMZI_RESTART_TASK_ANNOTATION,
    STRIMZI_RESTART_CONNECTOR_ANNOTATION,
    STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
  ].filter(name => connector.metadata?.annotations?.[name] !== undefined);
  if (restartRequested.length > 0) {
    // The operator removes the annotation once it has restarted.
    return verdict(
      'pending',
      `A restart was requested (${restartRequested.join(
        ', ',
      )}); waiting for the operator`,
    );
  }
  const notReady = activeCondition(status.conditions, 'NotReady');
  if (notReady && !connectorStatus?.connector) {
    return verdict(
      'failed',
      `${notReady.reason ?? 'NotReady'}: ${notReady.message ?? 'no message'}`,
    );
  }
  if (!connectorStatus?.connector) {
    return verdict('unknown', 'Connect reported no connector status');
  }
  const assessed = assessConnectStatus(
    connectorStatus,
    desiredConnectorState(connector.spec),
  );
  return verdict(assessed.health, assessed.reason);
}

/** The worst of several healths (`healthy` for none). @public */
export function rollUpHealth(healths: ConnectorHealth[]): ConnectorHealth {
  return healths.reduce<ConnectorHealth>(
    (worst, health) =>
      CONNECTOR_HEALTHS.indexOf(health) > CONNECTOR_HEALTHS.indexOf(worst)
        ? health
        : worst,
    'healthy',
  );
}

/** Counts per health, for summaries like "7 connectors: 5 healthy, 1 degraded, 1 failed". @public */
export function summarizeHealths(items: Array<{ health: ConnectorHealth }>): {
  total: number;
  byHealth: Partial<Record<ConnectorHealth, number>>;
  text: string;
} {
  const byHealth: Partial<Record<ConnectorHealth, number>> = {};
  for (const item of items) {
    byHealth[item.health] = (byHealth[item.health] ?? 0) + 1;
  }
  const parts = CONNECTOR_HEALTHS.filter(health => byHealth[health]).map(
    health => `${byHealth[health]} ${health}`,
  );
  const noun = items.length === 1 ? 'connector' : 'connectors';
  return {
    total: items.length,
    byHealth,
    text:
      parts.length > 0
        ? `${items.length} ${noun}: ${parts.join(', ')}`
        : `0 connectors`,
  };
}
