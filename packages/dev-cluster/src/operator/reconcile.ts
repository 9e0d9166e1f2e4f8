import {
  STRIMZI_CLUSTER_LABEL,
  STRIMZI_PAUSE_RECONCILIATION_ANNOTATION,
  STRIMZI_RESTART_ANNOTATION,
  STRIMZI_RESTART_TASK_ANNOTATION,
  STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import {
  Condition,
  condition,
  isTrue,
  KAFKA_CONNECT_DEFAULT_REPLICAS,
  readinessOf,
  warning,
} from './conditions';
import {
  connectStateOf,
  restartOptionsOf,
  specWarningsOf,
  targetStateOf,
  topicsOf,
} from './connectorSpec';
import { simulatedOffsetsWarnings } from './offsets';
import {
  DEFAULT_STRIMZI_PROFILE,
  ProfileBehaviour,
  profileBehaviour,
} from './profiles';
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
    uid?: string;
    namespace?: string;
    generation?: number;
    /** A string from a watch, a Date from client-node's typed reads. */
    creationTimestamp?: string | Date;
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
  /** A merge patch of annotations (null removes one); the status is then left to the next reconcile. */
  annotations?: Record<string, string | null>;
  /** Reconcile again after this long, e.g. while Connect is still assigning a new connector. */
  requeueAfterMs?: number;
  /** A ConfigMap to create or replace, owned by the resource (connector offsets). */
  configMap?: { name: string; data: Record<string, string> };
}

export function connectServiceUrl(name: string, namespace: string): string {
  return `http://${name}-connect-api.${namespace}.svc:8083`;
}

export function workerId(
  connect: string,
  namespace: string,
  replicas: number,
  index: number,
) {
  const pod = index % Math.max(replicas, 1);
  return `${connect}-connect-${pod}.${connect}-connect.${namespace}.svc:8083`;
}

export function labelSelector(name: string, kind: string, suffix: string) {
  return `strimzi.io/cluster=${name},strimzi.io/name=${name}-${suffix},strimzi.io/kind=${kind}`;
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
    // Strimzi replaces the status; its Java primitives come out as 0.
    return {
      status: {
        conditions: [condition(now, 'ReconciliationPaused')],
        observedGeneration: connect.status?.observedGeneration ?? 0,
        replicas: 0,
      },
    };
  }
  const replicas: number =
    connect.spec?.replicas ?? KAFKA_CONNECT_DEFAULT_REPLICAS;
  // Strimzi lists plugins only with use-connector-resources, and has neither
  // url nor plugins at 0 replicas.
  const listsPlugins =
    replicas > 0 &&
    isTrue(annotations?.[STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION]);
  return {
    status: {
      conditions: [condition(now, 'Ready')],
      observedGeneration: generation,
      ...(replicas > 0 ? { url: connectServiceUrl(name, namespace) } : {}),
      ...(listsPlugins ? { connectorPlugins: pluginsOf(annotations) } : {}),
      replicas,
      labelSelector: labelSelector(name, 'KafkaConnect', 'connect'),
    },
  };
}

/**
 * Acts on restart annotations the way Connect would: a restarted connector or
 * task comes back healthy, so its injected failure is cleared. An invalid
 * `strimzi.io/restart` value stays, with a Warning, as in Strimzi.
 */
