import {
  STRIMZI_RESTART_ANNOTATION,
  STRIMZI_RESTART_TASK_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import { autoRestartStep } from './autoRestart';
import { Condition, readinessOf, warning } from './conditions';
import {
  ConnectorStatusBody,
  ConnectRestClient,
  ConnectRestError,
} from './connectRest';
import {
  connectConfigOf,
  connectStateOf,
  restartOptionsOf,
  targetStateOf,
} from './connectorSpec';
import { offsetsStep, OffsetsOutcome } from './offsets';
import { ProfileBehaviour } from './profiles';
import {
  ConnectorContext,
  connectorPreconditions,
  invalidRestartWarning,
  notReady,
  ReconcileResult,
  Resource,
  specWarnings,
} from './reconcile';

/** What reconciling a connector on a real worker needs besides the connector. */
export interface RealConnectorContext extends ConnectorContext {
  rest: ConnectRestClient;
  behaviour: ProfileBehaviour;
  /** Milliseconds in one minute of Strimzi's auto-restart back-off (tests shorten it). */
  autoRestartMinuteMs: number;
  /** Reads a ConfigMap's data (offsets to alter). */
  readConfigMap?: (
    namespace: string,
    name: string,
  ) => Promise<Record<string, string> | undefined>;
}

function sameConfig(
  current: Record<string, string>,
  desired: Record<string, string>,
): boolean {
  const keys = new Set([...Object.keys(current), ...Object.keys(desired)]);
  keys.delete('name');
  return [...keys].every(key => current[key] === desired[key]);
}

function restError(connector: Resource, now: string, error: unknown) {
  if (error instanceof ConnectRestError) {
    return notReady(connector, now, 'ConnectRestException', error.message);
  }
  throw error;
}

/** Acts on `strimzi.io/restart` and `strimzi.io/restart-task`; returns the patch once a call succeeded. */
async function restarts(
  name: string,
  annotations: Record<string, string>,
  context: RealConnectorContext,
  warnings: Condition[],
): Promise<ReconcileResult | undefined> {
  const { rest, now, behaviour } = context;
  const restart = annotations[STRIMZI_RESTART_ANNOTATION];
  if (restart !== undefined) {
    const options = restartOptionsOf(restart, behaviour.restartOptions);
    if (options === 'invalid') {
      warnings.push(invalidRestartWarning(now, restart));
    } else if (options !== 'ignored') {
      try {
        await rest.restart(name, options);
        return { annotations: { [STRIMZI_RESTART_ANNOTATION]: null } };
      } catch (error) {
        warnings.push(
          warning(
            now,
            'RestartConnector',
            `Failed to restart connector ${name}. ${String(
              (error as Error).message,
            )}`,
          ),
        );
      }
    }
  }
  const restartTask = annotations[STRIMZI_RESTART_TASK_ANNOTATION];
  if (restartTask !== undefined) {
    const taskId = Number(restartTask.trim());
    try {
      if (
        !Number.isInteger(taskId) ||
        taskId < 0 ||
        restartTask.trim() === ''
      ) {
        throw new Error(`'${restartTask}' is not a task id`);
      }
      await rest.restartTask(name, taskId);
      return { annotations: { [STRIMZI_RESTART_TASK_ANNOTATION]: null } };
    } catch (error) {
      warnings.push(
        warning(
          now,
          'RestartConnectorTask',
          `Failed to restart connector task ${name}:${restartTask}. ${String(
            (error as Error).message,
          )}`,
        ),
      );
    }
  }
  return undefined;
}

/** Moves the connector towards the spec's state; answers whether a call was made. */
async function applyTargetState(
  name: string,
  target: ReturnType<typeof targetStateOf>,
  state: string,
  rest: ConnectRestClient,
): Promise<boolean> {
  if (target === 'paused' && state !== 'PAUSED') {
    await rest.pause(name);
    return true;
  }
  if (target === 'stopped' && state !== 'STOPPED') {
    await rest.stop(name);
    return true;
  }
  if (target === 'running' && (state === 'PAUSED' || state === 'STOPPED')) {
    await rest.resume(name);
    return true;
  }
  return false;
}

/**
 * Reconciles a KafkaConnector whose KafkaConnect is backed by a real worker,
 * in the order Strimzi 1.2's operator does: create (`POST /connectors` with
 * `initial_state`) or update the config, restart annotations, target state,
 * auto-restart, offsets; then the status from Connect's own answers.
 */
export async function reconcileRealConnector(
  connector: Resource,
  context: RealConnectorContext,
): Promise<ReconcileResult> {
  const precondition = connectorPreconditions(connector, context);
  if (precondition) {
    return precondition;
  }
  const { now, rest } = context;
  const name = connector.metadata?.name ?? '';
  const annotations = connector.metadata?.annotations ?? {};
  const spec = connector.spec ?? {};
  const target = targetStateOf(spec);
  const desired = connectConfigOf(spec);
  const warnings: Condition[] = specWarnings(connector, now, context.behaviour);
  try {
    const current = await rest.config(name);
    if (!current) {
      if (context.behaviour.createsWithInitialState) {
        await rest.create(name, desired, connectStateOf(target) as 'RUNNING');
      } else {
        // Older Strimzi creates with PUT and pauses or stops afterwards.
        await rest.putConfig(name, desired);
      }
      // Connect assigns the new connector in the background; read it shortly.
      return { requeueAfterMs: 500 };
    }
    if (!sameConfig(current, desired)) {
      await rest.putConfig(name, desired);
    }
    const restarted = await restarts(name, annotations, context, warnings);
    if (restarted) {
      return restarted;
    }
    let status: ConnectorStatusBody = await rest.status(name);
    if (
      context.behaviour.refusesPauseOfFailed &&
      target === 'paused' &&
      status.connector.state === 'FAILED'
    ) {
      return notReady(
        connector,
        now,
        'NoStackTraceThrowable',
        `Connector ${name} cannot be paused since it is in failed state.`,
        warnings,
      );
    }
    let requeueAfterMs: number | undefined;
    if (await applyTargetState(name, target, status.connector.state, rest)) {
      status = await rest.status(name);
      requeueAfterMs = 500;
    }
    const autoRestart = await autoRestartStep(connector, status, context);
    status = autoRestart.status;
    // Before 0.44 Strimzi knows no offsets annotation and leaves it alone.
    const offsets: OffsetsOutcome = context.behaviour.offsets
      ? await offsetsStep(connector, status, context)
      : { warnings: [] };
    warnings.push(...offsets.warnings);
    const topics = await rest.topics(name);
    return {
      status: {
        conditions: [...warnings, readinessOf(now, status)],
        observedGeneration: connector.metadata?.generation ?? 0,
        ...(autoRestart.autoRestart
          ? { autoRestart: autoRestart.autoRestart }
          : {}),
        connectorStatus: status,
        tasksMax: spec.tasksMax ?? status.tasks.length,
        topics,
      },
      ...(offsets.annotations ? { annotations: offsets.annotations } : {}),
      ...(offsets.configMap ? { configMap: offsets.configMap } : {}),
      // Connect's status changes without any change of the resource: poll it.
      requeueAfterMs: Math.min(
        requeueAfterMs ?? 2000,
        autoRestart.requeueAfterMs ?? 2000,
      ),
    };
  } catch (error) {
    return restError(connector, now, error);
  }
}
