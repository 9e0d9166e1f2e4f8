import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';

/** The owner filter value that selects connectors nobody owns. */
export const NO_OWNER = 'none';

/** The page's filters; empty means "any". */
export interface OwnershipFilters {
  owner?: string;
  health?: string;
  cluster?: string;
}

/** Connectors matching every filter set; owner `none` means no owner at all. */
export function filterConnectors(
  items: ConnectorSummary[],
  filters: OwnershipFilters,
): ConnectorSummary[] {
  return items.filter(
    item =>
      (!filters.owner ||
        (filters.owner === NO_OWNER
          ? !item.owner
          : item.owner === filters.owner)) &&
      (!filters.health || item.health === filters.health) &&
      (!filters.cluster || item.cluster === filters.cluster),
  );
}

/** The distinct non-empty values of a field, sorted, for a filter's choices. */
export function choicesOf(
  items: ConnectorSummary[],
  pick: (item: ConnectorSummary) => string | undefined,
): string[] {
  return [
    ...new Set(items.map(pick).filter((v): v is string => Boolean(v))),
  ].sort();
}
