import { InputError } from '@backstage/errors';
import type { ConnectorAction } from '../api';
import { mirrorMaker2ConnectorsInSpec } from '../health/mirrorMaker2Connectors';
import type { KafkaMirrorMaker2Resource } from '../strimzi';
import type {
  ConnectorChange,
  ConnectorStateField,
  JsonPatchOperation,
} from './connectorActionChange';
import { annotationsChange, restartAnnotations } from './restartChange';
import { stopUnsupportedReason } from './stopSupport';

const STATES = {
  pause: 'paused',
  resume: 'running',
  stop: 'stopped',
} as const;

/**
 * The JSON patch of one connector's settings in `spec.mirrors[i]`. A `test`
 * of the mirror's source alias first: if the list changed since the portal
 * read it, the API server refuses the patch instead of changing another
 * mirror. Internal to the package (offsets use it too).
 */
export function mirrorMaker2SpecPatch(
  resource: KafkaMirrorMaker2Resource | undefined,
  name: string,
  settings: (
    path: string,
    current: Record<string, unknown>,
  ) => JsonPatchOperation[],
): ConnectorChange {
  const entry = resource
    ? mirrorMaker2ConnectorsInSpec(resource).find(spec => spec.name === name)
    : undefined;
  if (!entry) {
    throw new InputError(
      `Field 'connector' must name a connector that the KafkaMirrorMaker2's spec.mirrors configures, not '${name}'`,
    );
  }
  const mirror = resource!.spec!.mirrors![entry.mirror.index];
  const aliasPath =
    mirror.source?.alias !== undefined
      ? `/spec/mirrors/${entry.mirror.index}/source/alias`
      : `/spec/mirrors/${entry.mirror.index}/sourceCluster`;
  const path = `/spec/mirrors/${entry.mirror.index}/${entry.mirror.role}`;
  return {
    type: 'json-patch',
    operations: [
      {
        op: 'test',
        path: aliasPath,
        value: mirror.source?.alias ?? mirror.sourceCluster,
      },
      ...settings(path, entry.spec as Record<string, unknown>),
    ],
  };
}

/**
 * The change for an operation on one connector of a KafkaMirrorMaker2:
 * its state or automatic restart in `spec.mirrors[]`, or the restart
 * annotations (`<name>` or, on Strimzi 0.48+, `<name>:includeTasks,onlyFailed`).
 * Before Strimzi 0.38 (`stateField: 'pause'`) the connector's boolean
 * `pause` is all there is: pause and resume set it, stop is refused.
 */
export function mirrorMaker2Change(
  action: ConnectorAction,
  options: {
    stateField?: ConnectorStateField;
    restartOptions: boolean;
    resource?: KafkaMirrorMaker2Resource;
    strimziVersion?: string;
  },
): ConnectorChange {
  const name = 'connector' in action ? action.connector : undefined;
  if (!name) {
    throw new InputError(
      "Field 'connector' is required for a KafkaMirrorMaker2: name one of its connectors",
    );
  }
  switch (action.action) {
    case 'pause':
    case 'resume':
    case 'stop':
      if (options.stateField === 'pause') {
        if (action.action === 'stop') {
          throw new InputError(stopUnsupportedReason(options.strimziVersion));
        }
        return mirrorMaker2SpecPatch(options.resource, name, path => [
          {
            op: 'add',
            path: `${path}/pause`,
            value: action.action === 'pause',
          },
        ]);
      }
      return mirrorMaker2SpecPatch(options.resource, name, (path, current) => [
        { op: 'add', path: `${path}/state`, value: STATES[action.action] },
        // v1beta2's deprecated pause would contradict the state.
        ...(current.pause !== undefined
          ? [{ op: 'remove' as const, path: `${path}/pause` }]
          : []),
      ]);
    case 'auto-restart':
      return mirrorMaker2SpecPatch(options.resource, name, (path, current) => [
        typeof current.autoRestart === 'object' && current.autoRestart !== null
          ? {
              op: 'add' as const,
              path: `${path}/autoRestart/enabled`,
              value: action.enabled,
            }
          : {
              op: 'add' as const,
              path: `${path}/autoRestart`,
              value: { enabled: action.enabled },
            },
      ]);
    case 'restart':
    case 'restart-task':
      return annotationsChange(
        restartAnnotations(action, {
          restartOptions: options.restartOptions,
          mirrorConnector: name,
          body: (Array.isArray(options.resource?.status?.connectors)
            ? options.resource!.status!.connectors
            : []
          ).find(entry => entry?.name === name),
        }),
      );
    default:
      throw new InputError(
        `Action '${action.action}' is not available for a KafkaMirrorMaker2`,
      );
  }
}
