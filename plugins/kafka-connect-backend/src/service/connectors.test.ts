import type {
  CachedResource,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import { findConnector, permissionResourceOf } from './connectors';

const items: CachedResource[] = [
  {
    cluster: 'eu-1',
    kind: 'KafkaConnector',
    resource: {
      metadata: {
        namespace: 'orders',
        name: 'cdc',
        annotations: { 'kafka-connect.dev/owner': 'team-orders' },
      },
    },
  },
  {
    cluster: 'eu-1',
    kind: 'KafkaConnector',
    resource: { metadata: { namespace: 'billing', name: 'sink' } },
  },
  {
    cluster: 'us-1',
    kind: 'KafkaMirrorMaker2',
    resource: {
      metadata: {
        namespace: 'replication',
        name: 'mirror',
        annotations: { 'kafka-connect.dev/owner': 'not a ref!' },
      },
    },
  },
];

const cache = {
  get: (kind, cluster, namespace, name) =>
    items.find(
      item =>
        item.kind === kind &&
        item.cluster === cluster &&
        item.resource.metadata.namespace === namespace &&
        item.resource.metadata.name === name,
    ),
} as Partial<StrimziResourceReader> as StrimziResourceReader;

describe('findConnector', () => {
  it('finds KafkaConnectors and KafkaMirrorMaker2s', () => {
    expect(
      findConnector(cache, {
        cluster: 'us-1',
        namespace: 'replication',
        name: 'mirror',
      })?.kind,
    ).toBe('KafkaMirrorMaker2');
    expect(
      findConnector(cache, {
        cluster: 'us-1',
        namespace: 'orders',
        name: 'cdc',
      }),
    ).toBeUndefined();
  });
});

describe('permissionResourceOf', () => {
  // The cache resolves owners (annotation, Namespace, config, default); the loader passes them on.
  const owners: Record<string, string | undefined> = {
    'eu-1/orders/cdc': 'group:default/team-orders',
    'eu-1/billing/sink': 'group:default/team-billing',
  };
  const resolving = {
    ...cache,
    ownerOf: ({ cluster, resource }: CachedResource) => {
      const owner =
        owners[
          `${cluster}/${resource.metadata.namespace}/${resource.metadata.name}`
        ];
      return owner
        ? { owner, source: 'namespace' as const, warnings: [] }
        : { source: 'none' as const, warnings: [] };
    },
  } as StrimziResourceReader;

  it("carries the cache's resolved owner", () => {
    expect(permissionResourceOf('eu-1/orders/cdc', resolving)).toEqual({
      cluster: 'eu-1',
      namespace: 'orders',
      name: 'cdc',
      kind: 'KafkaConnector',
      owner: 'group:default/team-orders',
    });
    expect(permissionResourceOf('eu-1/billing/sink', resolving)?.owner).toBe(
      'group:default/team-billing',
    );
  });

  it('has no owner when none resolves, and no resource for unknown refs', () => {
    const mirror = permissionResourceOf('us-1/replication/mirror', resolving);
    expect(mirror).toMatchObject({ kind: 'KafkaMirrorMaker2' });
    expect(mirror).not.toHaveProperty('owner');
    expect(permissionResourceOf('eu-1/orders/nope', resolving)).toBeUndefined();
    expect(permissionResourceOf('not-a-ref', resolving)).toBeUndefined();
  });
});
