import { InputError } from '@backstage/errors';
import type { ConnectorAction } from '../api';

/** The name of an operation on a connector. @public */
export type ConnectorActionName = ConnectorAction['action'];

/** Every operation, in the order a menu offers them. @public */
export const CONNECTOR_ACTIONS: readonly ConnectorActionName[] = [
  'pause',
  'resume',
  'stop',
  'restart',
  'restart-task',
  'scale',
  'auto-restart',
];

/**
 * Operations that change `spec`: GitOps reverts them on its next sync, unlike
 * restarts, which are annotations the operator removes.
 * @public
 */
export const SPEC_CHANGING_ACTIONS: readonly ConnectorActionName[] = [
  'pause',
  'resume',
  'stop',
  'scale',
  'auto-restart',
];

/** The highest `tasksMax` the portal sets; more is almost always a typo. @public */
export const MAX_TASKS = 1000;

/** What the validation knows about the resource an operation targets. @public */
export interface ConnectorActionTarget {
  kind: 'KafkaConnector' | 'KafkaMirrorMaker2';
  /** KafkaMirrorMaker2: the names of the connectors it runs, when known. */
  connectorNames?: readonly string[];
}

const OPTIONS: Record<ConnectorActionName, readonly string[]> = {
  pause: ['connector'],
  resume: ['connector'],
  stop: ['connector'],
  restart: ['includeTasks', 'onlyFailed', 'connector'],
  'restart-task': ['taskId', 'connector'],
  scale: ['tasksMax'],
  'auto-restart': ['enabled', 'connector'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalBoolean(
  body: Record<string, unknown>,
  field: string,
): boolean | undefined {
  const value = body[field];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'boolean') {
    throw new InputError(
      `Field '${field}' must be true or false, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function wholeNumber(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number {
  const value = body[field];
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw new InputError(
      `Field '${field}' must be a whole number from ${min} to ${max}, not ${
        value === undefined ? 'missing' : JSON.stringify(value)
      }`,
    );
  }
  return value;
}

function mirrorMakerConnector(
  body: Record<string, unknown>,
  target: ConnectorActionTarget,
): string | undefined {
  const value = body.connector;
  if (target.kind === 'KafkaConnector') {
    if (value !== undefined) {
      throw new InputError(
        "Field 'connector' applies only to KafkaMirrorMaker2; remove it for a KafkaConnector",
      );
    }
    return undefined;
  }
  const known = target.connectorNames ?? [];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `Field 'connector' is required for a KafkaMirrorMaker2: name the connector to act on${
        known.length > 0 ? ` (one of ${known.join(', ')})` : ''
      }`,
    );
  }
  if (known.length > 0 && !known.includes(value)) {
    throw new InputError(
      `Field 'connector' must name a connector of this KafkaMirrorMaker2 (one of ${known.join(
        ', ',
      )}), not '${value}'`,
    );
  }
  return value;
}

/**
 * Checks the body of `POST .../actions` and returns it as a typed action, or
 * throws an InputError that names the field at fault and how to fix it.
 * @public
 */
export function validateConnectorAction(
  body: unknown,
  target: ConnectorActionTarget,
): ConnectorAction {
  if (!isRecord(body)) {
    throw new InputError(
      `The request body must be a JSON object such as {"action":"pause"}`,
    );
  }
  const action = body.action;
  if (
    typeof action !== 'string' ||
    !CONNECTOR_ACTIONS.includes(action as ConnectorActionName)
  ) {
    throw new InputError(
      `Field 'action' must be one of ${CONNECTOR_ACTIONS.join(', ')}, not ${
        action === undefined ? 'missing' : JSON.stringify(action)
      }`,
    );
  }
  const name = action as ConnectorActionName;
  const unknown = Object.keys(body).filter(
    key => key !== 'action' && !OPTIONS[name].includes(key),
  );
  if (unknown.length > 0) {
    throw new InputError(
      `Action '${name}' takes ${
        OPTIONS[name].length > 0
          ? `only the fields ${OPTIONS[name].join(', ')}`
          : 'no other fields'
      }; remove ${unknown.map(key => `'${key}'`).join(', ')}`,
    );
  }
  const isMirrorMaker2 = target.kind === 'KafkaMirrorMaker2';
  switch (name) {
    case 'scale':
      if (isMirrorMaker2) {
        throw new InputError(
          "Action 'scale' is not available for a KafkaMirrorMaker2: change tasksMax of its connectors in spec.mirrors instead",
        );
      }
      return {
        action: name,
        tasksMax: wholeNumber(body, 'tasksMax', 1, MAX_TASKS),
      };
    case 'pause':
    case 'resume':
    case 'stop': {
      const connector = mirrorMakerConnector(body, target);
      return {
        action: name,
        ...(connector !== undefined ? { connector } : {}),
      };
    }
    case 'auto-restart': {
      const connector = mirrorMakerConnector(body, target);
      const enabled = optionalBoolean(body, 'enabled');
      if (enabled === undefined) {
        throw new InputError(
          "Field 'enabled' is required for action 'auto-restart': true to let Strimzi restart failed connectors and tasks, false to stop it",
        );
      }
      return {
        action: name,
        enabled,
        ...(connector !== undefined ? { connector } : {}),
      };
    }
    case 'restart': {
      const connector = mirrorMakerConnector(body, target);
      const includeTasks = optionalBoolean(body, 'includeTasks');
      const onlyFailed = optionalBoolean(body, 'onlyFailed');
      if (onlyFailed && !includeTasks) {
        throw new InputError(
          "Field 'onlyFailed' needs 'includeTasks': true (it restricts which tasks restart)",
        );
      }
      return {
        action: 'restart',
        ...(includeTasks !== undefined ? { includeTasks } : {}),
        ...(onlyFailed !== undefined ? { onlyFailed } : {}),
        ...(connector !== undefined ? { connector } : {}),
      };
    }
    case 'restart-task': {
      const connector = mirrorMakerConnector(body, target);
      return {
        action: 'restart-task',
        taskId: wholeNumber(body, 'taskId', 0, MAX_TASKS - 1),
        ...(connector !== undefined ? { connector } : {}),
      };
    }
    default:
      // Unreachable: every name is handled above.
      throw new InputError(`Unsupported action '${name}'`);
  }
}
