import { mockServices } from '@backstage/backend-test-utils';
import type { ResourceChange } from '@kcs/plugin-kafka-connect-node';
import { resolveOwner } from '@kcs/plugin-kafka-connect-common';
import { KafkaConnectEntityProvider } from './KafkaConnectEntityProvider';

const connector = (name: string) => ({
  metadata: {
    name,
    namespace: 'orders',
    labels: { 'strimzi.io/cluster': 'connect' },
  },
});

function setup(synced = true) {
  let listener: (change: ResourceChange) => void = () => {};
  let namespaceAnnotations: Record<string, string> = {
    'kafka-connect.dev/owner': 'team-ns',
  };
  const resources: Record<string, any[]> = {
    KafkaConnector: [connector('a')],
    KafkaConnect: [],
    KafkaMirrorMaker2: [],
  };
  const cache = {
    clusters: () => [{ name: 'eu-1', synced }],
    list: (kind: string) =>
      resources[kind].map(resource => ({ cluster: 'eu-1', kind, resource })),
    subscribe: (l: typeof listener) => {
      listener = l;
      return () => {};
    },
    namespaceAnnotations: jest.fn(() => namespaceAnnotations),
    // The cache's owner resolution reads the Namespace's annotations too.
    ownerOf: jest.fn(({ resource }: { resource: any }) =>
      resolveOwner({
        resourceAnnotations: resource.metadata?.annotations,
        namespace: resource.metadata?.namespace,
        namespaceAnnotations,
      }),
    ),
  };
  const requestRefresh = jest.fn();
  const provider = new KafkaConnectEntityProvider({
    cache: cache as any,
    config: {},
    logger: mockServices.logger.mock(),
    requestRefresh,
  });
  const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
  return {
    provider,
    connection,
    cache,
    setNamespaceAnnotations: (next: Record<string, string>) => {
      namespaceAnnotations = next;
    },
    requestRefresh,
    emit: (change: ResourceChange) => listener(change),
  };
}

describe('KafkaConnectEntityProvider', () => {
  it('applies a full mutation of every resource, keyed by cluster', async () => {
    const { provider, connection, cache } = setup();
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toEqual({
      applied: true,
      count: 1,
    });
    expect(cache.namespaceAnnotations).toHaveBeenCalledWith('eu-1', 'orders');
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    expect(mutation.entities).toHaveLength(1);
    expect(mutation.entities[0].locationKey).toBe('kafka-connect:eu-1');
    expect(mutation.entities[0].entity.spec.owner).toBe(
      'group:default/team-ns',
    );
  });

  it('skips the full mutation while a cluster has not synced, so nothing is deleted', async () => {
    const { provider, connection } = setup(false);
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toEqual({
      applied: false,
      count: 0,
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('turns watch changes into ordered deltas, and the first list into a refresh request', async () => {
    const { provider, connection, emit, requestRefresh } = setup();
    await provider.connect(connection);
    emit({
      type: 'upsert',
      cluster: 'eu-1',
      kind: 'KafkaConnector',
      resource: connector('b'),
    });
    emit({
      type: 'delete',
      cluster: 'eu-1',
      kind: 'KafkaConnector',
      resource: connector('b'),
    });
    emit({ type: 'synced', cluster: 'eu-1', kind: 'KafkaConnector' });
    // A second sync (a newly served API version) is left to the schedule.
    emit({ type: 'synced', cluster: 'eu-1', kind: 'KafkaConnector' });
    await provider.settled();
    const [added, removed] = connection.applyMutation.mock.calls.map(
      call => call[0],
    );
    expect(added.type).toBe('delta');
    expect(added.added[0].entity.metadata.name).toBe('kctr.eu-1.orders.b');
    expect(added.added[0].locationKey).toBe('kafka-connect:eu-1');
    expect(removed.removed[0].entity.metadata.name).toBe('kctr.eu-1.orders.b');
    expect(removed.added).toEqual([]);
    expect(connection.applyMutation).toHaveBeenCalledTimes(2);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
  });

  it("re-emits a namespace's entities when its owner annotation changes", async () => {
    const { provider, connection, emit, setNamespaceAnnotations } = setup();
    await provider.connect(connection);
    setNamespaceAnnotations({ 'kafka-connect.dev/owner': 'team-new' });
    emit({
      type: 'namespaces',
      cluster: 'eu-1',
      kind: 'KafkaConnector',
      namespace: 'elsewhere',
    });
    emit({
      type: 'namespaces',
      cluster: 'eu-1',
      kind: 'KafkaConnector',
      namespace: 'orders',
    });
    await provider.settled();
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('delta');
    expect(mutation.removed).toEqual([]);
    expect(mutation.added.map((a: any) => a.entity.spec.owner)).toEqual([
      'group:default/team-new',
    ]);
  });
});
