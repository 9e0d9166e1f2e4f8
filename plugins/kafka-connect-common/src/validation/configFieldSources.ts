import { BUILT_IN_PLACEHOLDERS } from '../blueprints/parseBlueprint';
import { placeholdersOf } from '../blueprints/template';
import type { ConnectorBlueprint } from '../blueprints/types';

/** Where a connector config value comes from. @public */
export type ConfigValueOrigin =
  /** Built from request fields (parameters, tasksMax, namespace...). */
  | 'request'
  /** A fixed value of the blueprint: no request field changes it. */
  | 'blueprint'
  /** Given in the request's configOverrides. */
  | 'override'
  /** Not in the rendered config at all (e.g. a required key nobody set). */
  | 'absent'
  /** A manifest from no known blueprint: the config key is the field. */
  | 'manifest';

/** The request fields behind one config key. @public */
export interface ConfigValueSource {
  origin: ConfigValueOrigin;
  /** Request fields, e.g. `parameters.table`; empty unless origin is `request` or `override`. */
  fields: string[];
}

const PLACE_OF_BUILT_IN: Record<string, string> = {
  namespace: 'namespace',
  cluster: 'cluster',
  connectCluster: 'connectCluster',
};

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Request fields a template string is filled from; `{{name}}` stands for the naming rule's. */
function fieldsOfTemplate(template: string, naming: string): string[] {
  return unique(
    placeholdersOf(template).flatMap(placeholder => {
      if (placeholder === 'name') {
        return fieldsOfTemplate(naming.replace(/\{\{\s*name\s*\}\}/g, ''), '');
      }
      if (PLACE_OF_BUILT_IN[placeholder]) {
        return [PLACE_OF_BUILT_IN[placeholder]];
      }
      return (BUILT_IN_PLACEHOLDERS as readonly string[]).includes(placeholder)
        ? []
        : [`parameters.${placeholder}`];
    }),
  );
}

/**
 * Which request fields a connector config key comes from, as the blueprint
 * renders it: the inverse of its `{{placeholder}}` marks. `connector.class`
 * is the blueprint's, `tasks.max` the request's `tasksMax`, `name` the
 * fields of the naming rule; overrides win over the blueprint. Without a
 * blueprint (a manifest from elsewhere) every key is its own `config.<key>`.
 * @public
 */
export function configFieldSources(
  blueprint: ConnectorBlueprint | undefined,
  configOverrides: Record<string, unknown> = {},
): (configKey: string) => ConfigValueSource {
  return configKey => {
    if (Object.prototype.hasOwnProperty.call(configOverrides, configKey)) {
      return { origin: 'override', fields: [`configOverrides.${configKey}`] };
    }
    if (configKey === 'tasks.max') {
      return { origin: 'request', fields: ['tasksMax'] };
    }
    if (!blueprint) {
      return { origin: 'manifest', fields: [] };
    }
    if (configKey === 'connector.class') {
      return { origin: 'blueprint', fields: [] };
    }
    const template =
      configKey === 'name'
        ? blueprint.naming
        : blueprint.secrets[configKey] ?? blueprint.config[configKey];
    if (template === undefined) {
      return { origin: 'absent', fields: [] };
    }
    const fields =
      typeof template === 'string'
        ? fieldsOfTemplate(template, blueprint.naming)
        : [];
    return fields.length
      ? { origin: 'request', fields }
      : { origin: 'blueprint', fields: [] };
  };
}
