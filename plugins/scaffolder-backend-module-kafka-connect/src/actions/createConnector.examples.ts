import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const mysql = {
  blueprint: 'debezium-mysql-source',
  parameters: {
    instance: 'orders',
    database: 'shop',
    table: 'orders',
    version: 'v1',
    serverId: 184054,
  },
  cluster: 'eu-1',
  namespace: 'orders',
  connectCluster: 'orders-connect',
  owner: 'group:default/team-orders',
  system: 'system:default/orders',
};

const step = (name: string, input: Record<string, unknown>) =>
  stringify({
    steps: [
      {
        id: 'connector',
        action: 'kafka-connect:connector:create',
        name,
        input,
      },
    ],
  });

/** Examples of `kafka-connect:connector:create`, each run by the examples test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Write a Debezium MySQL KafkaConnector manifest into the workspace for a pull request to a GitOps repository.',
    example: step('Render the connector manifest', {
      ...mysql,
      output: 'manifest',
      filePath: 'connectors/ordersmysql-shop-orders-v1.yaml',
    }),
  },
  {
    description:
      "Append a PostgreSQL CDC connector to the `connectors:` list of a Helm chart's values file, keeping its comments.",
    example: step('Add the connector to values.yaml', {
      blueprint: 'debezium-postgres-source',
      parameters: {
        instance: 'orders',
        database: 'billing',
        table: 'invoices',
        version: 'v2',
      },
      cluster: 'eu-1',
      namespace: 'orders',
      connectCluster: 'orders-connect',
      owner: 'group:default/team-orders',
      output: 'helm-values',
      filePath: 'charts/connect/values.yaml',
    }),
  },
  {
    description:
      'Apply an HTTP sink to the cluster now (server-side apply), paused, with two tasks.',
    example: step('Apply the connector', {
      blueprint: 'http-sink',
      parameters: {
        service: 'billing',
        endpoint: 'invoices',
        topics: 'ordersmysql.shop.orders',
        version: 'v1',
      },
      cluster: 'eu-1',
      namespace: 'orders',
      connectCluster: 'orders-connect',
      owner: 'group:default/team-orders',
      tasksMax: 2,
      state: 'paused',
      output: 'apply',
    }),
  },
];
