import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  type CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { useTestCluster } from '@kcs/dev-cluster';
import { kafkaConnectAuthStrategyExtensionPoint } from '@kcs/plugin-kafka-connect-node';
import request from 'supertest';
import { kafkaConnectPlugin } from './plugin';

const getCluster = useTestCluster();

/** A catalog whose entities the test swaps while the backend runs. */
function swappableCatalog(entities: Entity[]) {
  let current = catalogServiceMock({ entities });
  const proxy = new Proxy({} as CatalogService, {
    get(_target, member) {
      // Methods go to the current catalog; anything else (`then` when the
      // factory's result is awaited) is read as is.
      const value = (current as any)[member];
      return typeof value === 'function'
        ? (...args: unknown[]) => (current as any)[member](...args)
        : value;
    },
  });
  return {
    factory: createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => proxy,
    }),
    setEntities(next: Entity[]) {
      current = catalogServiceMock({ entities: next });
    },
  };
}

function clusterEntity(name: string, server: string, caData?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      annotations: {
        'kubernetes.io/api-server': server,
        'kubernetes.io/api-server-certificate-authority': caData ?? '',
        'kubernetes.io/auth-provider': 'test-vault',
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  };
}

describe('clusters located through the catalog', () => {
  it('watches a kubernetes-cluster Resource once the catalog has it, and drops it when the catalog no longer does', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('catalog-clusters');
    await cluster.apply([
      {
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaConnector',
        metadata: {
          name: 'located-sink',
          namespace,
          labels: { 'strimzi.io/cluster': 'connect' },
        },
        spec: {
          class: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
          tasksMax: 1,
          config: { topics: 't' },
        },
      } as never,
    ]);
    // The credential comes from a module's strategy, as the catalog cannot hold tokens.
    const tokenModule = createBackendModule({
      pluginId: 'kafka-connect',
      moduleId: 'test-vault',
      register(env) {
        env.registerInit({
          deps: { strategies: kafkaConnectAuthStrategyExtensionPoint },
          async init({ strategies }) {
            strategies.addAuthStrategy('test-vault', {
              getCredential: async () => ({
                type: 'bearer token',
                token: cluster.portalToken,
              }),
              validateCluster: () => [],
              presentAuthMetadata: () => ({}),
            });
          },
        });
      },
    });
    const url = new URL(cluster.server);
    const located = clusterEntity('located-1', cluster.server, cluster.caData);
    const catalog = swappableCatalog([]);
    const backend = await startTestBackend({
      features: [
        kafkaConnectPlugin,
        tokenModule,
        catalog.factory,
        // The real scheduler, so the catalog is read again every second.
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'catalog',
                  // The local API server is on loopback, which is refused otherwise.
                  dangerouslyAllowClusterUrls: [url.hostname],
                },
              ],
            },
            kafkaConnect: { catalogClusters: { refreshSeconds: 1 } },
          },
        }),
      ],
    });
    const path = `/api/kafka-connect/connectors/located-1/${namespace}/located-sink`;
    const waitFor = async (status: number) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const response = await request(backend.server).get(path);
        if (response.status === status) return response;
        if (Date.now() > deadline) {
          throw new Error(
            `expected ${status} from ${path}, last ${
              response.status
            } ${JSON.stringify(response.body)}`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
    };
    try {
      // Not in the catalog yet: no such cluster.
      expect((await request(backend.server).get(path)).status).toBe(404);

      catalog.setEntities([located]);
      const found = await waitFor(200);
      expect(found.body).toMatchObject({
        cluster: 'located-1',
        namespace,
        name: 'located-sink',
      });
      const clusters = await request(backend.server).get(
        '/api/kafka-connect/clusters',
      );
      expect(clusters.body.items.map((c: { name: string }) => c.name)).toEqual([
        'located-1',
      ]);

      // Removed from the catalog: the cluster and its connectors go.
      catalog.setEntities([]);
      await waitFor(404);
      const after = await request(backend.server).get(
        '/api/kafka-connect/clusters',
      );
      expect(after.body.items).toEqual([]);

      // An entity whose URL the locator refuses (plain http to a private
      // address not in dangerouslyAllowClusterUrls) is not watched.
      catalog.setEntities([
        clusterEntity(
          'located-2',
          `http://10.0.0.1:${url.port}`,
          cluster.caData,
        ),
      ]);
      await new Promise(resolve => setTimeout(resolve, 2_500));
      const listed = await request(backend.server).get(
        '/api/kafka-connect/clusters',
      );
      expect(listed.body.items).toEqual([]);
    } finally {
      await backend.stop();
    }
  }, 90_000);
});
