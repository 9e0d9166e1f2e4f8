import Ajv, { type ValidateFunction } from 'ajv';
import { InputError } from '@backstage/errors';
import {
  BLUEPRINT_ANNOTATION,
  BLUEPRINT_PARAMETERS_ANNOTATION,
  KUBERNETES_ID,
  OWNER_ANNOTATION,
  STRIMZI_API_GROUP,
  STRIMZI_CLUSTER_LABEL,
  SYSTEM_ANNOTATION,
  TEMPLATE_ANNOTATION,
  STRIMZI_API_VERSIONS,
} from '../names';
import { normalizeEntityRef } from '../ownership';
import { resourceEntityRef } from '../entityNames';
import type { KafkaConnectorResource } from '../strimzi';
import { isConfigProviderReference, isCredentialKey } from './credentials';
import { fillTemplate, wholePlaceholder } from './template';
import type { ConnectorBlueprint, ConnectorRequest, FieldError } from './types';

// useDefaults fills parameters the form left out from the schema's defaults.
const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });
const parameterValidators = new WeakMap<ConnectorBlueprint, ValidateFunction>();

/** Longest connector name: it is also the `backstage.io/kubernetes-id` label value. */
export const MAX_CONNECTOR_NAME_LENGTH = 63;
/** Allowed `tasksMax` range. @public */
export const TASKS_MAX_RANGE = { min: 1, max: 1000 } as const;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const CONFIG_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
// Control characters (newlines included) and Unicode line separators have no
// place in a name, a host or a topic; refusing them stops YAML and log tricks.
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** The result of {@link planConnector}. @public */
export type ConnectorPlan =
  | {
      errors?: undefined;
      name: string;
      namespace: string;
      cluster: string;
      connector: KafkaConnectorResource;
      /** The Helm values entry of this connector, in the blueprint's shape. */
      valuesEntry: Record<string, unknown>;
      entityRef: string;
    }
  | { errors: FieldError[] };

function checkName(
  field: string,
  value: unknown,
  max: number,
  errors: FieldError[],
): value is string {
  if (typeof value !== 'string' || value === '') {
    errors.push({ field, message: 'is required' });
    return false;
  }
  if (value.length > max || !DNS_LABEL.test(value)) {
    errors.push({
      field,
      message: `'${printable(
        value,
      )}' is not a valid Kubernetes name: use at most ${max} lower-case letters, digits and '-', starting and ending with a letter or digit`,
    });
    return false;
  }
  return true;
}

/** Shows hostile input in an error message without echoing control characters or megabytes. */
function printable(value: string): string {
  const shown = JSON.stringify(value.slice(0, 80)).slice(1, -1);
  return value.length > 80 ? `${shown}…` : shown;
}

function parameterValidator(blueprint: ConnectorBlueprint): ValidateFunction {
  let validate = parameterValidators.get(blueprint);
  if (!validate) {
    validate = ajv.compile({
      additionalProperties: false,
      ...blueprint.parameters,
    });
    parameterValidators.set(blueprint, validate);
  }
  return validate;
}

function checkParameters(
  blueprint: ConnectorBlueprint,
  parameters: unknown,
  filled: Record<string, unknown>,
  errors: FieldError[],
): boolean {
  if (
    typeof parameters !== 'object' ||
    parameters === null ||
    Array.isArray(parameters)
  ) {
    errors.push({ field: 'parameters', message: 'must be an object' });
    return false;
  }
  Object.assign(filled, parameters);
  const validate = parameterValidator(blueprint);
  let ok = true;
  if (!validate(filled)) {
    ok = false;
    for (const error of validate.errors ?? []) {
      const params = error.params as {
        missingProperty?: string;
        additionalProperty?: string;
      };
      const extra = params.additionalProperty;
      const key =
        params.missingProperty ??
        // an empty key still needs a visible name
        (extra === '' ? '""' : extra) ??
        error.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const hint =
        extra !== undefined
          ? `is not a parameter of blueprint '${blueprint.id}'; remove it`
          : error.message ?? 'is invalid';
      errors.push({
        field: key ? `parameters.${key}` : 'parameters',
        message: hint,
      });
    }
  }
  for (const [key, value] of Object.entries(parameters)) {
    if (typeof value === 'string' && UNSAFE_TEXT.test(value)) {
      ok = false;
      errors.push({
        field: `parameters.${key}`,
        message: 'holds a control character or line break; remove it',
      });
    }
  }
  return ok;
}

