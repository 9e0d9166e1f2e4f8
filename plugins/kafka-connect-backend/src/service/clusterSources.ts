import type {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  KafkaConnectClusterRegistry,
  KafkaConnectClusterSupplier,
} from '@kcs/plugin-kafka-connect-node';
import {
  CatalogClusterSource,
  readCatalogClusterLocator,
} from './catalogClusterSource';

/** What the cluster sources beyond app-config need. */
export interface ClusterSourcesOptions {
  /** Suppliers that backend modules added through the extension point. */
  suppliers: KafkaConnectClusterSupplier[];
  registry: KafkaConnectClusterRegistry;
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  scheduler: SchedulerService;
}

/**
 * Clusters of backend modules join app-config's in the one registry that the
 * cache, the operations and the scaffolder's apply read; with a `type:
 * catalog` locator, the catalog's clusters join on a schedule.
 */
export async function addClusterSources(
  options: ClusterSourcesOptions,
): Promise<void> {
  const { suppliers, registry, config, catalog, auth, logger, scheduler } =
    options;
  for (const [index, supplier] of suppliers.entries()) {
    registry.setClusters(
      `extension:${index + 1}`,
      await supplier.getClusters(),
    );
  }
  const locator = readCatalogClusterLocator(config);
  if (!locator) {
    return;
  }
  const source = new CatalogClusterSource({
    catalog,
    auth,
    registry,
    logger,
    rootConfig: config,
    locator,
  });
  await scheduler.scheduleTask({
    id: 'kafka-connect-catalog-clusters',
    // Every replica watches every cluster, so each reads the catalog.
    scope: 'local',
    frequency: { seconds: locator.refreshSeconds },
    timeout: { minutes: 2 },
    fn: () => source.refresh(),
  });
}
