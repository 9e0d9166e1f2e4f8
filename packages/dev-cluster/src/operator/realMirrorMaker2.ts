import {
  STRIMZI_PAUSE_RECONCILIATION_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import { AutoRestartStatus, autoRestartStep } from './autoRestart';
import { Condition, isTrue, warning } from './conditions';
import {
  ConnectorStatusBody,
  ConnectRestClient,
  ConnectRestError,
} from './connectRest';
import { connectStateOf, targetStateOf } from './connectorSpec';
import { reconcileKafkaMirrorMaker2 } from './mirrorMaker2';
import {
  MirrorMaker2Connector,
  mirrorMaker2ConnectorsOf,
  mirrorMaker2ConnectorStatuses,
  mirrorMaker2Readiness,
  restartConnectorOf,
  restartConnectorTaskOf,
} from './mirrorMaker2Spec';
import {
  mirrorMaker2OffsetsRequest,
  mirrorMaker2OffsetsStep,
  OffsetsOutcome,
} from './offsets';
import { ProfileBehaviour } from './profiles';
import type { RealConnectorContext } from './realConnector';
import { labelSelector, ReconcileResult, Resource } from './reconcile';

/** What reconciling a MirrorMaker 2 on the real worker needs besides the resource. */
export interface RealMirrorMaker2Context {
  now: string;
  rest: ConnectRestClient;
  behaviour: ProfileBehaviour;
  /** Milliseconds in one minute of Strimzi's auto-restart back-off. */
  autoRestartMinuteMs: number;
  /**
   * Who else runs a connector of this name on the shared worker (Strimzi
   * gives each MirrorMaker 2 its own Connect cluster, so it never meets this).
   */
  claimedElsewhere?: (connector: string) => string | undefined;
  /** Reads a ConfigMap's data (offsets to alter). */
  readConfigMap?: RealConnectorContext['readConfigMap'];
}

/**
 * Which resource runs each connector name on the shared worker: the first
 * claimant in the given order keeps it (`<namespace>/<name>` of a
 * KafkaConnector or KafkaMirrorMaker2).
 */
export function connectorClaims(
  claimants: { key: string; connectors: string[] }[],
): Map<string, string> {
  const claims = new Map<string, string>();
  for (const { key, connectors } of claimants) {
    for (const connector of connectors) {
      if (!claims.has(connector)) {
        claims.set(connector, key);
      }
    }
  }
  return claims;
}

/** `status.autoRestartStatuses[]` of a KafkaMirrorMaker2. */
interface ConnectorAutoRestart extends AutoRestartStatus {
  connectorName: string;
}

/**
 * What runs on the shared worker, in the order claims are granted: the
 * KafkaConnectors first, then the MirrorMaker 2s, oldest first.
 */
export function workerClaimants(
  connectors: Resource[],
  mirrorMaker2s: Resource[],
): { key: string; connectors: string[] }[] {
  const keyOf = (resource: Resource) =>
    `${resource.metadata?.namespace}/${resource.metadata?.name}`;
  const age = (resource: Resource) =>
    new Date(resource.metadata?.creationTimestamp ?? 0).getTime();
  return [
    ...connectors.map(connector => ({
      key: keyOf(connector),
      connectors: [connector.metadata?.name ?? ''],
    })),
    ...[...mirrorMaker2s]
      .sort((a, b) => age(a) - age(b))
      .map(mm2 => ({
        key: keyOf(mm2),
        connectors: realMirrorMaker2ConnectorNames(mm2),
      })),
  ];
}

/** {@link RealMirrorMaker2Context.claimedElsewhere} for one MirrorMaker 2. */
export function claimedElsewhereFor(
  claimants: { key: string; connectors: string[] }[],
  mm2: Resource,
): (connector: string) => string | undefined {
  const claims = connectorClaims(claimants);
  const self = `${mm2.metadata?.namespace}/${mm2.metadata?.name}`;
  return connector => {
    const owner = claims.get(connector);
    return owner === self ? undefined : owner;
  };
}

/** The connectors a real-backed MirrorMaker 2 runs on the worker now (none at 0 replicas or paused). */
export function realMirrorMaker2ConnectorNames(mm2: Resource): string[] {
  if (
    (mm2.spec?.replicas ?? 1) === 0 ||
    isTrue(mm2.metadata?.annotations?.[STRIMZI_PAUSE_RECONCILIATION_ANNOTATION])
  ) {
    return [];
  }
  return mirrorMaker2ConnectorsOf(mm2).map(connector => connector.name);
}

function sameConfig(
  current: Record<string, string>,
  desired: Record<string, string>,
): boolean {
  const keys = new Set([...Object.keys(current), ...Object.keys(desired)]);
  keys.delete('name');
  return [...keys].every(key => current[key] === desired[key]);
}

/** Creates or updates one connector and moves it towards its spec's state. */
async function applyConnector(
  connector: MirrorMaker2Connector,
  context: RealMirrorMaker2Context,
): Promise<'created' | 'changed' | 'unchanged'> {
  const { rest, behaviour } = context;
  const target = targetStateOf(connector.spec);
  const current = await rest.config(connector.name);
  if (!current) {
    if (behaviour.createsWithInitialState) {
      await rest.create(
        connector.name,
        connector.config,
        connectStateOf(target) as 'RUNNING',
      );
    } else {
      await rest.putConfig(connector.name, connector.config);
    }
    return 'created';
  }
  if (!sameConfig(current, connector.config)) {
    await rest.putConfig(connector.name, connector.config);
  }
  const { state } = (await rest.status(connector.name)).connector;
  if (target === 'paused' && state !== 'PAUSED') {
    await rest.pause(connector.name);
    return 'changed';
  }
  if (target === 'stopped' && state !== 'STOPPED') {
    await rest.stop(connector.name);
    return 'changed';
  }
  if (target === 'running' && (state === 'PAUSED' || state === 'STOPPED')) {
    await rest.resume(connector.name);
    return 'changed';
  }
  return 'unchanged';
}

/**
 * Acts on `strimzi.io/restart-connector` and `strimzi.io/restart-connector-task`:
 * the annotation goes once Connect accepted the restart; an invalid value or
 * a failed call leaves it, with a Warning.
 */
async function restarts(
  annotations: Record<string, string>,
  context: RealMirrorMaker2Context,
  warnings: Condition[],
): Promise<Record<string, null> | undefined> {
  const { rest, now, behaviour } = context;
  const restart = annotations[STRIMZI_RESTART_CONNECTOR_ANNOTATION];
  if (restart !== undefined) {
    const read = restartConnectorOf(restart, behaviour.restartOptions);
    if (read === 'invalid') {
      warnings.push(
        warning(
          now,
          'RestartConnector',
          `Invalid annotation format for ${STRIMZI_RESTART_CONNECTOR_ANNOTATION}: '${restart}'.`,
        ),
      );
    } else {
      try {
        await rest.restart(read.connector, read);
        return { [STRIMZI_RESTART_CONNECTOR_ANNOTATION]: null };
      } catch (error) {
        warnings.push(
          warning(
            now,
            'RestartConnector',
            `Failed to restart connector ${read.connector}. ${
              (error as Error).message
            }`,
          ),
        );
      }
    }
  }
  const restartTask = annotations[STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION];
  if (restartTask !== undefined) {
    const read = restartConnectorTaskOf(restartTask);
    if (read === 'invalid') {
      warnings.push(
        warning(
          now,
          'RestartConnectorTask',
          `Invalid annotation format for ${STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION}: '${restartTask}'. Use '<connector>:<task id>'.`,
        ),
      );
    } else {
      try {
        await rest.restartTask(read.connector, read.taskId);
        return { [STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION]: null };
      } catch (error) {
        warnings.push(
          warning(
            now,
            'RestartConnectorTask',
            `Failed to restart connector task ${restartTask}. ${
              (error as Error).message
            }`,
          ),
        );
      }
    }
  }
  return undefined;
}

/**
 * Reconciles a KafkaMirrorMaker2 backed by the local cluster's real worker,
 * as Strimzi's operator does with the MirrorMaker 2 Connect cluster it runs:
 * each connector the spec names is created or updated through the Connect
 * REST API and moved to its own state, restarted on the annotations and
 * automatically; the status is Connect's answers. A connector whose REST
 * call failed is left out of `status.connectors` and makes it NotReady.
 */
export async function reconcileRealMirrorMaker2(
  mm2: Resource,
  context: RealMirrorMaker2Context,
): Promise<ReconcileResult> {
  const {
    name = '',
    namespace = '',
    generation = 0,
    annotations = {},
  } = mm2.metadata ?? {};
  const { now, rest } = context;
  if (isTrue(annotations[STRIMZI_PAUSE_RECONCILIATION_ANNOTATION])) {
    return reconcileKafkaMirrorMaker2(mm2, now);
  }
  const replicas: number = mm2.spec?.replicas ?? 1;
  const common = {
    observedGeneration: generation,
    replicas,
    labelSelector: labelSelector(name, 'KafkaMirrorMaker2', 'mirrormaker2'),
  };
  if (replicas === 0) {
    // No pods: Strimzi reconciles no connector and writes no url.
    return {
      status: { conditions: [mirrorMaker2Readiness(now, [])], ...common },
    };
  }
  const warnings: Condition[] = [];
  const restarted = await restarts(annotations, context, warnings);
  if (restarted) {
    return { annotations: restarted, requeueAfterMs: 500 };
  }
  const previous: ConnectorAutoRestart[] =
    mm2.status?.autoRestartStatuses ?? [];
  const bodies: ConnectorStatusBody[] = [];
  const autoRestarts: ConnectorAutoRestart[] = [];
  const errors: string[] = [];
  let requeueAfterMs = 2000;
  // Strimzi acts on one offsets request per MirrorMaker 2, for the connector it names.
  const offsetsRequest = mirrorMaker2OffsetsRequest(mm2, now);
  let offsets: OffsetsOutcome = { warnings: [] };
  if (offsetsRequest && 'warning' in offsetsRequest) {
    warnings.push(offsetsRequest.warning);
  }
  for (const connector of mirrorMaker2ConnectorsOf(mm2)) {
    const owner = context.claimedElsewhere?.(connector.name);
    if (owner !== undefined) {
      errors.push(
        `Connector ${connector.name} already runs on the local worker for ${owner}; give this MirrorMaker 2 other cluster aliases`,
      );
      continue;
    }
    try {
      const applied = await applyConnector(connector, context);
      if (applied === 'created') {
        // Connect assigns a new connector in the background: read it shortly.
        requeueAfterMs = 500;
        continue;
      }
      // Strimzi's auto-restart, per connector, on the same rules as a KafkaConnector.
      const step = await autoRestartStep(
        {
          metadata: { name: connector.name },
          spec: connector.spec,
          status: {
            autoRestart: previous.find(
              entry => entry.connectorName === connector.name,
            ),
          },
        },
        await rest.status(connector.name),
        context,
      );
      bodies.push(step.status);
      if (offsetsRequest && 'connector' in offsetsRequest) {
        const outcome = await mirrorMaker2OffsetsStep(
          mm2,
          connector,
          offsetsRequest,
          step.status,
          context,
        );
        offsets =
          outcome.annotations || outcome.warnings.length ? outcome : offsets;
        warnings.push(...outcome.warnings);
      }
      if (step.autoRestart) {
        autoRestarts.push({
          connectorName: connector.name,
          ...step.autoRestart,
        });
      }
      requeueAfterMs = Math.min(
        requeueAfterMs,
        step.requeueAfterMs ?? requeueAfterMs,
        applied === 'changed' ? 500 : requeueAfterMs,
      );
    } catch (error) {
      if (!(error instanceof ConnectRestError)) {
        throw error;
      }
      errors.push(error.message);
    }
  }
  const connectors = mirrorMaker2ConnectorStatuses(name, namespace, bodies);
  return {
    status: {
      conditions: [
        ...warnings,
        mirrorMaker2Readiness(
          now,
          connectors,
          errors.length > 0 ? errors.join('; ') : undefined,
        ),
      ],
      ...common,
      url: `http://${name}-mirrormaker2-api.${namespace}.svc:8083`,
      ...(connectors.length > 0 ? { connectors } : {}),
      ...(autoRestarts.length > 0 ? { autoRestartStatuses: autoRestarts } : {}),
    },
    ...(offsets.annotations ? { annotations: offsets.annotations } : {}),
    ...(offsets.configMap ? { configMap: offsets.configMap } : {}),
    requeueAfterMs,
  };
}
