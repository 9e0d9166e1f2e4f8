import { mockServices } from '@backstage/backend-test-utils';
import { StrimziResourceCache } from './StrimziResourceCache';

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
