import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';

/** How the benchmark's connectors are spread over namespaces and entities. */
export interface BenchLayout {
  connectorCount: number;
  namespaces: number;
  connectorsPerEntity: number;
}

const PARALLEL_CREATES = 32;

export function entityCountOf(layout: BenchLayout): number {
  return Math.max(
    1,
    Math.floor(layout.connectorCount / layout.connectorsPerEntity),
  );
}

/** The Component that owns connector `i` (through `backstage.io/kubernetes-id`). */
export function entityNameFor(layout: BenchLayout, i: number): string {
  return `component-${i % entityCountOf(layout)}`;
}

/** The Components of the mock catalog, one per `backstage.io/kubernetes-id` value. */
export function benchEntities(layout: BenchLayout) {
  return Array.from({ length: entityCountOf(layout) }, (_unused, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: entityNameFor(layout, i),
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': entityNameFor(layout, i),
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  }));
}

/**
 * Creates the namespaces and the KafkaConnectors in the real API server,
 * `PARALLEL_CREATES` requests in flight; returns seconds taken.
 */
export async function loadConnectors(
  kubeConfig: KubeConfig,
  layout: BenchLayout,
): Promise<{ seconds: number; parallel: number }> {
  const started = Date.now();
  const core = kubeConfig.makeApiClient(CoreV1Api);
  for (let i = 0; i < layout.namespaces; i++) {
    await core.createNamespace({ body: { metadata: { name: `bench-${i}` } } });
  }
  const api = kubeConfig.makeApiClient(CustomObjectsApi);
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL_CREATES }, async () => {
      for (let i = next++; i < layout.connectorCount; i = next++) {
        await api.createNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace: `bench-${i % layout.namespaces}`,
          plural: 'kafkaconnectors',
          body: {
            apiVersion: 'kafka.strimzi.io/v1',
            kind: 'KafkaConnector',
            metadata: {
              name: `connector-${i}`,
              labels: {
                'strimzi.io/cluster': 'connect',
                'backstage.io/kubernetes-id': entityNameFor(layout, i),
              },
            },
            spec: {
              class: 'io.debezium.connector.mysql.MySqlConnector',
              tasksMax: 2,
              config: { 'topic.prefix': `p${i}` },
            },
          },
        });
      }
    }),
  );
  return { seconds: (Date.now() - started) / 1000, parallel: PARALLEL_CREATES };
}
