import type { ConnectorHealthAssessment, RestartRequest } from '../api';
import { STRIMZI_RESTART_ANNOTATION } from '../names';
import type { KafkaConnectorResource, KafkaConnectResource } from '../strimzi';
import {
  assessConnectStatus,
  countTasks,
  desiredConnectorState,
  failingTasksOf,
  unreadableStatus,
} from './assessConnectStatus';
import { assessAutoRestart } from './autoRestart';
import { connectClusterProblem } from './connectClusterHealth';
import { assessNotReady } from './notReady';
import {
  activeConditions,
  ageing,
  GateVerdict,
  HealthClock,
  restartRequestOf,
  statusGate,
  statusSince,
  warningsOf,
} from './statusGate';

/** What else decides a connector's health besides its own resource. @public */
export interface ConnectorHealthOptions extends HealthClock {
  /**
   * The KafkaConnect the connector runs on (its `strimzi.io/cluster`):
   * `null` when known not to exist, undefined when not known.
   */
  connectCluster?: KafkaConnectResource | null;
  /**
   * Whether the cluster's Strimzi reads restart options (0.48+). When it
   * does not, a `strimzi.io/restart` other than `true` is never acted on,
   * and the reason says so instead of "waiting for the operator".
   */
  restartOptions?: boolean;
}

/** Healths a problem of the Connect cluster overrides: they claim things run, or will. */
const OVERRIDDEN_BY_CONNECT_CLUSTER = ['healthy', 'paused', 'pending'];

/**
 * Derives a KafkaConnector's health from its Strimzi status (conditions,
 * the Connect REST body, desired state, observed generation, automatic
 * restarts, restart annotations) and the state of its Connect cluster.
 * @public
 */
export function deriveConnectorHealth(
  connector: KafkaConnectorResource,
  options: ConnectorHealthOptions = {},
): ConnectorHealthAssessment {
  try {
    return deriveFromWellFormed(connector, options);
  } catch (error) {
    return unreadableStatus(error);
  }
}

function judge(
  connector: KafkaConnectorResource,
  options: ConnectorHealthOptions,
  autoRestart: ReturnType<typeof assessAutoRestart>,
): GateVerdict {
  const gated = statusGate(connector, options);
  if (gated) {
    return gated;
  }
  const status = connector.status!;
  const connectorStatus = status.connectorStatus;
  const [notReady] = activeConditions(status.conditions, 'NotReady');
  if (notReady && !connectorStatus?.connector) {
    return assessNotReady(notReady, {
      updated: (connector.metadata?.generation ?? 1) > 1,
    });
  }
  if (!connectorStatus?.connector) {
    return {
      health: 'unknown',
      reason: 'Connect reported no connector status',
    };
  }
  const verdict = assessConnectStatus(
    connectorStatus,
    desiredConnectorState(connector.spec),
    { autoRestart },
  );
  const tasks = countTasks(connectorStatus);
  if (
    verdict.health === 'pending' &&
    (tasks.unassigned > 0 || connectorStatus.connector.state === 'UNASSIGNED')
  ) {
    // UNASSIGNED may last: a worker gone, a delayed rebalance.
    return ageing(verdict, statusSince(connector), options, {
      health: 'degraded',
      reason: `${verdict.reason}: still unassigned`,
    });
  }
  if (
    (verdict.health === 'failed' || verdict.health === 'degraded') &&
    autoRestart.nextRestartAt &&
    Date.parse(autoRestart.nextRestartAt) > (options.now ?? Date.now())
  ) {
    return { ...verdict, reviewAt: autoRestart.nextRestartAt };
  }
  return verdict;
}

/** What became of a restart annotation still on the resource. */
function describeRestartRequest(
  request: RestartRequest,
  restartOptions: boolean | undefined,
): string {
  const text = `${request.annotation}: ${request.value}`;
  if (request.answer) {
    return `the restart request (${text}) failed: ${request.answer}`;
  }
  if (
    restartOptions === false &&
    request.annotation === STRIMZI_RESTART_ANNOTATION &&
    request.value !== 'true'
  ) {
    return `the restart request (${text}) will never be acted on: this cluster's Strimzi (before 0.48) restarts only on "true"; restart again from the portal, which sends what it reads`;
  }
  return `a restart was requested (${text}), waiting for the operator`;
}

function deriveFromWellFormed(
  connector: KafkaConnectorResource,
  options: ConnectorHealthOptions,
): ConnectorHealthAssessment {
  const status = connector.status;
  const connectorStatus = status?.connectorStatus;
  const autoRestart = assessAutoRestart(
    connector.spec?.autoRestart,
    status?.autoRestart,
  );
  const restartRequest = restartRequestOf(connector);
  let verdict = judge(connector, options, autoRestart);
  const problem = connectClusterProblem(
    options.connectCluster,
    connector.metadata?.labels?.['strimzi.io/cluster'],
  );
  if (problem) {
    verdict = OVERRIDDEN_BY_CONNECT_CLUSTER.includes(verdict.health)
      ? problem
      : { ...verdict, reason: `${verdict.reason}; ${problem.reason}` };
  }
  if (restartRequest && verdict.health !== 'pending') {
    verdict = {
      ...verdict,
      reason: `${verdict.reason}; ${describeRestartRequest(
        restartRequest,
        options.restartOptions,
      )}`,
    };
  }
  return {
    health: verdict.health,
    reason: verdict.reason,
    tasks: countTasks(connectorStatus),
    ...(status?.tasksMax !== undefined || connector.spec?.tasksMax !== undefined
      ? { tasksMax: connector.spec?.tasksMax ?? status?.tasksMax }
      : {}),
    failingTasks: failingTasksOf(connectorStatus),
    warnings: warningsOf(status?.conditions),
    ...(connectorStatus?.connector?.state
      ? { connectorState: connectorStatus.connector.state }
      : {}),
    ...(connectorStatus?.type ? { type: connectorStatus.type } : {}),
    topics: Array.isArray(status?.topics) ? status!.topics : [],
    autoRestart,
    ...(restartRequest ? { restartRequest } : {}),
    ...(problem ? { connectClusterProblem: problem.reason } : {}),
    ...(verdict.reviewAt ? { reviewAt: verdict.reviewAt } : {}),
  };
}
