import { loadBuiltIn } from './builtIns';
import type { ConnectorBlueprint } from '../types';

/** The built-in MySQL blueprint with a compact values entry, as a chart team sets it. */
export function compactMysql(): ConnectorBlueprint {
  return {
    ...loadBuiltIn('debezium-mysql-source'),
    helmValues: {
      path: ['connectors'],
      style: 'compact',
      name: '{{source.instance | lower | noUnderscores}}mysql-{{source.database | lower | noUnderscores}}-{{source.table | lower | noUnderscores}}-{{version}}',
      entry: {
        connectorTemplate: 'connector.debeziumMysqlSourceConnector',
        version: '{{version}}',
        source: {
          instance: '{{instance}}',
          database: '{{database}}',
          table: '{{table}}',
          serverId: '{{serverId}}',
        },
        connectCluster: '{{connectCluster}}',
        owner: '{{owner}}',
        tasksMax: '{{tasksMax}}',
        state: '{{state}}',
      },
    },
  };
}

/** A values file as a chart team keeps it, with comments and a hand-written entry. */
export const CHART_VALUES = `# Connectors of the orders Connect cluster (synced by Argo CD)
connectCluster: orders-connect
connectors:
  # the legacy table, written by hand
  - connectorTemplate: "connector.debeziumMysqlSourceConnector"
    version: "2025042401"
    source: { instance: "Instance2", database: "schema_2", table: "table2", serverId: 7 }
  - connectorTemplate: connector.debeziumMysqlSourceConnector # the shop
    version: v1
    source:
      instance: orders
      database: shop
      table: orders
      serverId: 184054
    connectCluster: orders-connect
    owner: group:default/team-orders
    tasksMax: 2 # raised for the sale
`;
