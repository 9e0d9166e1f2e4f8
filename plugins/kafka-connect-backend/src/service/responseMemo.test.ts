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
        listener({ type: 'synced', cluster: 'eu-1', kind: 'KafkaConnector' });
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
});
