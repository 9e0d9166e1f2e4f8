import { InputError } from '@backstage/errors';
import type { ConnectorAction, DesiredConnectorState } from '../api';
import type {
  KafkaConnectorResource,
  KafkaMirrorMaker2Resource,
} from '../strimzi';
import { mirrorMaker2Change } from './mirrorMaker2Change';
import { restartChange } from './restartChange';
import { stopUnsupportedReason } from './stopSupport';

/**
 * How a cluster's KafkaConnector records the desired state: `spec.state`
 * (`kafka.strimzi.io/v1`, and `v1beta2` since Strimzi 0.38) or the older
 * boolean `spec.pause`.
 * @public
 */
export type ConnectorStateField = 'state' | 'pause';

/** One JSON Patch (RFC 6902) operation. @public */
export type JsonPatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/**
 * The change an operation makes to a resource: a JSON merge patch, a JSON
 * patch (for one entry of a list, e.g. one mirror of a KafkaMirrorMaker2),
 * the number of tasks set through the scale subresource, or restart
 * annotations written one after the other, each once the operator removed
 * the previous one (Strimzi keeps one restart annotation per resource).
 * @public
 */
export type ConnectorChange =
  | { type: 'merge-patch'; patch: Record<string, unknown> }
  | { type: 'json-patch'; operations: JsonPatchOperation[] }
  | { type: 'scale'; replicas: number }
  | { type: 'annotations-in-turn'; annotations: Array<[string, string]> };

/** What the change depends on besides the operation. @public */
export interface ConnectorChangeTarget {
  kind: 'KafkaConnector' | 'KafkaMirrorMaker2';
  stateField: ConnectorStateField;
  /**
   * The cluster's Strimzi reads restart options (`includeTasks`,
   * `onlyFailed`; 0.48 and later). Without, only `true` restarts.
   * Defaults to true.
   */
  restartOptions?: boolean;
  /** The resource as last seen: its tasks, its `spec.pause`, its mirrors. */
  resource?: KafkaConnectorResource | KafkaMirrorMaker2Resource;
  /** The configured Strimzi version, named when stop is refused. */
  strimziVersion?: string;
}

/** The state field a cluster uses, from its Strimzi API version. @public */
export function connectorStateField(
  apiVersion: string | null | undefined,
  options: { v1beta2HasState: boolean },
): ConnectorStateField {
  if (apiVersion === 'v1beta2' && !options.v1beta2HasState) {
    return 'pause';
  }
  return 'state';
}

function statePatch(
  state: DesiredConnectorState,
  target: ConnectorChangeTarget,
): ConnectorChange {
  if (target.stateField === 'state') {
    // An old spec.pause beside spec.state draws Strimzi's UpdateState and
    // DeprecatedFields Warnings; the state now says it all.
    const hasPause =
      (target.resource as KafkaConnectorResource | undefined)?.spec?.pause !==
      undefined;
    return {
      type: 'merge-patch',
      patch: { spec: { state, ...(hasPause ? { pause: null } : {}) } },
    };
  }
  if (state === 'stopped') {
    throw new InputError(stopUnsupportedReason(target.strimziVersion));
  }
  return {
    type: 'merge-patch',
    patch: { spec: { pause: state === 'paused' } },
  };
}

const STATES = {
  pause: 'paused',
  resume: 'running',
  stop: 'stopped',
} as const;

/**
 * The change that carries out a validated operation on a KafkaConnector or
 * KafkaMirrorMaker2, as the cluster's Strimzi expects it: the desired state
 * in spec, or restart annotations the operator acts on and then removes.
 * @public
 */
export function connectorActionChange(
  action: ConnectorAction,
  target: ConnectorChangeTarget,
): ConnectorChange {
  if (target.kind === 'KafkaMirrorMaker2') {
    return mirrorMaker2Change(action, {
      stateField: target.stateField,
      restartOptions: target.restartOptions ?? true,
      resource: target.resource as KafkaMirrorMaker2Resource | undefined,
      strimziVersion: target.strimziVersion,
    });
  }
  switch (action.action) {
    case 'scale':
      return { type: 'scale', replicas: action.tasksMax };
    case 'pause':
    case 'resume':
    case 'stop':
      return statePatch(STATES[action.action], target);
    case 'auto-restart':
      return {
        type: 'merge-patch',
        patch: { spec: { autoRestart: { enabled: action.enabled } } },
      };
    case 'restart':
    case 'restart-task':
      return restartChange(action, {
        restartOptions: target.restartOptions ?? true,
        resource: target.resource as KafkaConnectorResource | undefined,
      });
    default:
      throw new InputError('Unsupported action');
  }
}
