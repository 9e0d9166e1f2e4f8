import type { ConnectorBlueprint } from '../blueprints/types';
import {
  configFieldSources,
  type ConfigValueSource,
} from './configFieldSources';
import { isSecretSetting, maskConnectMessage } from './maskSecrets';
import type { ConfigValidationError, ConnectValidationAnswer } from './types';

/** What the request held, to place Connect's errors on its fields. @public */
export interface ValidationContext {
  /** The blueprint the connector was rendered from, when known. */
  blueprint?: ConnectorBlueprint;
  /** The config sent to Connect (connector.class, tasks.max and name included). */
  sentConfig: Record<string, unknown>;
  configOverrides?: Record<string, unknown>;
}

/** A hint after Connect's message when no form field can fix the value. */
function hintOf(
  source: ConfigValueSource,
  configKey: string,
  blueprintId: string | undefined,
): string {
  switch (source.origin) {
    case 'blueprint':
      return ` (blueprint '${blueprintId}' sets ${configKey}; its maintainers must fix it, or override it in configOverrides)`;
    case 'absent':
      return ` (blueprint '${blueprintId}' does not set ${configKey}; add it to the blueprint or give it in configOverrides)`;
    default:
      return '';
  }
}

/**
 * Connect's validation answer as errors on the request's fields: each config
 * key Connect refused is traced back through the blueprint to the
 * parameters, `tasksMax` or `configOverrides` it was rendered from (or
 * `config.<key>` when the blueprint fixes or lacks it). Messages never show a
 * secret: references and credential values are masked, and the values Connect
 * echoes are dropped.
 * @public
 */
export function mapConnectValidation(
  answer: ConnectValidationAnswer,
  context: ValidationContext,
): { valid: boolean; errorCount: number; errors: ConfigValidationError[] } {
  const sourceOf = configFieldSources(
    context.blueprint,
    context.configOverrides,
  );
  const errors: ConfigValidationError[] = [];
  for (const config of answer.configs ?? []) {
    const messages = config.value?.errors ?? [];
    if (messages.length === 0) continue;
    const configKey = String(config.value.name ?? config.definition?.name);
    const secret = isSecretSetting(
      configKey,
      context.sentConfig[configKey],
      config.definition?.type,
    );
    const source = sourceOf(configKey);
    const fields = source.fields.length
      ? source.fields
      : [`config.${configKey}`];
    // Debezium can list one message twice for a setting (database.port when
    // it is no integer); the form would show it twice.
    const unique = new Set(
      messages.map(message =>
        maskConnectMessage(message, {
          secret,
          sentConfig: context.sentConfig,
        }),
      ),
    );
    for (const message of unique) {
      errors.push({
        field: fields[0],
        fields,
        configKey,
        message: message + hintOf(source, configKey, context.blueprint?.id),
      });
    }
  }
  const errorCount = Number(answer.error_count) || 0;
  if (errorCount > 0 && errors.length === 0) {
    errors.push({
      field: 'config',
      fields: ['config'],
      configKey: '',
      message: `Kafka Connect counted ${errorCount} error(s) but named no setting`,
    });
  }
  return { valid: errors.length === 0, errorCount, errors };
}

/**
 * The errors as one line per field for an `InputError`:
 * `parameters.table (table.include.list): <Connect's message>`.
 * @public
 */
export function validationFieldErrors(
  errors: ConfigValidationError[],
): Array<{ field: string; message: string }> {
  return errors.map(error => ({
    field: error.fields.join(', '),
    message: `${
      error.configKey ? `(${error.configKey}) ` : ''
    }is refused by Kafka Connect: ${error.message}`,
  }));
}
