import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  readOwnershipConfig,
  strimziResourceCacheServiceRef,
} from '@kcs/plugin-kafka-connect-node';
import type { CatalogOwnershipConfig } from './provider/entities';
import { KafkaConnectEntityProvider } from './provider/KafkaConnectEntityProvider';

/** The owner settings (read as the watch cache reads them) and `app.baseUrl`. */
export function readCatalogOwnershipConfig(
  config: Config,
): CatalogOwnershipConfig {
  return {
    ...readOwnershipConfig(config),
    appBaseUrl: config.getOptionalString('app.baseUrl'),
  };
}

/**
 * Catalog module: every KafkaConnector, KafkaConnect and KafkaMirrorMaker2 of
 * the configured clusters as a `Resource` entity with an owner.
 * @public
 */
export const catalogModuleKafkaConnect = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kafka-connect',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        cache: strimziResourceCacheServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, cache, config, logger, scheduler }) {
        const scheduleConfig = config.getOptionalConfig(
          'kafkaConnect.catalog.schedule',
        );
        const schedule = scheduleConfig
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
          : { frequency: { minutes: 10 }, timeout: { minutes: 3 } };
        const taskId = 'kafka-connect-entity-provider:refresh';
        let scheduled = false;
        let refreshTimer: NodeJS.Timeout | undefined;
        const provider = new KafkaConnectEntityProvider({
          cache,
          config: readCatalogOwnershipConfig(config),
          logger,
          requestRefresh() {
            // Every kind of every cluster reports its list: trigger once after the burst.
            if (!scheduled || refreshTimer) {
              return;
            }
            refreshTimer = setTimeout(() => {
              refreshTimer = undefined;
              scheduler
                .triggerTask(taskId)
                .catch(error =>
                  logger.debug(`Kafka Connect refresh not triggered: ${error}`),
                );
            }, 1000);
            refreshTimer.unref?.();
          },
        });
        catalog.addEntityProvider({
          getProviderName: () => provider.getProviderName(),
          async connect(connection) {
            await provider.connect(connection);
            // Global scope: with several replicas on one database, one runs it.
            await scheduler.scheduleTask({
              id: taskId,
              scope: 'global',
              ...schedule,
              fn: async () => {
                await provider.refresh();
              },
            });
            scheduled = true;
          },
        });
        logger.info('Kafka Connect entity provider registered');
      },
    });
  },
});
