import type { Config } from '@backstage/config';

const SETTLE_KEY = 'kafkaConnect.health.settleMinutes';

/**
 * `kafkaConnect.health.settleMinutes` in milliseconds, or undefined for the
 * default; anything but a positive number is refused at startup.
 */
export function readSettleTimeMs(config: Config): number | undefined {
  const value = config.getOptional(SETTLE_KEY);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new Error(
      `Config ${SETTLE_KEY} must be a positive number of minutes (e.g. 10), not ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value * 60_000;
}

const RETENTION_KEY = 'kafkaConnect.history.retentionDays';

/** `kafkaConnect.history.retentionDays`: how long health transitions are kept, default 14 days. */
export function readHistoryRetentionDays(config: Config): number {
  const value = config.getOptional(RETENTION_KEY);
  if (value === undefined) {
    return 14;
  }
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new Error(
      `Config ${RETENTION_KEY} must be a positive number of days (e.g. 14), not ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value;
}

const CATALOG_KEEP_KEY = 'kafkaConnect.catalogEntityCacheSeconds';

/**
 * `kafkaConnect.catalogEntityCacheSeconds` in milliseconds (0: ask the
 * catalog on every page view), or undefined for the default.
 */
export function readCatalogEntityKeepMs(config: Config): number | undefined {
  const value = config.getOptional(CATALOG_KEEP_KEY);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new Error(
      `Config ${CATALOG_KEEP_KEY} must be a number of seconds, 0 or more (e.g. 30; 0 asks the catalog on every page view), not ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value * 1000;
}