function checkRef(
  field: string,
  value: unknown,
  defaultKind: string,
  allowedKinds: string[],
  errors: FieldError[],
): string | undefined {
  const result = normalizeEntityRef(value, { defaultKind, allowedKinds });
  if (result.error !== undefined) {
    errors.push({
      field,
      message: `${result.error}; give an entity ref such as ${defaultKind}:default/my-${defaultKind}`,
    });
    return undefined;
  }
  return result.ref;
}

/**
 * Validates a request against its blueprint and renders the KafkaConnector
 * and the Helm values entry. Pure: every value is placed into an object on
 * its own and serialized later by a YAML library, so no input can add keys or
 * documents. Returns every error at once, each naming the field and the fix.
 * @public
 */
export function planConnector(
  blueprint: ConnectorBlueprint | undefined,
  request: ConnectorRequest,
): ConnectorPlan {
  const errors: FieldError[] = [];
  if (!blueprint) {
    return {
      errors: [
        {
          field: 'blueprint',
          message: `'${printable(
            String(request.blueprintId),
          )}' is not a known blueprint; pick one of the configured blueprints`,
        },
      ],
    };
  }
  const parameters: Record<string, unknown> = {};
  const paramsOk = checkParameters(
    blueprint,
    request.parameters,
    parameters,
    errors,
  );
  checkName('cluster', request.cluster, 63, errors);
  checkName('namespace', request.namespace, 63, errors);
  checkName('connectCluster', request.connectCluster, 63, errors);
  const owner = checkRef(
    'owner',
    request.owner,
    'group',
    ['group', 'user'],
    errors,
  );
  const system =
    request.system === undefined || request.system === ''
      ? undefined
      : checkRef('system', request.system, 'system', ['system'], errors);
  const template =
    request.template === undefined || request.template === ''
      ? undefined
      : checkRef(
          'template',
          request.template,
          'template',
          ['template'],
          errors,
        );
  const tasksMax = request.tasksMax ?? blueprint.defaults.tasksMax;
  if (
    typeof tasksMax !== 'number' ||
    !Number.isInteger(tasksMax) ||
    tasksMax < TASKS_MAX_RANGE.min ||
    tasksMax > TASKS_MAX_RANGE.max
  ) {
    errors.push({
      field: 'tasksMax',
      message: `must be a whole number from ${TASKS_MAX_RANGE.min} to ${TASKS_MAX_RANGE.max}`,
    });
  }
  const state = request.state ?? blueprint.defaults.state;
  if (!['running', 'paused', 'stopped'].includes(state)) {
    errors.push({
      field: 'state',
      message: 'must be running, paused or stopped',
    });
  }
  const apiVersion = request.apiVersion ?? STRIMZI_API_VERSIONS[0];
  if (!STRIMZI_API_VERSIONS.includes(apiVersion)) {
    errors.push({
      field: 'apiVersion',
      message: `must be one of ${STRIMZI_API_VERSIONS.join(', ')}`,
    });
  }
  const overrides = request.configOverrides ?? {};
  if (
    typeof overrides !== 'object' ||
    overrides === null ||
    Array.isArray(overrides)
  ) {
    errors.push({
      field: 'configOverrides',
      message: 'must be a map of config keys to strings',
    });
  } else {
    for (const [key, value] of Object.entries(overrides)) {
      const field = `configOverrides.${printable(key)}`;
      if (!CONFIG_KEY.test(key)) {
        errors.push({
          field,
          message:
            "is not a connector config key: use letters, digits, '.', '_' and '-'",
        });
      } else if (typeof value !== 'string' || UNSAFE_TEXT.test(value)) {
        errors.push({ field, message: 'must be one line of text' });
      } else if (key === 'connector.class' || key === 'tasks.max') {
        errors.push({
          field,
          message: 'is set by the blueprint and tasksMax; remove it',
        });
      }
    }
  }
  if (!paramsOk || errors.length) {
    return { errors };
  }
  const placeholders: Record<string, unknown> = {
    ...parameters,
    namespace: request.namespace,
    cluster: request.cluster,
    connectCluster: request.connectCluster,
  };
  const name = fillTemplate(blueprint.naming, placeholders);
  if (!checkName('name', name, MAX_CONNECTOR_NAME_LENGTH, errors)) {
    errors[
      errors.length - 1
    ].message += ` (it comes from the naming rule '${blueprint.naming}'; shorten or change the parameters)`;
  }
  placeholders.name = name;
  const kubernetesId = request.kubernetesId || name;
  if (request.kubernetesId) {
    checkName('kubernetesId', kubernetesId, 63, errors);
  }

  const config: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(blueprint.config)) {
    config[key] =
      typeof value === 'string' ? fillTemplate(value, placeholders) : value;
  }
  for (const [key, value] of Object.entries(blueprint.secrets)) {
    config[key] = fillTemplate(value, placeholders);
  }
  Object.assign(config, overrides);
  for (const [key, value] of Object.entries(config)) {
    if (isCredentialKey(key) && !isConfigProviderReference(value)) {
      const field =
        key in overrides ? `configOverrides.${key}` : `config.${key}`;
      errors.push({
        field,
        message:
          'looks like a credential but is not a config-provider reference; give e.g. ${secrets:<namespace>/<secret>:<key>} or ${env:VAR}, never the value itself',
      });
    }
  }
  if (errors.length) {
    return { errors };
  }

  const annotations: Record<string, string> = {
    [OWNER_ANNOTATION]: owner!,
    [BLUEPRINT_ANNOTATION]: blueprint.id,
    [BLUEPRINT_PARAMETERS_ANNOTATION]: JSON.stringify(parameters),
  };
  if (system) annotations[SYSTEM_ANNOTATION] = system;
  if (template) annotations[TEMPLATE_ANNOTATION] = template;
  const connector: KafkaConnectorResource = {
    apiVersion: `${STRIMZI_API_GROUP}/${apiVersion}`,
    kind: 'KafkaConnector',
    metadata: {
      name,
      namespace: request.namespace,
      labels: {
        [STRIMZI_CLUSTER_LABEL]: request.connectCluster,
        [KUBERNETES_ID]: kubernetesId,
      },
      annotations,
    },
    spec: {
      class: blueprint.connector.class,
      tasksMax,
      state,
      config,
    },
  };
  const entryValues: Record<string, unknown> = {
    name,
    namespace: request.namespace,
    connectCluster: request.connectCluster,
    class: blueprint.connector.class,
    tasksMax,
    state,
    config,
    owner,
  };
  return {
    name,
    namespace: request.namespace,
    cluster: request.cluster,
    connector,
    valuesEntry: renderEntry(
      blueprint.helmValues.entry,
      entryValues,
      placeholders,
    ) as Record<string, unknown>,
    entityRef: resourceEntityRef(
      { cluster: request.cluster, namespace: request.namespace, name },
      'KafkaConnector',
    ),
  };
}

