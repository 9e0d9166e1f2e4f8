import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { strimziResourceCacheServiceRef } from '@kcs/plugin-kafka-connect-node';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  catalogModuleKafkaConnect,
  readCatalogOwnershipConfig,
} from './module';
import { ConfigReader } from '@backstage/config';

describe('catalogModuleKafkaConnect', () => {
  it('registers its entity provider with the catalog', async () => {
    const addEntityProvider = jest.fn();
    const cache = {
      clusters: () => [],
      list: () => [],
      subscribe: jest.fn(() => () => {}),
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
    expect(provider.getProviderName()).toBe('kafka-connect');
    await provider.connect({ applyMutation: jest.fn(), refresh: jest.fn() });
    expect(cache.subscribe).toHaveBeenCalled();
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