function simulatedRestarts(
  annotations: Record<string, string>,
  now: string,
  behaviour: ProfileBehaviour,
): { patch?: Record<string, string | null>; warnings: Condition[] } {
  const restart = annotations[STRIMZI_RESTART_ANNOTATION];
  const restartTask = annotations[STRIMZI_RESTART_TASK_ANNOTATION];
  const read =
    restart === undefined
      ? undefined
      : restartOptionsOf(restart, behaviour.restartOptions);
  const options = typeof read === 'object' ? read : undefined;
  const warnings =
    restart !== undefined && read === 'invalid'
      ? [invalidRestartWarning(now, restart)]
      : [];
  if (!options && restartTask === undefined) {
    return { warnings };
  }
  const patch: Record<string, string | null> = {};
  let failedTasks = failedTasksOf(annotations);
  if (options) {
    patch[STRIMZI_RESTART_ANNOTATION] = null;
    patch[FAILED_CONNECTOR_ANNOTATION] = null;
    if (options.includeTasks) {
      // Restarting tasks (all, or only the failed ones) clears every failure either way.
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
  return { patch, warnings };
}

/** The Warning Strimzi adds for a `strimzi.io/restart` value it cannot read. */
export function invalidRestartWarning(now: string, value: string): Condition {
  return warning(
    now,
    'RestartConnector',
    `Invalid annotation format for ${STRIMZI_RESTART_ANNOTATION}: '${value}'. Use 'true', 'includeTasks', 'onlyFailed' or 'includeTasks,onlyFailed'.`,
  );
}

/** {@link specWarningsOf} as conditions. */
export function specWarnings(
  connector: Resource,
  now: string,
  behaviour: ProfileBehaviour,
): Condition[] {
  return specWarningsOf(connector, behaviour).map(({ reason, message }) =>
    warning(now, reason, message),
  );
}

/** A NotReady status without connectorStatus, as Strimzi writes on errors. */
export function notReady(
  connector: Resource,
  now: string,
  reason: string,
  message: string,
  warnings: Condition[] = [],
): ReconcileResult {
  return {
    status: {
      conditions: [...warnings, condition(now, 'NotReady', reason, message)],
      observedGeneration: connector.metadata?.generation ?? 0,
      tasksMax: connector.spec?.tasksMax ?? 0,
    },
  };
}

/** Everything a connector's reconciliation needs besides the connector. */
export interface ConnectorContext {
  /** The KafkaConnect named by the connector's `strimzi.io/cluster` label, if it exists. */
  connect?: Resource;
  now: string;
  /** The Strimzi release to behave like (default: the newest). */
  behaviour?: ProfileBehaviour;
}

/**
 * What Strimzi checks before it talks to Connect about a connector: paused
 * reconciliation, the cluster label, the KafkaConnect and its
 * `use-connector-resources` annotation. Returns the status to write when a
 * check stops the reconciliation.
 */
export function connectorPreconditions(
  connector: Resource,
  context: ConnectorContext,
): ReconcileResult | undefined {
  const { now, connect } = context;
  const metadata = connector.metadata ?? {};
  const annotations = metadata.annotations ?? {};
  if (isTrue(annotations[STRIMZI_PAUSE_RECONCILIATION_ANNOTATION])) {
    return {
      status: {
        conditions: [condition(now, 'ReconciliationPaused')],
        observedGeneration: connector.status?.observedGeneration ?? 0,
        tasksMax: 0,
      },
    };
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
      `KafkaConnect resource '${clusterName}' identified by label '${STRIMZI_CLUSTER_LABEL}' does not exist in namespace ${metadata.namespace}.`,
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
  if (connect.spec?.replicas === 0) {
    return notReady(
      connector,
      now,
      'RuntimeException',
      `Kafka Connect cluster '${connect.metadata?.name}' in namespace ${metadata.namespace} has 0 replicas.`,
    );
  }
  return undefined;
}

/**
 * Status of a KafkaConnector on a simulated Connect cluster, following the
 * Strimzi 1.2 operator's rules: NotReady for a missing label, Connect cluster
 * or plugin and for failures; paused and stopped states; restart annotations;
 * paused reconciliation.
 */
export function reconcileKafkaConnector(
  connector: Resource,
  context: ConnectorContext,
): ReconcileResult {
  const stopped = connectorPreconditions(connector, context);
  if (stopped) {
    return stopped;
  }
  const { now } = context;
  const connect = context.connect!;
  const metadata = connector.metadata ?? {};
  const annotations = metadata.annotations ?? {};
  const name = metadata.name ?? '';
  const namespace = metadata.namespace ?? '';
  const behaviour =
    context.behaviour ?? profileBehaviour(DEFAULT_STRIMZI_PROFILE);
  const restarts = simulatedRestarts(annotations, now, behaviour);
  if (restarts.patch) {
    return { annotations: restarts.patch };
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
      restarts.warnings,
    );
  }
  const connectName = connect.metadata?.name ?? '';
  const replicas = connect.spec?.replicas ?? KAFKA_CONNECT_DEFAULT_REPLICAS;
  const tasksMax: number = connector.spec?.tasksMax ?? 1;
  const state = targetStateOf(connector.spec);
  const failedTasks = failedTasksOf(annotations);
  const connectorTrace = annotations[FAILED_CONNECTOR_ANNOTATION];
  const running = state === 'running';
  const connectorFailed = running && connectorTrace !== undefined;
  const tasks =
    state === 'stopped' || connectorFailed
      ? []
      : Array.from({ length: tasksMax }, (_unused, id) => {
          const trace = running ? failedTasks[String(id)] : undefined;
          return {
            id,
            state: trace !== undefined ? 'FAILED' : connectStateOf(state),
            worker_id: workerId(connectName, namespace, replicas, id + 1),
            ...(trace !== undefined ? { trace } : {}),
          };
        });
  const connectorStatus = {
    name,
    connector: {
      state: connectorFailed ? 'FAILED' : connectStateOf(state),
      worker_id: workerId(connectName, namespace, replicas, 0),
      ...(connectorFailed ? { trace: connectorTrace } : {}),
    },
    tasks,
    type: plugin.type,
  };
  return {
    status: {
      conditions: [
        ...specWarnings(connector, now, behaviour),
        ...restarts.warnings,
        // Before 0.44 Strimzi knows no offsets annotation and leaves it alone.
        ...(behaviour.offsets
          ? simulatedOffsetsWarnings(annotations, now)
          : []),
        readinessOf(now, connectorStatus),
      ],
      observedGeneration: metadata.generation ?? 0,
      connectorStatus,
      tasksMax,
      topics: topicsOf(connector.spec?.config, plugin.type),
    },
  };
}
