import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  type ResourceChange,
  strimziResourceCacheServiceRef,
} from '@kcs/plugin-kafka-connect-node';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogModuleKafkaConnect } from './module';
import { readCatalogOwnershipConfig } from './provider/scheduledProvider';
import { ConfigReader } from '@backstage/config';

describe('catalogModuleKafkaConnect', () => {
  it("registers a provider that turns the shared cache's changes into catalog entities, owned as the cache resolved", async () => {
    const addEntityProvider = jest.fn();
    let listener: ((change: ResourceChange) => void) | undefined;
    const cache = {
      clusters: () => [{ name: 'eu-1', synced: true }],
      list: () => [],
      namespaceAnnotations: () => undefined,
      // The shared cache resolves owners (from kafkaConnect.catalog, among others).
      ownerOf: () => ({
        owner: 'group:default/platform',
        source: 'config',
        warnings: [],
      }),
      subscribe: (next: (change: ResourceChange) => void) => {
        listener = next;
        return () => {};
      },
    };
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider }],
      ],
      features: [
        catalogModuleKafkaConnect,
        createServiceFactory({
          service: strimziResourceCacheServiceRef,
          deps: {},
          factory: () => cache as any,
        }),
      ],
    });
    expect(addEntityProvider).toHaveBeenCalledTimes(1);
    const provider = addEntityProvider.mock.calls[0][0];
    const applyMutation = jest.fn();
    await provider.connect({ applyMutation, refresh: jest.fn() });

    listener!({
      type: 'upsert',
      cluster: 'eu-1',
      kind: 'KafkaConnector',
      resource: {
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaConnector',
        metadata: {
          name: 'orders-cdc',
          namespace: 'orders',
          labels: { 'strimzi.io/cluster': 'orders-connect' },
        },
        spec: { class: 'io.debezium.connector.mysql.MySqlConnector' },
      },
    });
    // The provider applies changes in order on a queue of its own.
    for (let i = 0; i < 100 && applyMutation.mock.calls.length === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    expect(applyMutation).toHaveBeenCalledTimes(1);
    const mutation = applyMutation.mock.calls[0][0];
    expect(mutation).toMatchObject({ type: 'delta', removed: [] });
    expect(mutation.added).toHaveLength(1);
    expect(mutation.added[0].entity).toMatchObject({
      kind: 'Resource',
      spec: { owner: 'group:default/platform' },
    });
    expect(JSON.stringify(mutation.added[0].entity)).toContain('orders-cdc');
  });

  it('reads the owner settings and the portal URL from config', () => {
    expect(
      readCatalogOwnershipConfig(
        new ConfigReader({
          app: { baseUrl: 'http://portal' },
          kafkaConnect: {
            catalog: {
              defaultOwner: 'platform',
              namespaceOwners: { orders: 'team-orders' },
              namespaceSystems: { orders: 'orders' },
            },
          },
        }),
      ),
    ).toEqual({
      appBaseUrl: 'http://portal',
      defaultOwner: 'platform',
      namespaceOwners: { orders: 'team-orders' },
      namespaceSystems: { orders: 'orders' },
    });
    expect(readCatalogOwnershipConfig(new ConfigReader({}))).toEqual({});
  });
});
