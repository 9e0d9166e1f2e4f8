import type { KafkaConnectorResource } from '../strimzi';

/**
 * The config Strimzi's operator would send to Connect for a KafkaConnector:
 * `spec.config` as strings, plus `connector.class`, `tasks.max` and `name`.
 * @public
 */
export function connectConfigOf(
  connector: KafkaConnectorResource,
): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(connector.spec?.config ?? {})) {
    if (value !== null && value !== undefined) {
      config[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  if (connector.spec?.class) config['connector.class'] = connector.spec.class;
  if (connector.spec?.tasksMax !== undefined) {
    config['tasks.max'] = String(connector.spec.tasksMax);
  }
  config.name = String(connector.metadata?.name ?? '');
  return config;
}
