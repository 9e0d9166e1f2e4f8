import type { Config } from '@backstage/config';

/** Field manager of server-side apply when config names none. */
export const DEFAULT_FIELD_MANAGER = 'backstage-kafka-connect';

/** The scaffolder module's settings, read once at start-up. */
export interface KafkaConnectScaffolderConfig {
  /** Files or folders of blueprint YAML, after the built-ins; later ids override earlier ones. */
  blueprintLocations: string[];
  fieldManager: string;
}

/** Reads `kafkaConnect.scaffolder`. */
export function readKafkaConnectScaffolderConfig(
  config: Config,
): KafkaConnectScaffolderConfig {
  const own = config.getOptionalConfig('kafkaConnect.scaffolder');
  return {
    blueprintLocations: own?.getOptionalStringArray('blueprintLocations') ?? [],
    fieldManager:
      own?.getOptionalString('fieldManager') ?? DEFAULT_FIELD_MANAGER,
  };
}
