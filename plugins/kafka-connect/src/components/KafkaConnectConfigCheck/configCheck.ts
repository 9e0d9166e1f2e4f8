import type { ResponseError } from '@backstage/errors';
import {
  type ConnectorValidationRequest,
  type ConnectorValidationResponse,
  VALIDATION_NOT_CONFIGURED,
} from '@kcs/plugin-kafka-connect-common';
import type { KafkaConnectApi } from '../../api';

/**
 * The form fields of a Connect cluster: one picker field holding
 * `{ cluster, namespace, name }`, or three fields.
 * @public
 */
export type ConnectClusterFormFields =
  | string
  | { cluster: string; namespace: string; name: string };

/** `ui:options` of the config check field. @public */
export interface KafkaConnectConfigCheckOptions {
  /** Id of the blueprint the template renders; see also `blueprintField`. */
  blueprint?: string;
  /** Form field holding the blueprint id, for a form over several blueprints (a change form). */
  blueprintField?: string;
  /**
   * The blueprint's parameters in the form: a list when the form fields carry
   * the parameters' names, or a map from parameter to form field.
   */
  parameters?: string[] | Record<string, string>;
  /**
   * Form fields holding parameters as one object each, merged in this order
   * and before `parameters` (a change form: the current ones, then the
   * changed ones), as the change action merges them.
   */
  parameterObjectFields?: string[];
  /** Form field(s) of the Connect cluster. Default `connect` (the picker). */
  connectField?: ConnectClusterFormFields;
  /** Form field of the owner. Default `owner`. */
  ownerField?: string;
  /** Form field(s) of the task count; the first holding a number counts. Default `tasksMax`. */
  tasksMaxField?: string | string[];
  /**
   * Ask only once one of these form fields holds a value: in a change form,
   * the fields that change the config (a new state alone changes none, and
   * the change action does not ask Kafka Connect about it).
   */
  onlyWhenSet?: string[];
}

/** What the check found. @public */
export type ConfigCheckOutcome =
  /** Not asked: fields missing, or the portal does not check that Connect cluster. */
  | { kind: 'skipped'; reason: string }
  | { kind: 'valid' }
  /** Connect refused settings, or could not be asked: one line per problem. */
  | { kind: 'invalid' | 'failed'; messages: string[] };

function fieldsByParameter(
  options: KafkaConnectConfigCheckOptions,
): Record<string, string> {
  return Array.isArray(options.parameters)
    ? Object.fromEntries(options.parameters.map(name => [name, name]))
    : options.parameters ?? {};
}

const hasValue = (value: unknown) =>
  value !== undefined && value !== null && value !== '';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function connectOf(
  formData: Record<string, any>,
  fields: ConnectClusterFormFields = 'connect',
): { cluster?: string; namespace?: string; name?: string } {
  if (typeof fields === 'string') {
    return formData[fields] ?? {};
  }
  return {
    cluster: formData[fields.cluster],
    namespace: formData[fields.namespace],
    name: formData[fields.name],
  };
}

/** Where each parameter's value comes from: `<object field>.<parameter>` or a flat form field. */
function parameterSources(
  formData: Record<string, any>,
  options: KafkaConnectConfigCheckOptions,
): { parameters: Record<string, unknown>; sources: Record<string, string> } {
  const parameters: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const field of options.parameterObjectFields ?? []) {
    const values = formData[field];
    if (!isObject(values)) continue;
    for (const [parameter, value] of Object.entries(values)) {
      if (value === undefined) continue;
      parameters[parameter] = value;
      sources[parameter] = `${field}.${parameter}`;
    }
  }
  for (const [parameter, field] of Object.entries(fieldsByParameter(options))) {
    const value = formData[field];
    if (hasValue(value)) {
      parameters[parameter] = value;
      sources[parameter] = field;
    }
  }
  return { parameters, sources };
}

