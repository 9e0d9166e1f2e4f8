import { isConfigProviderReference, isCredentialKey } from './credentials';
import { fillTemplate } from './template';
import type { ConnectorBlueprint, FieldError } from './types';

/**
 * The connector config: the blueprint's config and secret references filled
 * from the placeholders, then the request's overrides. A credential-like key
 * whose value is not a config-provider reference is an error, so no secret
 * reaches the manifest.
 */
export function renderConfig(
  blueprint: ConnectorBlueprint,
  placeholders: Record<string, unknown>,
  overrides: Record<string, string>,
): { config: Record<string, string | number | boolean>; errors: FieldError[] } {
  const config: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(blueprint.config)) {
    config[key] =
      typeof value === 'string' ? fillTemplate(value, placeholders) : value;
  }
  for (const [key, value] of Object.entries(blueprint.secrets)) {
    config[key] = fillTemplate(value, placeholders);
  }
  Object.assign(config, overrides);
  const errors = Object.entries(config)
    .filter(
      ([key, value]) =>
        isCredentialKey(key) && !isConfigProviderReference(value),
    )
    .map(([key]) => ({
      field: key in overrides ? `configOverrides.${key}` : `config.${key}`,
      message:
        'looks like a credential but is not a config-provider reference; give e.g. ${secrets:<namespace>/<secret>:<key>} or ${env:VAR}, never the value itself',
    }));
  return { config, errors };
}
