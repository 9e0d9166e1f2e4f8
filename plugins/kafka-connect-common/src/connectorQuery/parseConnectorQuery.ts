import { CONNECTOR_HEALTHS, ConnectorHealth } from '../api';
import {
  CONNECTOR_SORT_FIELDS,
  ConnectorQuery,
  ConnectorSortField,
  MAX_CONNECTOR_PAGE,
} from './queryConnectors';

/** The query parameters of `GET /connectors`, as the client sends them. @public */
export function connectorQueryParams(
  query: ConnectorQuery,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [key, String(value)]),
  );
}

function integer(
  raw: string,
  field: string,
  min: number,
  max: number,
  errors: string[],
): number | undefined {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    errors.push(
      `Query parameter '${field}' must be a whole number from ${min} to ${max}, not '${raw}'`,
    );
    return undefined;
  }
  return value;
}

/**
 * Reads `GET /connectors` query parameters (strings, as a server receives
 * them). Returns every problem, each naming the parameter and what it
 * accepts, instead of a half-read query. `clusters` are the configured names.
 * @public
 */
export function parseConnectorQuery(
  raw: Record<string, string | undefined>,
  clusters: string[],
): { query: ConnectorQuery; errors: string[] } {
  const errors: string[] = [];
  const query: ConnectorQuery = {};
  const known = [
    'owner',
    'health',
    'cluster',
    'text',
    'sort',
    'order',
    'offset',
    'limit',
  ];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) {
      errors.push(`Unknown query parameter '${key}': use ${known.join(', ')}`);
    }
  }
  const { owner, health, cluster, text, sort, order, offset, limit } = raw;
  if (owner) {
    query.owner = owner;
  }
  if (text) {
    query.text = text;
  }
  if (cluster) {
    if (clusters.includes(cluster)) {
      query.cluster = cluster;
    } else {
      errors.push(
        `Query parameter 'cluster' names no configured cluster: use one of ${
          clusters.join(', ') || '(none configured)'
        }`,
      );
    }
  }
  if (health) {
    if (CONNECTOR_HEALTHS.includes(health as ConnectorHealth)) {
      query.health = health as ConnectorHealth;
    } else {
      errors.push(
        `Query parameter 'health' must be one of ${CONNECTOR_HEALTHS.join(
          ', ',
        )}, not '${health}'`,
      );
    }
  }
  if (sort) {
    if (CONNECTOR_SORT_FIELDS.includes(sort as ConnectorSortField)) {
      query.sort = sort as ConnectorSortField;
    } else {
      errors.push(
        `Query parameter 'sort' must be one of ${CONNECTOR_SORT_FIELDS.join(
          ', ',
        )}, not '${sort}'`,
      );
    }
  }
  if (order) {
    if (order === 'asc' || order === 'desc') {
      query.order = order;
    } else {
      errors.push(
        `Query parameter 'order' must be asc or desc, not '${order}'`,
      );
    }
  }
  if (offset !== undefined && offset !== '') {
    query.offset = integer(
      offset,
      'offset',
      0,
      Number.MAX_SAFE_INTEGER,
      errors,
    );
  }
  if (limit !== undefined && limit !== '') {
    query.limit = integer(limit, 'limit', 1, MAX_CONNECTOR_PAGE, errors);
  }
  return { query, errors };
}
