import { InputError } from '@backstage/errors';
import type { ConnectorAction, DesiredConnectorState } from '../api';
import {
  STRIMZI_RESTART_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
  STRIMZI_RESTART_TASK_ANNOTATION,
} from '../names';

/**
 * How a cluster's KafkaConnector records the desired state: `spec.state`
 * (`kafka.strimzi.io/v1`, and `v1beta2` since Strimzi 0.38) or the older
 * boolean `spec.pause`.
 * @public
 */
export type ConnectorStateField = 'state' | 'pause';

/**
 * The change an operation makes to a resource: a JSON merge patch of the
 * resource, or the number of tasks set through the scale subresource.
 * @public
 */
export type ConnectorChange =
  | { type: 'merge-patch'; patch: Record<string, unknown> }
  | { type: 'scale'; replicas: number };

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
  stateField: ConnectorStateField,
): ConnectorChange {
  if (stateField === 'state') {
    return { type: 'merge-patch', patch: { spec: { state } } };
  }
  if (state === 'stopped') {
    throw new InputError(
      "Action 'stop' needs spec.state, which this cluster's Strimzi (kafka.strimzi.io/v1beta2 before 0.38) does not have: pause the connector instead, or upgrade Strimzi",
    );
  }
  return {
    type: 'merge-patch',
    patch: { spec: { pause: state === 'paused' } },
  };
}

function annotationPatch(annotations: Record<string, string>): ConnectorChange {
  return { type: 'merge-patch', patch: { metadata: { annotations } } };
}

/**
 * The change that carries out a validated operation on a KafkaConnector or
 * KafkaMirrorMaker2, as Strimzi expects it: the desired state in spec, or a
 * restart annotation the operator acts on and then removes.
 * @public
 */
export function connectorActionChange(
  action: ConnectorAction,
  target: {
    kind: 'KafkaConnector' | 'KafkaMirrorMaker2';
    stateField: ConnectorStateField;
  },
): ConnectorChange {
  const isMirrorMaker2 = target.kind === 'KafkaMirrorMaker2';
  switch (action.action) {
    case 'pause':
    case 'resume':
    case 'stop':
    case 'scale':
      if (isMirrorMaker2) {
        throw new InputError(
          `Action '${action.action}' is not available for a KafkaMirrorMaker2`,
        );
      }
      if (action.action === 'scale') {
        return { type: 'scale', replicas: action.tasksMax };
      }
      return statePatch(
        (
          {
            pause: 'paused',
            resume: 'running',
            stop: 'stopped',
          } as const
        )[action.action],
        target.stateField,
      );
    case 'restart':
      if (isMirrorMaker2) {
        return annotationPatch({
          [STRIMZI_RESTART_CONNECTOR_ANNOTATION]: action.connector ?? '',
        });
      }
      return annotationPatch({
        [STRIMZI_RESTART_ANNOTATION]:
          [
            ...(action.includeTasks ? ['includeTasks'] : []),
            ...(action.onlyFailed ? ['onlyFailed'] : []),
          ].join(',') || 'true',
      });
    case 'restart-task':
      if (isMirrorMaker2) {
        return annotationPatch({
          [STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION]: `${
            action.connector ?? ''
          }:${action.taskId}`,
        });
      }
      return annotationPatch({
        [STRIMZI_RESTART_TASK_ANNOTATION]: String(action.taskId),
      });
    default:
      throw new InputError('Unsupported action');
  }
}
