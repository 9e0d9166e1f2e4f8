import type { ResponseError } from '@backstage/errors';
import {
  type ConnectorValidationRequest,
  type ConnectorValidationResponse,
  VALIDATION_NOT_CONFIGURED,
} from '@kcs/plugin-kafka-connect-common';
import type { KafkaConnectApi } from '../../api';

/** `ui:options` of the config check field. @public */
export interface KafkaConnectConfigCheckOptions {
  /** Id of the blueprint the template renders. */
  blueprint: string;
  /**
   * The blueprint's parameters in the form: a list when the form fields carry
   * the parameters' names, or a map from parameter to form field.
   */
  parameters: string[] | Record<string, string>;
  /** Form field of the Connect cluster picker. Default `connect`. */
  connectField?: string;
  /** Form field of the owner. Default `owner`. */
  ownerField?: string;
  /** Form field of the task count. Default `tasksMax`. */
  tasksMaxField?: string;
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

/** The backend request for the form's current values; undefined while fields it needs are empty. */
export function validationRequestOf(
  formData: Record<string, any>,
  options: KafkaConnectConfigCheckOptions,
): ConnectorValidationRequest | undefined {
  const connect = formData[options.connectField ?? 'connect'];
  const owner = formData[options.ownerField ?? 'owner'];
  if (!connect?.cluster || !connect?.namespace || !connect?.name || !owner) {
    return undefined;
  }
  const parameters: Record<string, unknown> = {};
  for (const [parameter, field] of Object.entries(fieldsByParameter(options))) {
    const value = formData[field];
    if (value !== undefined && value !== null && value !== '') {
      parameters[parameter] = value;
    }
  }
  const tasksMax = formData[options.tasksMaxField ?? 'tasksMax'];
  return {
    blueprint: options.blueprint,
    parameters,
    cluster: connect.cluster,
    namespace: connect.namespace,
    connectCluster: connect.name,
    owner,
    ...(typeof tasksMax === 'number' ? { tasksMax } : {}),
  };
}

/** The form field a request field of the backend's answer stands for. */
export function formFieldOf(
  field: string,
  options: KafkaConnectConfigCheckOptions,
): string {
  const parameter = /^parameters\.(.+)$/.exec(field)?.[1];
  if (parameter !== undefined) {
    return fieldsByParameter(options)[parameter] ?? parameter;
  }
  if (field === 'tasksMax') return options.tasksMaxField ?? 'tasksMax';
  if (['connectCluster', 'cluster', 'namespace'].includes(field)) {
    return options.connectField ?? 'connect';
  }
  if (field === 'owner') return options.ownerField ?? 'owner';
  return field;
}

/** One line per refused setting, naming the form fields it comes from. */
export function describeValidationErrors(
  response: ConnectorValidationResponse,
  options: KafkaConnectConfigCheckOptions,
): string[] {
  return response.errors.map(error => {
    const fields = [
      ...new Set(error.fields.map(field => formFieldOf(field, options))),
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
          messages: describeValidationErrors(response, options),
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
