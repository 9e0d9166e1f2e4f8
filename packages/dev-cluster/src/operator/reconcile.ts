import {
  desiredConnectorState,
  STRIMZI_CLUSTER_LABEL,
  STRIMZI_PAUSE_RECONCILIATION_ANNOTATION,
  STRIMZI_RESTART_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
  STRIMZI_RESTART_TASK_ANNOTATION,
  STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import {
  FAILED_CONNECTOR_ANNOTATION,
  FAILED_TASKS_ANNOTATION,
  failedTasksOf,
  pluginsOf,
} from './simulation';

/** A Strimzi custom resource as the stand-in reads it. */
export interface Resource {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, any>;
  status?: Record<string, any>;
}

/** What reconciling one resource asks for. */
export interface ReconcileResult {
  /** The status to write; undefined leaves it as it is. */
  status?: Record<string, any>;
  /** A merge patch of annotations (null removes one), applied before any status. */
  annotations?: Record<string, string | null>;
}

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
  lastTransitionTime: string;
}

function condition(
  now: string,
  type: string,
  reason?: string,
  message?: string,
): Condition {
  return {
    type,
    status: 'True',
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    lastTransitionTime: now,
  };
}

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

function connectServiceUrl(name: string, namespace: string): string {
  return `http://${name}-connect-api.${namespace}.svc:8083`;
}

function workerId(
  connect: string,
  namespace: string,
  replicas: number,
  index: number,
) {
  const pod = index % Math.max(replicas, 1);
  return `${connect}-connect-${pod}.${connect}-connect.${namespace}.svc:8083`;
}

function labelSelector(name: string, kind: string, suffix: string) {
  return `strimzi.io/cluster=${name},strimzi.io/name=${name}-${suffix},strimzi.io/kind=${kind}`;
}

/** Keeps a condition's transition time while its type, status and reason hold. */
export function settleTransitionTimes(
  previous: Record<string, any> | undefined,
  next: Record<string, any>,
): Record<string, any> {
  const before: Condition[] = previous?.conditions ?? [];
  const conditions = (next.conditions ?? []).map((current: Condition) => {
    const same = before.find(
      old =>
        old.type === current.type &&
        old.status === current.status &&
        old.reason === current.reason,
    );
    return same
      ? { ...current, lastTransitionTime: same.lastTransitionTime }
      : current;
  });
  return { ...next, conditions };
}

/** Status of a KafkaConnect: Ready, with URL, replicas and the plugins it offers. */
export function reconcileKafkaConnect(
  connect: Resource,
  now: string,
): ReconcileResult {
  const {
    name = '',
    namespace = '',
    generation = 0,
    annotations,
  } = connect.metadata ?? {};
  if (isTrue(annotations?.[STRIMZI_PAUSE_RECONCILIATION_ANNOTATION])) {
    return {
      status: {
        ...connect.status,
        conditions: [condition(now, 'ReconciliationPaused')],
      },
    };
  }
  return {
    status: {
      conditions: [condition(now, 'Ready')],
      observedGeneration: generation,
      url: connectServiceUrl(name, namespace),
      connectorPlugins: pluginsOf(annotations),
      replicas: connect.spec?.replicas ?? 1,
      labelSelector: labelSelector(name, 'KafkaConnect', 'connect'),
    },
  };
}

/** The restart options Strimzi reads from `strimzi.io/restart`. */
function restartOptions(value: string) {
  const options = value.split(',').map(option => option.trim());
  return {
    includeTasks: options.includes('includeTasks'),
    onlyFailed: options.includes('onlyFailed'),
  };
}

/**
 * Acts on restart annotations the way Connect would: a restarted connector or
 * task comes back healthy, so its injected failure is cleared.
 */
function connectorRestarts(
  annotations: Record<string, string>,
): ReconcileResult | undefined {
  const restart = annotations[STRIMZI_RESTART_ANNOTATION];
  const restartTask = annotations[STRIMZI_RESTART_TASK_ANNOTATION];
  if (restart === undefined && restartTask === undefined) {
    return undefined;
  }
  const patch: Record<string, string | null> = {};
  let failedTasks = failedTasksOf(annotations);
  if (restart !== undefined) {
    patch[STRIMZI_RESTART_ANNOTATION] = null;
    patch[FAILED_CONNECTOR_ANNOTATION] = null;
    // Restarting tasks (all, or only the failed ones) clears every failure either way.
    if (restartOptions(restart).includeTasks) {
      failedTasks = {};
    }
  }
  if (restartTask !== undefined) {
    patch[STRIMZI_RESTART_TASK_ANNOTATION] = null;
    const { [restartTask.trim()]: _restarted, ...rest } = failedTasks;
    failedTasks = rest;
  }
  patch[FAILED_TASKS_ANNOTATION] =
    Object.keys(failedTasks).length > 0 ? JSON.stringify(failedTasks) : null;
  return { annotations: patch };
}

function notReady(
  connector: Resource,
  now: string,
  reason: string,
  message: string,
): ReconcileResult {
  return {
    status: {
      conditions: [condition(now, 'NotReady', reason, message)],
      observedGeneration: connector.metadata?.generation ?? 0,
      tasksMax: connector.spec?.tasksMax ?? 0,
    },
  };
}

