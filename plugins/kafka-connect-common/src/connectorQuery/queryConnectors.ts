import {
  CONNECTOR_HEALTHS,
  ConnectorHealth,
  ConnectorListResponse,
  ConnectorSummary,
} from '../api';

/** Fields `GET /connectors` sorts by. @public */
export const CONNECTOR_SORT_FIELDS = [
  'name',
  'health',
  'owner',
  'cluster',
  'namespace',
  'connectCluster',
  'healthSince',
] as const;

/** A field `GET /connectors` sorts by. @public */
export type ConnectorSortField = (typeof CONNECTOR_SORT_FIELDS)[number];

/** The largest page `GET /connectors` answers. @public */
export const MAX_CONNECTOR_PAGE = 500;

/** The owner filter value that selects connectors nobody owns. @public */
export const NO_OWNER = 'none';

/** Filters, order and page of `GET /connectors`; everything optional. @public */
export interface ConnectorQuery {
  /** An owner entity ref (compared case-insensitively), or `none`. */
  owner?: string;
  health?: ConnectorHealth;
  cluster?: string;
  /** Words that must each appear in the name, namespace, cluster, Connect cluster, owner or reason. */
  text?: string;
  sort?: ConnectorSortField;
  order?: 'asc' | 'desc';
  offset?: number;
  /** Page size; all matching connectors when absent. */
  limit?: number;
}

/** Connectors per health. @public */
export type HealthCounts = ConnectorListResponse['byHealth'];

/** One page of the connectors matching a query, with what the page needs around it. @public */
export type ConnectorQueryResult = Omit<ConnectorListResponse, 'clusters'>;

/** `12 connectors: 9 healthy, 3 failed`, from health counts (best to worst). @public */
export function describeHealthCounts(
  total: number,
  byHealth: HealthCounts,
): string {
  const parts = CONNECTOR_HEALTHS.filter(health => byHealth[health]).map(
    health => `${byHealth[health]} ${health}`,
  );
  const noun = total === 1 ? 'connector' : 'connectors';
  return parts.length
    ? `${total} ${noun}: ${parts.join(', ')}`
    : `${total} ${noun}`;
}

const lower = (value: string | undefined) =>
  (value ?? '').toLocaleLowerCase('en-US');

function matches(
  item: ConnectorSummary,
  query: ConnectorQuery,
  words: string[],
) {
  if (query.cluster && item.cluster !== query.cluster) {
    return false;
  }
  if (query.health && item.health !== query.health) {
    return false;
  }
  if (query.owner) {
    if (
      query.owner === NO_OWNER
        ? item.owner
        : lower(item.owner) !== lower(query.owner)
    ) {
      return false;
    }
  }
  if (words.length) {
    const haystack = lower(
      [
        item.name,
        item.namespace,
        item.cluster,
        item.connectCluster,
        item.owner,
        item.reason,
      ].join(' '),
    );
    return words.every(word => haystack.includes(word));
  }
  return true;
}

/** When a connector's current health was recorded, if known (the backend's health history). @public */
export type HealthSinceOf = (item: ConnectorSummary) => string | undefined;

function sortKey(
  item: ConnectorSummary,
  field: ConnectorSortField,
  healthSinceOf: HealthSinceOf,
): string | number {
  if (field === 'health') {
    // Worst first when ascending: the order an operator reads in.
    return -CONNECTOR_HEALTHS.indexOf(item.health);
  }
  if (field === 'healthSince') {
    // Longest in its health first when ascending; not recorded last.
    const since = healthSinceOf(item);
    return since ? Date.parse(since) : Infinity;
  }
  return lower(item[field]);
}

/** A stable tie-break: the connector's identity (cluster, namespace, name, kind), compared without building strings. */
function compareIdentity(a: ConnectorSummary, b: ConnectorSummary): number {
  for (const field of ['cluster', 'namespace', 'name', 'kind'] as const) {
    if (a[field] !== b[field]) {
      return a[field] < b[field] ? -1 : 1;
    }
  }
  return 0;
}

type Keyed = { item: ConnectorSummary; key: string | number };

/**
 * The first `count` entries in order, without sorting (or even keying) all of
 * them: a first page of 50 out of 100,000 costs one pass and a few
 * insertions.
 */
function firstInOrder(
  items: ConnectorSummary[],
  count: number,
  keyOf: (item: ConnectorSummary) => string | number,
  compare: (a: Keyed, b: Keyed) => number,
): Keyed[] {
  const best: Keyed[] = [];
  for (const item of items) {
    const entry = { item, key: keyOf(item) };
    if (best.length === count && compare(entry, best[count - 1]) >= 0) {
      continue;
    }
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(entry, best[middle]) < 0) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    best.splice(low, 0, entry);
    if (best.length > count) {
      best.pop();
    }
  }
  return best;
}

/**
 * Filters, sorts and pages connector summaries for `GET /connectors`, and
 * counts the matching ones per health, and every one per owner and health.
 * `healthSinceOf` tells how long each has been in its health (the page's
 * items carry it as `healthSince`). Pure; the backend calls it on the
 * summaries from its cache. One pass over all of them for the filters, the
 * counts and the owner choices; a first page is selected without a sort.
 * @public
 */
export function queryConnectors(
  all: ConnectorSummary[],
  query: ConnectorQuery,
  healthSinceOf: HealthSinceOf = item => item.healthSince,
): ConnectorQueryResult {
  const words = lower(query.text).split(/\s+/).filter(Boolean);
  const filtered =
    Boolean(query.owner || query.health || query.cluster) || words.length > 0;
  let matching: ConnectorSummary[] = filtered ? [] : all;
  const byHealth: HealthCounts = {};
  const owners = new Set<string>();
  const byOwner: Record<string, HealthCounts> = {};
  for (const item of all) {
    if (item.owner) {
      owners.add(item.owner);
    }
    const ownerCounts = (byOwner[item.owner ?? NO_OWNER] ??= {});
    ownerCounts[item.health] = (ownerCounts[item.health] ?? 0) + 1;
    if (!filtered || matches(item, query, words)) {
      byHealth[item.health] = (byHealth[item.health] ?? 0) + 1;
      if (filtered) {
        matching.push(item);
      }
    }
  }
  const total = matching.length;
  const offset = query.offset ?? 0;
  const end = query.limit === undefined ? undefined : offset + query.limit;
  if (query.sort) {
    const field = query.sort;
    const direction = query.order === 'desc' ? -1 : 1;
    const keyOf = (item: ConnectorSummary) =>
      sortKey(item, field, healthSinceOf);
    const compare = (a: Keyed, b: Keyed) => {
      if (a.key !== b.key) {
        return (a.key < b.key ? -1 : 1) * direction;
      }
      return compareIdentity(a.item, b.item);
    };
    matching = (
      end !== undefined && end * 8 < matching.length
        ? firstInOrder(matching, end, keyOf, compare)
        : matching.map(item => ({ item, key: keyOf(item) })).sort(compare)
    ).map(entry => entry.item);
  }
  const items = matching.slice(offset, end).map(item => {
    const healthSince = healthSinceOf(item);
    return healthSince === item.healthSince ? item : { ...item, healthSince };
  });
  return {
    items,
    total,
    offset,
    byHealth,
    owners: [...owners].sort(),
    byOwner,
  };
}