/** The backend request for the form's current values; undefined while fields it needs are empty. */
export function validationRequestOf(
  formData: Record<string, any>,
  options: KafkaConnectConfigCheckOptions,
): ConnectorValidationRequest | undefined {
  const connect = connectOf(formData, options.connectField);
  const owner = formData[options.ownerField ?? 'owner'];
  const blueprint = options.blueprintField
    ? formData[options.blueprintField]
    : options.blueprint;
  if (
    !blueprint ||
    !connect?.cluster ||
    !connect?.namespace ||
    !connect?.name ||
    !owner
  ) {
    return undefined;
  }
  const tasksMaxFields = [options.tasksMaxField ?? 'tasksMax'].flat();
  const tasksMax = tasksMaxFields
    .map(field => formData[field])
    .find(value => typeof value === 'number');
  return {
    blueprint,
    parameters: parameterSources(formData, options).parameters,
    cluster: connect.cluster,
    namespace: connect.namespace,
    connectCluster: connect.name,
    owner,
    ...(typeof tasksMax === 'number' ? { tasksMax } : {}),
  };
}

/**
 * The form field a request field of the backend's answer stands for; with
 * the form's values, a parameter is named where its value came from.
 */
export function formFieldOf(
  field: string,
  options: KafkaConnectConfigCheckOptions,
  formData: Record<string, any> = {},
): string {
  const parameter = /^parameters\.(.+)$/.exec(field)?.[1];
  if (parameter !== undefined) {
    return (
      parameterSources(formData, options).sources[parameter] ??
      fieldsByParameter(options)[parameter] ??
      parameter
    );
  }
  if (field === 'tasksMax') {
    const fields = [options.tasksMaxField ?? 'tasksMax'].flat();
    return fields.find(name => typeof formData[name] === 'number') ?? fields[0];
  }
  const connect = options.connectField ?? 'connect';
  if (['connectCluster', 'cluster', 'namespace'].includes(field)) {
    if (typeof connect === 'string') return connect;
    return field === 'connectCluster'
      ? connect.name
      : connect[field as 'cluster'];
  }
  if (field === 'owner') return options.ownerField ?? 'owner';
  if (field === 'blueprint') return options.blueprintField ?? field;
  return field;
}

/** One line per refused setting, naming the form fields it comes from. */
export function describeValidationErrors(
  response: ConnectorValidationResponse,
  options: KafkaConnectConfigCheckOptions,
  formData: Record<string, any> = {},
): string[] {
  return response.errors.map(error => {
    const fields = [
      ...new Set(
        error.fields.map(field => formFieldOf(field, options, formData)),
      ),
    ];
    const key = error.configKey ? ` (${error.configKey})` : '';
    return `${fields.join(', ')}${key}: ${error.message}`;
  });
}

/** Asks the backend to check the form's config with Kafka Connect. */
export async function checkConfig(
  api: Pick<KafkaConnectApi, 'validateConnector'>,
  formData: Record<string, any>,
  options: KafkaConnectConfigCheckOptions,
): Promise<ConfigCheckOutcome> {
  if (
    options.onlyWhenSet &&
    !options.onlyWhenSet.some(field => hasValue(formData[field]))
  ) {
    return {
      kind: 'skipped',
      reason: 'Nothing that Kafka Connect checks has changed yet.',
    };
  }
  const request = validationRequestOf(formData, options);
  if (!request) {
    return {
      kind: 'skipped',
      reason: 'Pick the owner and the Connect cluster first.',
    };
  }
  try {
    const response = await api.validateConnector(request);
    return response.valid
      ? { kind: 'valid' }
      : {
          kind: 'invalid',
          messages: describeValidationErrors(response, options, formData),
        };
  } catch (error) {
    // The backend's own message, without the client's "Request failed" prefix.
    const response = error as Partial<ResponseError>;
    const message =
      response.body?.error?.message ??
      (error as Error).message ??
      String(error);
    if (
      response.response?.status === 400 &&
      message.includes(VALIDATION_NOT_CONFIGURED)
    ) {
      return {
        kind: 'skipped',
        reason: 'This portal does not check configs of that Connect cluster.',
      };
    }
    return { kind: 'failed', messages: [message] };
  }
}
