import {
  type LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { EntityProvider } from '@backstage/plugin-catalog-node';
import {
  readOwnershipConfig,
  type StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import type { CatalogOwnershipConfig } from './entities';
import { KafkaConnectEntityProvider } from './KafkaConnectEntityProvider';

const TASK_ID = 'kafka-connect-entity-provider:refresh';

/** The owner settings (read as the watch cache reads them) and `app.baseUrl`. */
export function readCatalogOwnershipConfig(
  config: Config,
): CatalogOwnershipConfig {
  return {
    ...readOwnershipConfig(config),
    appBaseUrl: config.getOptionalString('app.baseUrl'),
  };
}

/** What the scheduled entity provider needs. */
export interface ScheduledEntityProviderOptions {
  cache: StrimziResourceReader;
  config: Config;
  logger: LoggerService;
  scheduler: SchedulerService;
}

/**
 * The entity provider with its full refresh on `kafkaConnect.catalog.schedule`
 * (default every 10 minutes), in global scope so one replica of several on a
 * database runs it, and triggered soon after a cluster lists its resources.
 */
export function createScheduledEntityProvider(
  options: ScheduledEntityProviderOptions,
): EntityProvider {
  const { cache, config, logger, scheduler } = options;
  const scheduleConfig = config.getOptionalConfig(
    'kafkaConnect.catalog.schedule',
  );
  const schedule = scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : { frequency: { minutes: 10 }, timeout: { minutes: 3 } };
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
          .triggerTask(TASK_ID)
          .catch(error =>
            logger.debug(`Kafka Connect refresh not triggered: ${error}`),
          );
      }, 1000);
      refreshTimer.unref?.();
    },
  });
  return {
    getProviderName: () => provider.getProviderName(),
    async connect(connection) {
      await provider.connect(connection);
      // Global scope: with several replicas on one database, one runs it.
      await scheduler.scheduleTask({
        id: TASK_ID,
        scope: 'global',
        ...schedule,
        fn: async () => {
          await provider.refresh();
        },
      });
      scheduled = true;
    },
  };
}
