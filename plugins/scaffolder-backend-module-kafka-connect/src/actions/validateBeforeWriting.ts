import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type ConnectorValidationRequest,
  toInputError,
  validationFieldErrors,
} from '@kcs/plugin-kafka-connect-common';
import type { ConnectorValidator } from '../services/ConnectorValidator';

/**
 * Asks Kafka Connect, through the backend, whether it accepts the config,
 * when `kafkaConnect.validation` covers the Connect cluster. Refused settings
 * become an InputError naming the request field each comes from (renamed by
 * `fieldOf` for actions whose input nests them); nothing has been written yet.
 * Returns whether Connect was asked.
 */
export async function validateBeforeWriting(
  validator: ConnectorValidator | undefined,
  credentials: BackstageCredentials,
  request: Extract<ConnectorValidationRequest, { blueprint: string }>,
  fieldOf: (field: string) => string = field => field,
): Promise<boolean> {
  if (!validator?.covers(request)) {
    return false;
  }
  const result = await validator.validate(credentials, request);
  if (!result.valid) {
    throw toInputError(
      validationFieldErrors(
        result.errors.map(error => ({
          ...error,
          fields: error.fields.map(fieldOf),
        })),
      ),
    );
  }
  return true;
}

/**
 * The change action's field for a field of the changed request: what the
 * change gave sits under `change.`, the rest is the connector's current input.
 */
export function changedInputField(
  field: string,
  change: {
    version?: string;
    tasksMax?: number;
    parameters?: Record<string, unknown>;
  },
): string {
  if (field === 'tasksMax' && change.tasksMax !== undefined) {
    return 'change.tasksMax';
  }
  const parameter = /^parameters\.(.+)$/.exec(field)?.[1];
  if (parameter === 'version' && change.version !== undefined) {
    return 'change.version';
  }
  if (
    parameter !== undefined &&
    change.parameters &&
    parameter in change.parameters
  ) {
    return `change.${field}`;
  }
  return field;
}