function renderEntry(
  shape: unknown,
  values: Record<string, unknown>,
  placeholders: Record<string, unknown>,
): unknown {
  if (typeof shape === 'string') {
    const whole = wholePlaceholder(shape);
    if (whole && whole in values) {
      return values[whole];
    }
    return fillTemplate(shape, placeholders);
  }
  if (Array.isArray(shape)) {
    return shape.map(item => renderEntry(item, values, placeholders));
  }
  if (shape && typeof shape === 'object') {
    return Object.fromEntries(
      Object.entries(shape).map(([key, value]) => [
        key,
        renderEntry(value, values, placeholders),
      ]),
    );
  }
  return shape;
}

/**
 * Turns field errors into one `InputError` listing each field and its fix.
 * Control characters are escaped and the text is capped, so hostile input
 * cannot forge log lines or flood them.
 * @public
 */
export function toInputError(errors: FieldError[]): InputError {
  const text = `Invalid connector request: ${errors
    .map(error => `${error.field} ${error.message}`)
    .join('; ')}`;
  const safe = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    char => {
      // JSON.stringify leaves U+007F-U+009F and U+2028/U+2029 raw, and those
      // break lines in logs and viewers too: they get a \uXXXX escape.
      const json = JSON.stringify(char).slice(1, -1);
      return json !== char
        ? json
        : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    },
  );
  return new InputError(safe.length > 4000 ? `${safe.slice(0, 4000)}…` : safe);
}

/**
 * {@link planConnector} that throws an `InputError` for bad input.
 * @public
 */
export function renderConnector(
  blueprint: ConnectorBlueprint | undefined,
  request: ConnectorRequest,
): Exclude<ConnectorPlan, { errors: FieldError[] }> {
  const plan = planConnector(blueprint, request);
  if (plan.errors) {
    throw toInputError(plan.errors);
  }
  return plan;
}
