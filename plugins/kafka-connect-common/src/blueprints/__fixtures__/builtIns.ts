import fs from 'node:fs';
import path from 'node:path';
import { parseBlueprint } from '../parseBlueprint';
import type { ConnectorBlueprint, ConnectorRequest } from '../types';

export const BUILT_IN_DIR = path.resolve(__dirname, '../../../blueprints');

export function loadBuiltIn(id: string): ConnectorBlueprint {
  const source = path.join(BUILT_IN_DIR, `${id}.yaml`);
  const parsed = parseBlueprint(fs.readFileSync(source, 'utf8'), source);
  if (!parsed.blueprint) {
    throw new Error(JSON.stringify(parsed.problems));
  }
  return parsed.blueprint;
}

/** A valid request per built-in blueprint. */
export const SAMPLE_PARAMETERS: Record<string, Record<string, unknown>> = {
  'debezium-mysql-source': {
    instance: 'orders',
    database: 'shop',
    table: 'orders',
    version: 'v1',
    serverId: 184054,
  },
  'debezium-postgres-source': {
    instance: 'orders',
    database: 'billing',
    table: 'invoices',
    version: 'v2',
  },
  'debezium-mongodb-source': {
    instance: 'catalog',
    database: 'products',
    collection: 'items',
    version: 'v1',
  },
  'mirrormaker2-source': {
    sourceAlias: 'eu',
    targetAlias: 'us',
    topicGroup: 'orders',
    topics: 'orders\\..*',
  },
  'bigquery-sink': {
    project: 'shop-analytics',
    dataset: 'orders',
    topics: 'orderspostgres.public.invoices',
    version: 'v1',
  },
  'http-sink': {
    service: 'billing',
    endpoint: 'invoices',
    topics: 'ordersmysql.shop.orders',
    version: 'v1',
  },
};

export function sampleRequest(
  blueprintId: string,
  overrides: Partial<ConnectorRequest> = {},
): ConnectorRequest {
  return {
    blueprintId,
    parameters: { ...SAMPLE_PARAMETERS[blueprintId] },
    cluster: 'eu-1',
    namespace: 'orders',
    connectCluster: 'orders-connect',
    owner: 'group:default/team-orders',
    system: 'system:default/orders',
    template: 'template:default/debezium-mysql-source',
    ...overrides,
  };
}
