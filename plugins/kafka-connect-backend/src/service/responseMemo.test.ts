import type { Entity } from '@backstage/catalog-model';
import type { ClusterSyncState } from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  ResourceChange,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import { connectorsOfEntity } from './entityConnectors';
import {
  createSummaryMemo,
  EntityResponseMemo,
  MEMOISED_ENTITIES,
} from './responseMemo';

const synced: ClusterSyncState[] = [{ name: 'eu-1', synced: true }];

/**
 * An in-memory reader: resources in a list, owners from the owner
 * annotation, `emit` announces a change as the watch would.
 */
function fakeReader(resources: CachedResource[] = []) {
  const listeners = new Set<(change: ResourceChange) => void>();
  const ownerOf = ({ resource }: CachedResource) => ({
    owner: resource.metadata?.annotations?.['kafka-connect.dev/owner'],
  });
  const reader = {
    clusters: () => [{ name: 'eu-1', synced: true }],
    list: (kind: string) => resources.filter(r => r.kind === kind),
    get: (kind: string, cluster: string, namespace: string, name: string) =>
      resources.find(
        r =>
          r.kind === kind &&
          r.cluster === cluster &&
          r.resource.metadata.namespace === namespace &&
          r.resource.metadata.name === name,
      ),
    byKubernetesId: (id: string) =>
      resources.filter(
        r => r.resource.metadata.labels?.['backstage.io/kubernetes-id'] === id,
      ),
    byOwner: (ref: string) => resources.filter(r => ownerOf(r).owner === ref),
    bySystem: () => [],
    byConnectCluster: () => [],
    ownerOf,
    systemOf: () => undefined,
    namespaceAnnotations: () => undefined,
    subscribe(listener: (change: ResourceChange) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    addClusters: () => {},
  } as unknown as StrimziResourceReader;
  return {
    reader,
    resources,
    emit(
      change: ResourceChange = {
        type: 'synced',
        cluster: 'eu-1',
        kind: 'KafkaConnector',
      },
    ) {
      for (const listener of listeners) {
        listener(change);
      }
    },
    listeners,
  };
}

const connector = (
  name: string,
  labels: Record<string, string>,
  owner?: string,
): CachedResource => ({
  cluster: 'eu-1',
  kind: 'KafkaConnector',
  resource: {
    metadata: {
      namespace: 'ns',
      name,
      labels: { 'strimzi.io/cluster': 'connect', ...labels },
      annotations: owner ? { 'kafka-connect.dev/owner': owner } : {},
    },
  },
});

// Linked by its kubernetes-id, as the card's rule wants.
const entity = (name: string, annotations: Record<string, string> = {}) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': name, ...annotations },
    },
  } as Entity);

