import { toConnectorSummary } from './summaries';

const synced = { name: 'us-1', synced: true };

function cachedConnector(annotations: Record<string, string>) {
  return {
    cluster: 'us-1',
    kind: 'KafkaConnector' as const,
    resource: {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnector',
      metadata: {
        name: 'inventorypostgres-stock-levels-v1',
        namespace: 'replication',
        generation: 3,
        labels: { 'strimzi.io/cluster': 'replication-connect' },
        annotations,
      },
      spec: {
        class: 'io.debezium.connector.postgresql.PostgresConnector',
        tasksMax: 2,
        config: { 'database.password': '${secrets:replication/pg:password}' },
      },
    },
  };
}

describe('toConnectorSummary', () => {
  it('carries the GitOps tool and the blueprint origin the change template needs', () => {
    const summary = toConnectorSummary(
      cachedConnector({
        'argocd.argoproj.io/tracking-id':
          'inventory-connectors:kafka.strimzi.io/KafkaConnector:replication/inventorypostgres-stock-levels-v1',
        'kafka-connect.dev/blueprint': 'debezium-postgres-source',
        'kafka-connect.dev/blueprint-parameters':
          '{"instance":"inventory","version":"v1"}',
      }),
      synced,
    );
    expect(summary).toMatchObject({
      name: 'inventorypostgres-stock-levels-v1',
      connectCluster: 'replication-connect',
      tasksMax: 2,
      generation: 3,
      stale: false,
      gitOps: { tool: 'argocd', name: 'inventory-connectors' },
      blueprint: {
        id: 'debezium-postgres-source',
        parameters: { instance: 'inventory', version: 'v1' },
      },
    });
    // never the connector's config, not even its secret references
    expect(JSON.stringify(summary)).not.toContain('secrets:');
  });

  it('leaves both out for a connector made by hand, and marks an unsynced cluster stale', () => {
    const summary = toConnectorSummary(cachedConnector({}), undefined);
    expect(summary).not.toHaveProperty('gitOps');
    expect(summary).not.toHaveProperty('blueprint');
    expect(summary.stale).toBe(true);
  });
});
