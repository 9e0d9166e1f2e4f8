import type { DesiredConnectorState } from '../api';
import { STRIMZI_API_VERSIONS, type StrimziApiVersion } from '../names';
import { checkParameters } from './checkParameters';
import {
  checkName,
  checkOptionalRef,
  checkRef,
  printable,
  UNSAFE_TEXT,
} from './fieldChecks';
import type { ConnectorBlueprint, ConnectorRequest, FieldError } from './types';

/** Allowed `tasksMax` range. @public */
export const TASKS_MAX_RANGE = { min: 1, max: 1000 } as const;

const CONFIG_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const STATES: readonly DesiredConnectorState[] = [
  'running',
  'paused',
  'stopped',
];

/** A request whose every field passed its check, with defaults filled in. */
export interface CheckedRequest {
  /** The form parameters with the schema's defaults. */
  parameters: Record<string, unknown>;
  owner: string;
  system?: string;
  template?: string;
  tasksMax: number;
  state: DesiredConnectorState;
  autoRestart: { enabled: boolean; maxRestarts?: number };
  apiVersion: StrimziApiVersion;
  configOverrides: Record<string, string>;
}

function checkTasksMax(tasksMax: unknown): FieldError[] {
  if (
    typeof tasksMax === 'number' &&
    Number.isInteger(tasksMax) &&
    tasksMax >= TASKS_MAX_RANGE.min &&
    tasksMax <= TASKS_MAX_RANGE.max
  ) {
    return [];
  }
  return [
    {
      field: 'tasksMax',
      message: `must be a whole number from ${TASKS_MAX_RANGE.min} to ${TASKS_MAX_RANGE.max}`,
    },
  ];
}

/** `autoRestart`: enabled by default; `maxRestarts` a whole number when given. */
function checkAutoRestart(value: unknown): {
  autoRestart?: { enabled: boolean; maxRestarts?: number };
  errors: FieldError[];
} {
  if (value === undefined) {
    return { autoRestart: { enabled: true }, errors: [] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      errors: [
        {
          field: 'autoRestart',
          message:
            'must be an object such as {"enabled": true, "maxRestarts": 10}',
        },
      ],
    };
  }
  const { enabled, maxRestarts, ...rest } = value as Record<string, unknown>;
  const errors: FieldError[] = [
    ...(enabled === undefined || typeof enabled === 'boolean'
      ? []
      : [{ field: 'autoRestart.enabled', message: 'must be true or false' }]),
    ...(maxRestarts === undefined ||
    (typeof maxRestarts === 'number' &&
      Number.isInteger(maxRestarts) &&
      maxRestarts >= 0 &&
      maxRestarts <= 1000)
      ? []
      : [
          {
            field: 'autoRestart.maxRestarts',
            message:
              'must be a whole number from 0 to 1000, or left out for unlimited restarts',
          },
        ]),
    ...Object.keys(rest).map(key => ({
      field: `autoRestart.${printable(key)}`,
      message: 'is not a setting of autoRestart: use enabled and maxRestarts',
    })),
  ];
  return errors.length > 0
    ? { errors }
    : {
        autoRestart: {
          enabled: enabled !== false,
          ...(maxRestarts !== undefined
            ? { maxRestarts: maxRestarts as number }
            : {}),
        },
        errors,
      };
}

function checkConfigOverrides(overrides: unknown): FieldError[] {
  if (
    typeof overrides !== 'object' ||
    overrides === null ||
    Array.isArray(overrides)
  ) {
    return [
      {
        field: 'configOverrides',
        message: 'must be a map of config keys to strings',
      },
    ];
  }
  return Object.entries(overrides).flatMap(([key, value]): FieldError[] => {
    const field = `configOverrides.${printable(key)}`;
    if (!CONFIG_KEY.test(key)) {
      return [
        {
          field,
          message:
            "is not a connector config key: use letters, digits, '.', '_' and '-'",
        },
      ];
    }
    if (typeof value !== 'string' || UNSAFE_TEXT.test(value)) {
      return [{ field, message: 'must be one line of text' }];
    }
    if (key === 'connector.class' || key === 'tasks.max') {
      return [
        { field, message: 'is set by the blueprint and tasksMax; remove it' },
      ];
    }
    return [];
  });
}

/**
 * Checks every field of a request that does not depend on the rendered name,
 * and returns all errors at once, or the request with its defaults filled in.
 */
export function checkRequest(
  blueprint: ConnectorBlueprint,
  request: ConnectorRequest,
): { request: CheckedRequest; errors?: undefined } | { errors: FieldError[] } {
  const parameters = checkParameters(blueprint, request.parameters);
  const owner = checkRef('owner', request.owner, 'group', ['group', 'user']);
  const system = checkOptionalRef('system', request.system, 'system');
  const template = checkOptionalRef('template', request.template, 'template');
  const tasksMax = request.tasksMax ?? blueprint.defaults.tasksMax;
  const state = request.state ?? blueprint.defaults.state;
  const apiVersion = request.apiVersion ?? STRIMZI_API_VERSIONS[0];
  const configOverrides = request.configOverrides ?? {};
  const autoRestart = checkAutoRestart(request.autoRestart);
  const errors = [
    ...parameters.errors,
    ...checkName('cluster', request.cluster),
    ...checkName('namespace', request.namespace),
    ...checkName('connectCluster', request.connectCluster),
    ...owner.errors,
    ...system.errors,
    ...template.errors,
    ...checkTasksMax(tasksMax),
    ...(STATES.includes(state)
      ? []
      : [{ field: 'state', message: 'must be running, paused or stopped' }]),
    ...(STRIMZI_API_VERSIONS.includes(apiVersion)
      ? []
      : [
          {
            field: 'apiVersion',
            message: `must be one of ${STRIMZI_API_VERSIONS.join(', ')}`,
          },
        ]),
    ...checkConfigOverrides(configOverrides),
    ...autoRestart.errors,
  ];
  if (errors.length || owner.ref === undefined || !autoRestart.autoRestart) {
    return { errors };
  }
  return {
    request: {
      parameters: parameters.values,
      owner: owner.ref,
      system: system.ref,
      template: template.ref,
      tasksMax,
      state,
      autoRestart: autoRestart.autoRestart,
      apiVersion,
      configOverrides,
    },
  };
}
