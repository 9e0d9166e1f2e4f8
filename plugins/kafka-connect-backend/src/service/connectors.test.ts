import { ConfigReader } from '@backstage/config';
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
  const noConfig = new ConfigReader({});

  it("resolves the connector's owner to a full ref", async () => {
    expect(
      await permissionResourceOf('eu-1/orders/cdc', cache, noConfig),
    ).toEqual({
      cluster: 'eu-1',
      namespace: 'orders',
      name: 'cdc',
      kind: 'KafkaConnector',
      owner: 'group:default/team-orders',
    });
  });

  it('falls back to the configured namespace owner and default owner', async () => {
    const config = new ConfigReader({
      kafkaConnect: {
        catalog: {
          namespaceOwners: { billing: 'group:default/team-billing' },
          defaultOwner: 'group:default/platform-team',
        },
      },
    });
    expect(
      (await permissionResourceOf('eu-1/billing/sink', cache, config))?.owner,
    ).toBe('group:default/team-billing');
    expect(
      (await permissionResourceOf('us-1/replication/mirror', cache, config))
        ?.owner,
    ).toBe('group:default/platform-team');
  });

  it("reads the Namespace's owner annotation only when the resource names none", async () => {
    const lookups: string[] = [];
    const namespaceAnnotationsOf = async (
      cluster: string,
      namespace: string,
    ) => {
      lookups.push(`${cluster}/${namespace}`);
      return { 'kafka-connect.dev/owner': 'team-billing' };
    };
    expect(
      (
        await permissionResourceOf(
          'eu-1/billing/sink',
          cache,
          noConfig,
          namespaceAnnotationsOf,
        )
      )?.owner,
    ).toBe('group:default/team-billing');
    expect(
      (
        await permissionResourceOf(
          'eu-1/orders/cdc',
          cache,
          noConfig,
          namespaceAnnotationsOf,
        )
      )?.owner,
    ).toBe('group:default/team-orders');
    expect(lookups).toEqual(['eu-1/billing']);
  });

  it('has no owner when none is valid, and no resource for unknown refs', async () => {
    const mirror = await permissionResourceOf(
      'us-1/replication/mirror',
      cache,
      noConfig,
    );
    expect(mirror).toMatchObject({ kind: 'KafkaMirrorMaker2' });
    expect(mirror).not.toHaveProperty('owner');
    expect(
      await permissionResourceOf('eu-1/orders/nope', cache, noConfig),
    ).toBeUndefined();
    expect(
      await permissionResourceOf('not-a-ref', cache, noConfig),
    ).toBeUndefined();
  });
});