/** Topics a connector reads or writes, from its config. */
export function topicsOf(
  config: Record<string, any> | undefined,
  type: string,
): string[] {
  if (!config) {
    return [];
  }
  if (type === 'sink') {
    return String(config.topics ?? '')
      .split(',')
      .map(topic => topic.trim())
      .filter(Boolean)
      .sort();
  }
  const prefix = config['topic.prefix'] ?? config.topic;
  if (!prefix) {
    return [];
  }
  const tables = String(
    config['table.include.list'] ?? config['collection.include.list'] ?? '',
  )
    .split(',')
    .map(table => table.trim())
    .filter(Boolean);
  return tables.length > 0
    ? tables.map(table => `${prefix}.${table}`).sort()
    : [String(prefix)];
}

/** Everything a connector's reconciliation needs besides the connector. */
export interface ConnectorContext {
  /** The KafkaConnect named by the connector's `strimzi.io/cluster` label, if it exists. */
  connect?: Resource;
  now: string;
}

/**
 * Status of a KafkaConnector, following the Strimzi 1.2 operator's rules:
 * NotReady for a missing label, Connect cluster or plugin and for failures;
 * paused and stopped states; restart annotations; paused reconciliation.
 */
export function reconcileKafkaConnector(
  connector: Resource,
  context: ConnectorContext,
): ReconcileResult {
  const { now, connect } = context;
  const metadata = connector.metadata ?? {};
  const annotations = metadata.annotations ?? {};
  const name = metadata.name ?? '';
  const namespace = metadata.namespace ?? '';
  if (isTrue(annotations[STRIMZI_PAUSE_RECONCILIATION_ANNOTATION])) {
    return {
      status: {
        ...connector.status,
        conditions: [condition(now, 'ReconciliationPaused')],
      },
    };
  }
  const restarts = connectorRestarts(annotations);
  if (restarts) {
    return restarts;
  }
  const clusterName = metadata.labels?.[STRIMZI_CLUSTER_LABEL];
  if (!clusterName) {
    return notReady(
      connector,
      now,
      'InvalidResourceException',
      `Resource lacks label '${STRIMZI_CLUSTER_LABEL}': No connect cluster in which to create this connector.`,
    );
  }
  if (!connect) {
    return notReady(
      connector,
      now,
      'NoSuchResourceException',
      `KafkaConnect resource '${clusterName}' identified by label '${STRIMZI_CLUSTER_LABEL}' does not exist in namespace ${namespace}.`,
    );
  }
  if (
    !isTrue(
      connect.metadata?.annotations?.[
        STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION
      ],
    )
  ) {
    return notReady(
      connector,
      now,
      'NoSuchResourceException',
      `KafkaConnect cluster is not configured with annotation ${STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION}`,
    );
  }
  const connectorClass: string = connector.spec?.class ?? '';
  const plugins = pluginsOf(connect.metadata?.annotations);
  const plugin = plugins.find(candidate => candidate.class === connectorClass);
  if (!plugin) {
    return notReady(
      connector,
      now,
      'ConnectRestException',
      `PUT /connectors/${name}/config returned 500 (Internal Server Error): Failed to find any class that implements Connector and which name matches ${connectorClass}, available connectors are: ${plugins
        .map(
          candidate =>
            `PluginDesc{klass=class ${candidate.class}, name='${candidate.class}', version='${candidate.version}', type=${candidate.type}}`,
        )
        .join(', ')}`,
    );
  }
  const connectName = connect.metadata?.name ?? clusterName;
  const replicas = connect.spec?.replicas ?? 1;
  const tasksMax: number = connector.spec?.tasksMax ?? 1;
  const state = desiredConnectorState(connector.spec);
  const failedTasks = failedTasksOf(annotations);
  const connectorTrace = annotations[FAILED_CONNECTOR_ANNOTATION];
  const running = state === 'running';
  const connectorFailed = running && connectorTrace !== undefined;
  const connectorState = connectorFailed ? 'FAILED' : state.toUpperCase();
  const tasks =
    state === 'stopped' || connectorFailed
      ? []
      : Array.from({ length: tasksMax }, (_unused, id) => {
          const trace = running ? failedTasks[String(id)] : undefined;
          return {
            id,
            state: trace !== undefined ? 'FAILED' : state.toUpperCase(),
            worker_id: workerId(connectName, namespace, replicas, id + 1),
            ...(trace !== undefined ? { trace } : {}),
          };
        });
  const failedIds = tasks
    .filter(task => task.state === 'FAILED')
    .map(task => task.id);
  let readiness: Condition = condition(now, 'Ready');
  if (connectorFailed) {
    readiness = condition(
      now,
      'NotReady',
      'Throwable',
      'Connector has failed, see connectorStatus for more details.',
    );
  } else if (failedIds.length > 0) {
    readiness = condition(
      now,
      'NotReady',
      'Throwable',
      `The following tasks have failed: ${failedIds.join(
        ', ',
      )}, see connectorStatus for more details.`,
    );
  }
  return {
    status: {
      conditions: [readiness],
      observedGeneration: metadata.generation ?? 0,
      connectorStatus: {
        name,
        connector: {
          state: connectorState,
          worker_id: workerId(connectName, namespace, replicas, 0),
          ...(connectorFailed ? { trace: connectorTrace } : {}),
        },
        tasks,
        type: plugin.type,
      },
      tasksMax,
      topics: topicsOf(connector.spec?.config, plugin.type),
    },
  };
}

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
    return {
      status: {
        ...mm2.status,
        conditions: [condition(now, 'ReconciliationPaused')],
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
      const state = desiredConnectorState(connector.spec);
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
