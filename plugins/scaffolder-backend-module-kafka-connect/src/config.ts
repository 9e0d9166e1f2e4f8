import type { Config } from '@backstage/config';
import { readBlueprintLocations } from '@kcs/plugin-kafka-connect-node';

/** Field manager of server-side apply when config names none. */
export const DEFAULT_FIELD_MANAGER = 'backstage-kafka-connect';

/** Where self-service may put connectors in one cluster. */
export interface SelfServiceTarget {
  cluster: string;
  /** Namespaces the actions may target; absent means any. */
  namespaces?: string[];
  /** Connect clusters (`name` or `namespace/name`) they may target; absent means any. */
  connectClusters?: string[];
}

/** The scaffolder module's settings, read once at start-up. */
export interface KafkaConnectScaffolderConfig {
  /** Files or folders of blueprint YAML, after the built-ins; later ids override earlier ones. */
  blueprintLocations: string[];
  fieldManager: string;
  /** Absent: any configured cluster, namespace and Connect cluster. */
  targets?: SelfServiceTarget[];
}

/** Reads `kafkaConnect.scaffolder`; `blueprintLocations` as the node library reads it. */
export function readKafkaConnectScaffolderConfig(
  config: Config,
): KafkaConnectScaffolderConfig {
  const own = config.getOptionalConfig('kafkaConnect.scaffolder');
  const targets = own?.getOptionalConfigArray('targets')?.map(target => ({
    cluster: target.getString('cluster'),
    namespaces: target.getOptionalStringArray('namespaces'),
    connectClusters: target.getOptionalStringArray('connectClusters'),
  }));
  return {
    // The backend's validation loads the same files, through the same reader.
    blueprintLocations: readBlueprintLocations(config),
    fieldManager:
      own?.getOptionalString('fieldManager') ?? DEFAULT_FIELD_MANAGER,
    ...(targets ? { targets } : {}),
  };
}
