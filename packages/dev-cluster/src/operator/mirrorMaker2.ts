import {
  STRIMZI_PAUSE_RECONCILIATION_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import { condition, isTrue } from './conditions';
import { targetStateOf } from './connectorSpec';
import {
  labelSelector,
  ReconcileResult,
  Resource,
  workerId,
} from './reconcile';
import {
  FAILED_TASKS_ANNOTATION,
  failedTasksOf,
  pluginsOf,
} from './simulation';

/** The connectors a KafkaMirrorMaker2 runs, named the way Strimzi names them. */
export function mirrorMaker2Connectors(mm2: Resource) {
  const targetAlias = mm2.spec?.target?.alias ?? 'target';
  return (mm2.spec?.mirrors ?? []).flatMap((mirror: Record<string, any>) => {
    const prefix = `${mirror.source?.alias ?? 'source'}->${targetAlias}`;
    const connectors = [
      {
        name: `${prefix}.MirrorSourceConnector`,
        spec: mirror.sourceConnector ?? {},
      },
    ];
    if (mirror.checkpointConnector) {
      connectors.push({
        name: `${prefix}.MirrorCheckpointConnector`,
        spec: mirror.checkpointConnector,
      });
    }
    return connectors;
  });
}

/**
 * Status of a KafkaMirrorMaker2: one Connect REST body per connector it runs;
 * failures are keyed `<connector name>:<task id>` in the failed-tasks annotation.
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
      failed = Object.fromEntries(
        Object.entries(failed).filter(
          ([key]) => !key.startsWith(`${restartConnector.trim()}:`),
        ),
      );
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
  const failures: string[] = [];
  const connectors = mirrorMaker2Connectors(mm2).map(
    (connector: { name: string; spec: Record<string, any> }, index: number) => {
      const state = targetStateOf(connector.spec);
      const taskCount = state === 'stopped' ? 0 : connector.spec.tasksMax ?? 1;
      const tasks = Array.from({ length: taskCount }, (_unused, id) => {
        const trace =
          state === 'running' ? failed[`${connector.name}:${id}`] : undefined;
        if (trace !== undefined) {
          failures.push(`${connector.name} task ${id}`);
        }
        return {
          id,
          state: trace !== undefined ? 'FAILED' : state.toUpperCase(),
          worker_id: workerId(
            name,
            namespace,
            replicas,
            index + id + 1,
          ).replace('-connect-', '-mirrormaker2-'),
          ...(trace !== undefined ? { trace } : {}),
        };
      });
      return {
        name: connector.name,
        connector: {
          state: state.toUpperCase(),
          worker_id: workerId(name, namespace, replicas, index).replace(
            '-connect-',
            '-mirrormaker2-',
          ),
        },
        tasks,
        type: 'source',
      };
    },
  );
  return {
    status: {
      conditions: [
        failures.length > 0
          ? condition(
              now,
              'NotReady',
              'Throwable',
              `The following tasks have failed: ${failures.join(
                ', ',
              )}, see connectors for more details.`,
            )
          : condition(now, 'Ready'),
      ],
      observedGeneration: generation,
      url: `http://${name}-mirrormaker2-api.${namespace}.svc:8083`,
      connectors,
      autoRestartStatuses: [],
      connectorPlugins: pluginsOf(undefined).filter(plugin =>
        plugin.class.includes('.mirror.'),
      ),
      labelSelector: labelSelector(name, 'KafkaMirrorMaker2', 'mirrormaker2'),
      replicas,
    },
  };
}
