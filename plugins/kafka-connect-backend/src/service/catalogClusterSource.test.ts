import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  addCustomAuthStrategy,
  DefaultKafkaConnectClusterRegistry,
} from '@kcs/plugin-kafka-connect-node';
import {
  CatalogClusterSource,
  readCatalogClusterLocator,
} from './catalogClusterSource';

function clusterEntity(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      annotations: {
        'kubernetes.io/api-server': `https://${name}.example.com`,
        'kubernetes.io/api-server-certificate-authority': 'Q0E=',
        'kubernetes.io/auth-provider': 'unit-vault',
        ...annotations,
      },
    },
    spec: { type: 'kubernetes-cluster' },
  };
}

// Strategies are registered once per process, as a backend module would.
addCustomAuthStrategy('unit-vault', {
  getCredential: async () => ({ type: 'bearer token', token: 't' }),
  validateCluster: () => [],
  presentAuthMetadata: () => ({}),
});

function setup(entities: Entity[]) {
  const registry = new DefaultKafkaConnectClusterRegistry();
  const logger = mockServices.logger.mock();
  const source = new CatalogClusterSource({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    registry,
    logger,
    rootConfig: new ConfigReader({}),
    locator: {},
    lookup: async () => ['93.184.216.34'],
  });
  return { registry, logger, source };
}

describe('CatalogClusterSource', () => {
  it('registers the kubernetes-cluster Resources, not other entities', async () => {
    const { registry, source } = setup([
      clusterEntity('prod-eu'),
      { ...clusterEntity('not-a-cluster'), spec: { type: 'database' } },
    ]);
    await source.refresh();
    expect(registry.list('catalog').map(c => c.name)).toEqual(['prod-eu']);
    expect(registry.get('prod-eu')).toMatchObject({
      url: 'https://prod-eu.example.com',
      auth: { type: 'strategy', authProvider: 'unit-vault' },
    });
  });

  it('leaves out an entity named like a configured cluster, warning once', async () => {
    const { registry, logger, source } = setup([clusterEntity('eu-1')]);
    registry.setClusters('config', [
      {
        name: 'eu-1',
        url: 'https://eu.example.com',
        auth: { type: 'serviceAccount', token: 't' },
        skipTLSVerify: false,
        namespaces: [],
      },
    ]);
    await source.refresh();
    await source.refresh();
    expect(registry.get('eu-1')?.url).toBe('https://eu.example.com');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      "catalog cluster resource:default/eu-1: a cluster named 'eu-1' is configured already; this entity is left out",
    );
  });

  it('warns about an entity it cannot use, naming the entity and the reason', async () => {
    const { registry, logger, source } = setup([
      clusterEntity('Bad_Name'),
      clusterEntity('sa-cluster', {
        'kubernetes.io/auth-provider': 'serviceAccount',
      }),
    ]);
    await source.refresh();
    expect(registry.list()).toEqual([]);
    const warnings = logger.warn.mock.calls.map(call => String(call[0]));
    expect(warnings).toEqual([
      expect.stringContaining(
        "catalog cluster resource:default/Bad_Name is not watched: catalog cluster resource:default/Bad_Name.name 'Bad_Name' is not valid",
      ),
      expect.stringContaining(
        'catalog cluster resource:default/sa-cluster is not watched: its kubernetes.io/auth-provider is serviceAccount',
      ),
    ]);
  });
});

describe('readCatalogClusterLocator', () => {
  it("reads the Kubernetes plugin's catalog locator when the suite has no clusters of its own", () => {
    expect(
      readCatalogClusterLocator(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              { type: 'config', clusters: [] },
              { type: 'catalog', dangerouslyAllowClusterUrls: ['k.local'] },
            ],
          },
          kafkaConnect: { catalogClusters: { refreshSeconds: 5 } },
        }),
      ),
    ).toEqual({
      refreshSeconds: 5,
      dangerouslyAllowClusterUrls: ['k.local'],
      dangerouslyAllowSkipTLSVerify: undefined,
    });
  });

  it('is off without a catalog locator or with kafkaConnect.clusters', () => {
    expect(
      readCatalogClusterLocator(
        new ConfigReader({
          kubernetes: { clusterLocatorMethods: [{ type: 'config' }] },
        }),
      ),
    ).toBeUndefined();
    expect(
      readCatalogClusterLocator(
        new ConfigReader({
          kubernetes: { clusterLocatorMethods: [{ type: 'catalog' }] },
          kafkaConnect: { clusters: [] },
        }),
      ),
    ).toBeUndefined();
  });

  it('names the key of a refresh period that is not positive', () => {
    expect(() =>
      readCatalogClusterLocator(
        new ConfigReader({
          kubernetes: { clusterLocatorMethods: [{ type: 'catalog' }] },
          kafkaConnect: { catalogClusters: { refreshSeconds: 0 } },
        }),
      ),
    ).toThrow(
      'kafkaConnect.catalogClusters.refreshSeconds must be a positive number of seconds, not 0',
    );
  });
});
