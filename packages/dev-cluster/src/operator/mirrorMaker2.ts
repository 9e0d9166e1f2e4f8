import {
  STRIMZI_PAUSE_RECONCILIATION_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import { condition, isTrue } from './conditions';
import { simulatedOffsetsWarnings } from './offsets';
import { targetStateOf } from './connectorSpec';
import {
  mirrorMaker2ConnectorsOf,
  mirrorMaker2ConnectorStatuses,
  mirrorMaker2Readiness,
} from './mirrorMaker2Spec';
import { labelSelector, ReconcileResult, Resource } from './reconcile';
import {
  FAILED_TASKS_ANNOTATION,
  failedTasksOf,
  pluginsOf,
} from './simulation';

/**
 * JSON object: MirrorMaker 2 connector name → trace. Those connectors report
 * FAILED (simulated MirrorMaker 2s only).
 */
export const FAILED_MM2_CONNECTORS_ANNOTATION =
  'simulator.kafka-connect.dev/failed-connectors';

function failedConnectorsOf(annotations: Record<string, string>) {
  try {
    return JSON.parse(
      annotations[FAILED_MM2_CONNECTORS_ANNOTATION] ?? '{}',
    ) as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Status of a simulated KafkaMirrorMaker2: one Connect REST body per
 * connector its spec names, sorted by name; task failures are keyed
 * `<connector name>:<task id>` in the failed-tasks annotation, connector
 * failures by name in {@link FAILED_MM2_CONNECTORS_ANNOTATION}. As in
 * Strimzi, only a failed connector makes it NotReady.
 */
export function reconcileKafkaMirrorMaker2(
  mm2: Resource,
  now: string,
): ReconcileResult {
  const {
    name = '',
    namespace = '',
    generation = 0,
    annotations = {},
  } = mm2.metadata ?? {};
  if (isTrue(annotations[STRIMZI_PAUSE_RECONCILIATION_ANNOTATION])) {
    // Strimzi replaces the status; its Java primitives come out as 0.
    return {
      status: {
        conditions: [condition(now, 'ReconciliationPaused')],
        observedGeneration: mm2.status?.observedGeneration ?? 0,
        replicas: 0,
      },
    };
  }
  const restartConnector = annotations[STRIMZI_RESTART_CONNECTOR_ANNOTATION];
  const restartTask = annotations[STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION];
  if (restartConnector !== undefined || restartTask !== undefined) {
    let failed = failedTasksOf(annotations);
    const patch: Record<string, string | null> = {};
    if (restartConnector !== undefined) {
      patch[STRIMZI_RESTART_CONNECTOR_ANNOTATION] = null;
      const restarted = restartConnector.trim().split(':')[0];
      failed = Object.fromEntries(
        Object.entries(failed).filter(
          ([key]) => !key.startsWith(`${restarted}:`),
        ),
      );
      const { [restarted]: _healed, ...stillFailed } =
        failedConnectorsOf(annotations);
      patch[FAILED_MM2_CONNECTORS_ANNOTATION] =
        Object.keys(stillFailed).length > 0
          ? JSON.stringify(stillFailed)
          : null;
    }
    if (restartTask !== undefined) {
      patch[STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION] = null;
      const { [restartTask.trim()]: _restarted, ...rest } = failed;
      failed = rest;
    }
    patch[FAILED_TASKS_ANNOTATION] =
      Object.keys(failed).length > 0 ? JSON.stringify(failed) : null;
    return { annotations: patch };
  }
  const replicas = mm2.spec?.replicas ?? 1;
  const failed = failedTasksOf(annotations);
  const failedConnectors = failedConnectorsOf(annotations);
  const bodies = mirrorMaker2ConnectorsOf(mm2).map(connector => {
    const state = targetStateOf(connector.spec);
    const connectorTrace =
      state === 'running' ? failedConnectors[connector.name] : undefined;
    const taskCount =
      state === 'stopped' || connectorTrace !== undefined
        ? 0
        : connector.spec.tasksMax ?? 1;
    const tasks = Array.from({ length: taskCount }, (_unused, id) => {
      const trace =
        state === 'running' ? failed[`${connector.name}:${id}`] : undefined;
      return {
        id,
        state: trace !== undefined ? 'FAILED' : state.toUpperCase(),
        worker_id: String((id + 1) % Math.max(replicas, 1)),
        ...(trace !== undefined ? { trace } : {}),
      };
    });
    return {
      name: connector.name,
      connector: {
        state: connectorTrace !== undefined ? 'FAILED' : state.toUpperCase(),
        worker_id: '0',
        ...(connectorTrace !== undefined ? { trace: connectorTrace } : {}),
      },
      tasks,
      type: 'source',
    };
  });
  // Worker ids '0', '1', … become the pods' names, in order of appearance.
  const connectors = mirrorMaker2ConnectorStatuses(name, namespace, bodies);
  return {
    status: {
      conditions: [
        ...simulatedOffsetsWarnings(annotations, now, 'KafkaMirrorMaker2'),
        mirrorMaker2Readiness(now, connectors),
      ],
      observedGeneration: generation,
      url: `http://${name}-mirrormaker2-api.${namespace}.svc:8083`,
      ...(connectors.length > 0 ? { connectors } : {}),
      connectorPlugins: pluginsOf(undefined).filter(plugin =>
        plugin.class.includes('.mirror.'),
      ),
      labelSelector: labelSelector(name, 'KafkaMirrorMaker2', 'mirrormaker2'),
      replicas,
    },
  };
}
