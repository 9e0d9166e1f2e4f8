import type { ConnectorHealth } from '../api';
import { CONNECTOR_HEALTHS } from '../api';

/** The worst of several healths (`healthy` for none). @public */
export function rollUpHealth(healths: ConnectorHealth[]): ConnectorHealth {
  return healths.reduce<ConnectorHealth>(
    (worst, health) =>
      CONNECTOR_HEALTHS.indexOf(health) > CONNECTOR_HEALTHS.indexOf(worst)
        ? health
        : worst,
    'healthy',
  );
}

/** Counts per health, for summaries like "7 connectors: 5 healthy, 1 degraded, 1 failed". @public */
export function summarizeHealths(items: Array<{ health: ConnectorHealth }>): {
  total: number;
  byHealth: Partial<Record<ConnectorHealth, number>>;
  text: string;
} {
  const byHealth: Partial<Record<ConnectorHealth, number>> = {};
  for (const item of items) {
    byHealth[item.health] = (byHealth[item.health] ?? 0) + 1;
  }
  const parts = CONNECTOR_HEALTHS.filter(health => byHealth[health]).map(
    health => `${byHealth[health]} ${health}`,
  );
  const noun = items.length === 1 ? 'connector' : 'connectors';
  return {
    total: items.length,
    byHealth,
    text:
      parts.length > 0
        ? `${items.length} ${noun}: ${parts.join(', ')}`
        : `0 connectors`,
  };
}
