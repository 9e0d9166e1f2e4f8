import type {
  ClusterSyncState,
  ConnectorSummary,
} from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  ResourceChange,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import { SummaryStore } from './summaryStore';

const connector = (name: string, generation = 1): CachedResource => ({
  cluster: 'eu-1',
  kind: 'KafkaConnector',
  resource: {
    metadata: {
      namespace: 'ns',
      name,
      generation,
      labels: { 'strimzi.io/cluster': 'connect' },
    },
  },
});

function setup() {
  const connectors = [connector('a'), connector('b'), connector('c')];
  const listeners = new Set<(change: ResourceChange) => void>();
  let states: ClusterSyncState[] = [{ name: 'eu-1', synced: true }];
  const cache = {
    clusters: () => states,
    list: (kind: string) => (kind === 'KafkaConnector' ? connectors : []),
    get: (_kind: string, _cluster: string, _ns: string, name: string) =>
      connectors.find(c => c.resource.metadata.name === name),
    byConnectCluster: () => connectors.slice(0, 2),
    subscribe: (listener: (change: ResourceChange) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as StrimziResourceReader;
  const summarized: string[] = [];
  let now = 1000;
  const reviewAt: Record<string, number> = {};
  const store = new SummaryStore(
    cache,
    (cached, state) => {
      const name = cached.resource.metadata.name;
      summarized.push(name);
      return {
        name,
        generation: cached.resource.metadata.generation,
        stale: !state?.synced,
        ...(reviewAt[name]
          ? { reviewAt: new Date(reviewAt[name]).toISOString() }
          : {}),
      } as unknown as ConnectorSummary;
    },
    () => now,
  );
  const emit = (change: ResourceChange) =>
    listeners.forEach(listener => listener(change));
  return {
    connectors,
    store,
    summarized,
    emit,
    setStates: (next: ClusterSyncState[]) => {
      states = next;
    },
    setNow: (at: number) => {
      now = at;
    },
    reviewAt,
  };
}

const names = (summaries: ConnectorSummary[]) => summaries.map(s => s.name);

describe('SummaryStore', () => {
  it('builds every summary once, then recomputes only what a change touches', () => {
    const { store, summarized, emit, connectors } = setup();
    expect(names(store.all())).toEqual(['a', 'b', 'c']);
    expect(store.all()).toBe(store.all());
    summarized.length = 0;
    connectors[1] = connector('b', 2);
    emit({
      type: 'upsert',
      cluster: 'eu-1',
      kind: 'KafkaConnector',
      resource: connectors[1].resource,
    });
    expect(store.all().map(s => s.generation)).toEqual([1, 2, 1]);
    expect(summarized).toEqual(['b']);

    // A KafkaConnect's change recomputes its connectors only.
    emit({
      type: 'upsert',
      cluster: 'eu-1',
      kind: 'KafkaConnect',
      resource: { metadata: { namespace: 'ns', name: 'connect' } },
    });
    expect(summarized).toEqual(['b', 'a', 'b']);

    emit({
      type: 'delete',
      cluster: 'eu-1',
      kind: 'KafkaConnector',
      resource: connectors[0].resource,
    });
    expect(names(store.all())).toEqual(['b', 'c']);
  });

  it("rebuilds all after a kind's first list, a Namespace change or a sync state change", () => {
    const { store, summarized, emit, setStates } = setup();
    store.all();
    summarized.length = 0;
    emit({ type: 'synced', cluster: 'eu-1', kind: 'KafkaConnector' });
    store.all();
    expect(summarized).toHaveLength(3);
    emit({
      type: 'namespaces',
      cluster: 'eu-1',
      kind: 'KafkaConnector',
      namespace: 'ns',
    });
    store.all();
    expect(summarized).toHaveLength(6);
    setStates([{ name: 'eu-1', synced: false }]);
    expect(store.all().every(s => s.stale)).toBe(true);
    expect(summarized).toHaveLength(9);
    // What the cache does not show (a cluster found without spec.state).
    store.invalidate();
    expect(summarized).toHaveLength(9);
    store.all();
    expect(summarized).toHaveLength(12);
  });

  it('recomputes a summary when its health is due for review, and says when that is', () => {
    const { store, summarized, reviewAt, setNow } = setup();
    reviewAt.c = 5000;
    store.all();
    expect(store.expiresAt).toBe(5000);
    summarized.length = 0;
    setNow(4999);
    store.all();
    expect(summarized).toEqual([]);
    delete reviewAt.c;
    setNow(5000);
    store.all();
    expect(summarized).toEqual(['c']);
    expect(store.expiresAt).toBe(Infinity);
  });
});