describe('EntityResponseMemo', () => {
  it('reuses an answer until the cache changes', () => {
    const fake = fakeReader();
    const memo = new EntityResponseMemo(fake.reader);
    const build = jest.fn(() => ({ items: [fake.listeners.size] }));
    expect(memo.answer(entity('orders'), synced, build).json).toBe(
      '{"items":[1]}',
    );
    expect(memo.answer(entity('orders'), synced, build).json).toBe(
      '{"items":[1]}',
    );
    expect(build).toHaveBeenCalledTimes(1);
    fake.emit();
    memo.answer(entity('orders'), synced, build);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('rebuilds an answer once a health in it is due for review', () => {
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const memo = new EntityResponseMemo(fakeReader().reader, () => clock);
    const build = jest.fn(() => ({
      items: [
        { health: 'pending', reviewAt: '2026-03-01T10:05:00Z' },
        {
          health: 'healthy',
          components: [{ health: 'failed', reviewAt: '2026-03-01T10:02:00Z' }],
        },
      ],
    }));
    memo.answer(entity('orders'), synced, build);
    clock += 119_000;
    memo.answer(entity('orders'), synced, build);
    expect(build).toHaveBeenCalledTimes(1);
    clock += 1_000;
    memo.answer(entity('orders'), synced, build);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('gives each distinct answer its own weak ETag', () => {
    const memo = new EntityResponseMemo(fakeReader().reader);
    const first = memo.answer(entity('a'), synced, () => ({ n: 1 }));
    const same = memo.answer(entity('b'), synced, () => ({ n: 1 }));
    const other = memo.answer(entity('c'), synced, () => ({ n: 2 }));
    expect(first.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(same.etag).toBe(first.etag);
    expect(other.etag).not.toBe(first.etag);
  });

  it('rebuilds when a cluster sync state or the entity links change', () => {
    const memo = new EntityResponseMemo(fakeReader().reader);
    let built = 0;
    const build = () => ({ built: ++built });
    memo.answer(entity('orders'), synced, build);
    expect(
      memo.answer(entity('orders'), [{ name: 'eu-1', synced: false }], build)
        .json,
    ).toBe('{"built":2}');
    expect(
      memo.answer(
        entity('orders', { 'backstage.io/kubernetes-id': 'other' }),
        [{ name: 'eu-1', synced: false }],
        build,
      ).json,
    ).toBe('{"built":3}');
    // Another entity has its own answer.
    expect(memo.answer(entity('billing'), synced, build).json).toBe(
      '{"built":4}',
    );
    expect(memo.answer(entity('orders'), synced, build).json).toBe(
      '{"built":5}',
    );
  });

  it('keeps at most MEMOISED_ENTITIES answers and stops listening when closed', () => {
    const fake = fakeReader();
    const memo = new EntityResponseMemo(fake.reader);
    for (let i = 0; i < MEMOISED_ENTITIES + 10; i++) {
      memo.answer(entity(`e${i}`), synced, () => i);
    }
    expect(memo.size).toBe(MEMOISED_ENTITIES);
    memo.close();
    expect(fake.listeners.size).toBe(0);
  });

  describe('narrow invalidation', () => {
    const orders = connector('orders-sink', {
      'backstage.io/kubernetes-id': 'orders',
    });
    const billing = connector('billing-sink', {
      'backstage.io/kubernetes-id': 'billing',
    });
    const owned = connector('owned', {}, 'group:default/team-a');
    const setup = () => {
      const fake = fakeReader([orders, billing, owned]);
      const memo = new EntityResponseMemo(fake.reader);
      const builds: string[] = [];
      const ask = (target: Entity) =>
        JSON.parse(
          memo.answer(target, synced, reader => {
            builds.push(target.metadata.name);
            return connectorsOfEntity(target, reader).map(
              c => c.resource.metadata.name,
            );
          }).json,
        );
      const team = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team-a', namespace: 'default' },
        // The relation the catalog module's connector entities create.
        relations: [
          {
            type: 'ownerOf',
            targetRef: 'resource:default/kctr.eu-1.orders.owned',
          },
        ],
      } as Entity;
      return { fake, ask, builds, team };
    };
    const upsert = (cached: CachedResource): ResourceChange => ({
      type: 'upsert',
      cluster: cached.cluster,
      kind: cached.kind,
      resource: cached.resource,
    });

    it('a change to one connector rebuilds only the answers containing it', () => {
      const { fake, ask, builds, team } = setup();
      expect(ask(entity('orders'))).toEqual(['orders-sink']);
      ask(entity('billing'));
      ask(team);
      fake.emit(upsert(orders));
      ask(entity('orders'));
      ask(entity('billing'));
      ask(team);
      expect(builds).toEqual(['orders', 'billing', 'team-a', 'orders']);
    });

    it('a connector that newly carries an entity id or owner rebuilds that entity and owner only', () => {
      const { fake, ask, builds, team } = setup();
      ask(entity('orders'));
      ask(entity('billing'));
      ask(team);
      const joined = connector(
        'new-one',
        { 'backstage.io/kubernetes-id': 'billing' },
        'group:default/team-a',
      );
      fake.resources.push(joined);
      fake.emit(upsert(joined));
      expect(ask(entity('billing'))).toEqual(['billing-sink', 'new-one']);
      expect(ask(team)).toEqual(['new-one', 'owned']);
      ask(entity('orders'));
      expect(builds.slice(3)).toEqual(['billing', 'team-a']);
    });

    it('a delete rebuilds the answers that held it; a first list or a Namespace change rebuilds all', () => {
      const { fake, ask, builds } = setup();
      ask(entity('orders'));
      ask(entity('billing'));
      fake.resources.splice(fake.resources.indexOf(orders), 1);
      fake.emit({ ...upsert(orders), type: 'delete' });
      expect(ask(entity('orders'))).toEqual([]);
      ask(entity('billing'));
      expect(builds).toEqual(['orders', 'billing', 'orders']);
      fake.emit({
        type: 'namespaces',
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        namespace: 'ns',
      });
      ask(entity('orders'));
      ask(entity('billing'));
      expect(builds.slice(3)).toEqual(['orders', 'billing']);
    });

    it("ignores a synced cluster's lastSyncAt, not a lost cluster's", () => {
      const builds: string[] = [];
      const memo = new EntityResponseMemo(fakeReader().reader);
      const at = (isSynced: boolean, lastSyncAt: string) => [
        { name: 'eu-1', synced: isSynced, lastSyncAt },
      ];
      const build = () => builds.push('x');
      memo.answer(entity('a'), at(true, '1'), build);
      memo.answer(entity('a'), at(true, '2'), build);
      expect(builds).toEqual(['x']);
      memo.answer(entity('a'), at(false, '2'), build);
      memo.answer(entity('a'), at(false, '3'), build);
      expect(builds).toEqual(['x', 'x', 'x']);
    });
  });
});

describe('createSummaryMemo', () => {
  const cached = (name: string): CachedResource => ({
    cluster: 'eu-1',
    kind: 'KafkaConnector',
    resource: {
      apiVersion: 'kafka.strimzi.io/v1',
      metadata: { namespace: 'ns', name, generation: 1 },
      spec: { class: 'C' },
    },
  });

  it('reuses the summary of the same resource object and sync state only', () => {
    const summaryOf = createSummaryMemo();
    const first = cached('a');
    const summary = summaryOf(first, synced[0]);
    expect(summaryOf({ ...first }, synced[0])).toBe(summary);
    expect(summary.stale).toBe(false);
    const stale = summaryOf(first, { name: 'eu-1', synced: false });
    expect(stale.stale).toBe(true);
    // A changed resource arrives as a new object from the watch.
    const changed = cached('a');
    changed.resource.metadata.generation = 2;
    expect(summaryOf(changed, synced[0]).generation).toBe(2);
  });

  it('rebuilds the summary when the resolved owner changes but the resource does not', () => {
    const resolved: { owner?: string } = {};
    const summaryOf = createSummaryMemo(() => resolved.owner);
    const resource = cached('b');
    expect(summaryOf(resource, synced[0]).owner).toBeUndefined();
    resolved.owner = 'group:default/team-ns';
    expect(summaryOf(resource, synced[0]).owner).toBe('group:default/team-ns');
  });

  it("rebuilds when the cluster's restart dialect was learned meanwhile", () => {
    const cluster = { restartOptions: false };
    const summaryOf = createSummaryMemo(
      () => undefined,
      () => ({ restartOptions: cluster.restartOptions }),
    );
    const stuck = cached('c');
    stuck.resource.metadata.annotations = {
      'strimzi.io/restart': 'includeTasks,onlyFailed',
    };
    stuck.resource.status = {
      observedGeneration: 1,
      conditions: [{ type: 'Ready', status: 'True' }],
      connectorStatus: {
        connector: { state: 'RUNNING' },
        tasks: [{ id: 0, state: 'RUNNING' }],
      },
    };
    expect(summaryOf(stuck, synced[0]).reason).toContain(
      'will never be acted on',
    );
    cluster.restartOptions = true;
    expect(summaryOf(stuck, synced[0]).reason).toContain(
      'waiting for the operator',
    );
  });

  it('rebuilds when the Connect cluster object changes, and once the health ages', () => {
    let clock = Date.parse('2026-03-01T10:00:00Z');
    let connect: Record<string, unknown> = {
      metadata: {
        name: 'connect',
        annotations: { 'strimzi.io/use-connector-resources': 'true' },
      },
      spec: { replicas: 1 },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    };
    const summaryOf = createSummaryMemo(
      () => undefined,
      () => ({ connectCluster: connect, settleTimeMs: 60_000 }),
      () => clock,
    );
    const unassigned: CachedResource = {
      cluster: 'eu-1',
      kind: 'KafkaConnector',
      resource: {
        apiVersion: 'kafka.strimzi.io/v1',
        metadata: {
          namespace: 'ns',
          name: 'u',
          generation: 1,
          labels: { 'strimzi.io/cluster': 'connect' },
        },
        spec: { class: 'C' },
        status: {
          observedGeneration: 1,
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              lastTransitionTime: '2026-03-01T10:00:00Z',
            },
          ],
          connectorStatus: {
            connector: { state: 'RUNNING' },
            tasks: [{ id: 0, state: 'UNASSIGNED' }],
          },
        },
      },
    };
    const first = summaryOf(unassigned, synced[0]);
    expect(first).toMatchObject({
      health: 'pending',
      reviewAt: '2026-03-01T10:01:00.000Z',
    });
    clock += 30_000;
    expect(summaryOf(unassigned, synced[0])).toBe(first);
    clock += 30_000;
    expect(summaryOf(unassigned, synced[0]).health).toBe('degraded');
    connect = { ...connect, spec: { replicas: 0 } };
    expect(summaryOf(unassigned, synced[0])).toMatchObject({
      health: 'degraded',
      connectClusterProblem: expect.stringContaining('0 replicas'),
    });
  });
});
