import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const current = {
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
  tasksMax: 2,
};

const step = (name: string, input: Record<string, unknown>) =>
  stringify({
    steps: [
      {
        id: 'change',
        action: 'kafka-connect:connector:change',
        name,
        input,
      },
    ],
  });

/** Examples of `kafka-connect:connector:change`. */
export const changeExamples: TemplateExample[] = [
  {
    description:
      "Raise tasksMax from 2 to 5 in the connector's entry of a Helm values file, for a pull request; comments and order stay.",
    example: step('Scale the connector in values.yaml', {
      ...current,
      change: { tasksMax: 5 },
      output: 'helm-values',
      filePath: 'charts/connect/values.yaml',
    }),
  },
  {
    description:
      'Scale a running connector to 5 tasks now, through the KafkaConnector scale subresource.',
    example: step('Scale the connector', {
      ...current,
      change: { tasksMax: 5 },
      output: 'apply',
    }),
  },
  {
    description:
      'Roll the connector to a new version in the cluster: creates ordersmysql-shop-orders-v2, then deletes ordersmysql-shop-orders-v1.',
    example: step('Roll a new version', {
      ...current,
      change: { version: 'v2' },
      output: 'apply',
    }),
  },
];
