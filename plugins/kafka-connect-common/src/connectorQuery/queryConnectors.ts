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

function sortKey(
  item: ConnectorSummary,
  field: ConnectorSortField,
): string | number {
  if (field === 'health') {
    // Worst first when ascending: the order an operator reads in.
    return -CONNECTOR_HEALTHS.indexOf(item.health);
  }
  return lower(item[field]);
}

/** A stable tie-break: the connector's identity. */
const identity = (item: ConnectorSummary) =>
  `${item.cluster}/${item.namespace}/${item.name}/${item.kind}`;

/**
 * Filters, sorts and pages connector summaries for `GET /connectors`, and
 * counts the matching ones per health. Pure; the backend calls it on the
 * summaries from its cache.
 */
export function queryConnectors(
  all: ConnectorSummary[],
  query: ConnectorQuery,
): ConnectorQueryResult {
  const words = lower(query.text).split(/\s+/).filter(Boolean);
  let matching = all.filter(item => matches(item, query, words));
  const byHealth: HealthCounts = {};
  for (const item of matching) {
    byHealth[item.health] = (byHealth[item.health] ?? 0) + 1;
  }
  if (query.sort) {
    const field = query.sort;
    const direction = query.order === 'desc' ? -1 : 1;
    const keyed = matching.map(item => ({
      item,
      key: sortKey(item, field),
      id: identity(item),
    }));
    keyed.sort((a, b) => {
      if (a.key !== b.key) {
        return (a.key < b.key ? -1 : 1) * direction;
      }
      return a.id < b.id ? -1 : 1;
    });
    matching = keyed.map(entry => entry.item);
  }
  const offset = query.offset ?? 0;
  const items =
    query.limit === undefined
      ? matching.slice(offset)
      : matching.slice(offset, offset + query.limit);
  const owners = [
    ...new Set(all.map(item => item.owner).filter((o): o is string => !!o)),
  ].sort();
  return { items, total: matching.length, offset, byHealth, owners };
}
