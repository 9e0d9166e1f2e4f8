import { mockServices } from '@backstage/backend-test-utils';
import { StrimziResourceCache } from './StrimziResourceCache';
import { eventually } from './__testUtils__/cacheTesting';
import {
  FakeApiServer,
  json,
  listOf,
  object,
} from './__testUtils__/fakeApiServer';

const resource = (namespace: string, annotations?: Record<string, string>) => ({
  cluster: 'eu-1',
  kind: 'KafkaConnector' as const,
  resource: { metadata: { name: 'c', namespace, annotations } },
});

describe('StrimziResourceCache.ownerOf', () => {
  // No cluster is started: Namespace annotations are unknown, config applies.
  const cache = new StrimziResourceCache([], mockServices.logger.mock(), {
    namespaceOwners: { billing: 'team-billing' },
    namespaceSystems: { billing: 'payments' },
    defaultOwner: 'group:default/platform-team',
  });

  it("prefers the resource's owner annotation", () => {
    expect(
      cache.ownerOf(
        resource('billing', { 'kafka-connect.dev/owner': 'team-orders' }),
      ),
    ).toMatchObject({ owner: 'group:default/team-orders', source: 'resource' });
  });

  it('falls back to the namespaceOwners config, then the default owner', () => {
    expect(cache.ownerOf(resource('billing'))).toMatchObject({
      owner: 'group:default/team-billing',
      source: 'config',
    });
    expect(cache.ownerOf(resource('elsewhere'))).toMatchObject({
      owner: 'group:default/platform-team',
      source: 'default',
    });
  });

  it('has no owner without config and annotations', () => {
    const bare = new StrimziResourceCache([], mockServices.logger.mock());
    expect(bare.ownerOf(resource('billing')).owner).toBeUndefined();
    expect(bare.namespaceAnnotations('eu-1', 'billing')).toBeUndefined();
  });

  it('takes the system from the annotation, else namespaceSystems', () => {
    expect(
      cache.systemOf(
        resource('billing', { 'kafka-connect.dev/system': 'Shop' }),
      ),
    ).toBe('system:default/shop');
    expect(cache.systemOf(resource('billing'))).toBe('system:default/payments');
    expect(cache.systemOf(resource('elsewhere'))).toBeUndefined();
  });
});

describe('StrimziResourceCache indexes, against a scripted API server', () => {
  it('moves one resource in the index on a change instead of rebuilding it from every resource', async () => {
    const server = new FakeApiServer((request, response) => {
      if (request.path === '/apis') {
        json(response, 200, {
          groups: [
            {
              name: 'kafka.strimzi.io',
              versions: [
                { groupVersion: 'kafka.strimzi.io/v1', version: 'v1' },
              ],
            },
          ],
        });
        return undefined;
      }
      if (request.watch) {
        return 'watch';
      }
      json(
        response,
        200,
        listOf(
          '10',
          request.path.endsWith('/kafkaconnectors')
            ? [
                object('a', '5', {
                  labels: { 'backstage.io/kubernetes-id': 'orders' },
                }),
              ]
            : [],
        ),
      );
      return undefined;
    });
    const kubeConfig = await server.start();
    const cache = new StrimziResourceCache(
      [
        {
          name: 'fake',
          url: kubeConfig.getCurrentCluster()!.server,
          auth: { type: 'serviceAccount', token: 'test-token' },
          skipTLSVerify: true,
          namespaces: [],
        },
      ],
      mockServices.logger.mock(),
    );
    cache.start();
    try {
      expect(await cache.waitForSync()).toBe(true);
      expect(cache.byKubernetesId('orders')).toHaveLength(1);
      let connectorWatch = await server.nextWatch();
      while (!connectorWatch.request.path.endsWith('/kafkaconnectors')) {
        connectorWatch = await server.nextWatch();
      }
      const list = jest.spyOn(cache, 'list');
      connectorWatch.send(
        'MODIFIED',
        object('a', '11', {
          labels: { 'backstage.io/kubernetes-id': 'billing' },
        }),
      );
      await eventually(() => cache.byKubernetesId('billing').length === 1);
      expect(cache.byKubernetesId('orders')).toEqual([]);
      expect(list).not.toHaveBeenCalled();
    } finally {
      await cache.stop();
      await server.stop();
    }
  });
});
