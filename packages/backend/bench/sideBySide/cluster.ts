import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';
import { putIntoEtcd, storedConnector } from '../multiCluster/etcdLoad';

/** How the benchmark's connectors are spread over namespaces and entities. */
export interface BenchLayout {
  connectorCount: number;
  namespaces: number;
  connectorsPerEntity: number;
}

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
 * Creates the namespaces through the API server and writes the
 * KafkaConnectors straight into etcd in the API server's storage layout
 * (creating 50,000 through the API server takes the bench machine 10 minutes
 * and more); returns once the API server lists every one, and the seconds taken.
 */
export async function loadConnectors(
  cluster: { kubeConfig(): KubeConfig; ports: { etcdClient: number } },
  layout: BenchLayout,
): Promise<{ seconds: number }> {
  const started = Date.now();
  const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
  for (let i = 0; i < layout.namespaces; i++) {
    await core.createNamespace({ body: { metadata: { name: `bench-${i}` } } });
  }
  await putIntoEtcd(
    cluster.ports.etcdClient,
    Array.from({ length: layout.connectorCount }, (_unused, i) =>
      storedConnector({
        namespace: `bench-${i % layout.namespaces}`,
        name: `connector-${i}`,
        labels: {
          'strimzi.io/cluster': 'connect',
          'backstage.io/kubernetes-id': entityNameFor(layout, i),
        },
        annotations: {},
      }),
    ),
  );
  const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
  for (;;) {
    const page = (await api.listClusterCustomObject({
      group: 'kafka.strimzi.io',
      version: 'v1',
      plural: 'kafkaconnectors',
      limit: 1,
    })) as { items: unknown[]; metadata?: { remainingItemCount?: number } };
    const served = page.items.length + (page.metadata?.remainingItemCount ?? 0);
    if (served === layout.connectorCount) {
      break;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return { seconds: (Date.now() - started) / 1000 };
}
