import type { Entity } from '@backstage/catalog-model';
import type { ClusterSyncState } from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  ResourceChange,
} from '@kcs/plugin-kafka-connect-node';
import {
  createSummaryMemo,
  EntityResponseMemo,
  MEMOISED_ENTITIES,
} from './responseMemo';

function fakeReader() {
  const listeners = new Set<(change: ResourceChange) => void>();
  return {
    subscribe(listener: (change: ResourceChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit() {
      for (const listener of listeners) {
        listener({ type: 'resync', cluster: 'eu-1', kind: 'KafkaConnector' });
      }
    },
    listeners,
  };
}

const entity = (name: string, annotations: Record<string, string> = {}) =>
  ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
  } as Entity);

const synced: ClusterSyncState[] = [{ name: 'eu-1', synced: true }];

describe('EntityResponseMemo', () => {
  it('reuses an answer until the cache changes', () => {
    const reader = fakeReader();
    const memo = new EntityResponseMemo(reader);
    const build = jest.fn(() => ({ items: [reader.listeners.size] }));
    expect(memo.answer(entity('orders'), synced, build).json).toBe(
      '{"items":[1]}',
    );
    expect(memo.answer(entity('orders'), synced, build).json).toBe(
      '{"items":[1]}',
    );
    expect(build).toHaveBeenCalledTimes(1);
    reader.emit();
    memo.answer(entity('orders'), synced, build);
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('rebuilds an answer once a health in it is due for review', () => {
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const memo = new EntityResponseMemo(fakeReader(), () => clock);
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
    const memo = new EntityResponseMemo(fakeReader());
    const first = memo.answer(entity('a'), synced, () => ({ n: 1 }));
    const same = memo.answer(entity('b'), synced, () => ({ n: 1 }));
    const other = memo.answer(entity('c'), synced, () => ({ n: 2 }));
    expect(first.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(same.etag).toBe(first.etag);
    expect(other.etag).not.toBe(first.etag);
  });

  it('rebuilds when a cluster sync state or the entity links change', () => {
    const memo = new EntityResponseMemo(fakeReader());
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
    const reader = fakeReader();
    const memo = new EntityResponseMemo(reader);
    for (let i = 0; i < MEMOISED_ENTITIES + 10; i++) {
      memo.answer(entity(`e${i}`), synced, () => i);
    }
    expect(memo.size).toBe(MEMOISED_ENTITIES);
    memo.close();
    expect(reader.listeners.size).toBe(0);
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
