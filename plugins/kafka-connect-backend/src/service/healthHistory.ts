import type {
  DatabaseService,
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { readHistoryRetentionDays } from './healthConfig';
import { HealthHistoryStore } from './healthHistoryStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What recording the health history needs. */
export interface HealthHistoryOptions {
  config: Config;
  database: DatabaseService;
  scheduler: SchedulerService;
  lifecycle: LifecycleService;
  logger: LoggerService;
}

/**
 * Opens the health history store, prunes it hourly to
 * `kafkaConnect.history.retentionDays`, and closes it at shutdown after the
 * recorder the router starts (handed over through `onShutdown`) has stopped.
 */
export async function startHealthHistory(options: HealthHistoryOptions) {
  const { config, database, scheduler, lifecycle, logger } = options;
  const retentionDays = readHistoryRetentionDays(config);
  const history = await HealthHistoryStore.create(database);
  let stopRecording = () => {};
  lifecycle.addShutdownHook(async () => {
    stopRecording();
    await history.close();
  });
  // The scheduler runs it on one replica at a time.
  await scheduler.scheduleTask({
    id: 'kafka-connect-health-history-prune',
    frequency: { hours: 1 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const pruned = await history.prune(
        new Date(Date.now() - retentionDays * DAY_MS),
      );
      if (pruned > 0) {
        logger.info(
          `Pruned ${pruned} connector health transitions older than ${retentionDays} days`,
        );
      }
    },
  });
  return {
    history,
    onShutdown: (stop: () => void) => {
      stopRecording = stop;
    },
  };
}
