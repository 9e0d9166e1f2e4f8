import { mockServices } from '@backstage/backend-test-utils';
import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import type {
  ResourceChange,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import { HealthHistoryRecorder } from './healthHistoryRecorder';
import type { ObservedTransition, RecordedHealth } from './healthTransitions';

const summary = (health: ConnectorSummary['health']) =>
  ({
    cluster: 'eu',
    namespace: 'shop',
    name: 'orders',
    health,
    reason: `is ${health}`,
    stale: false,
  } as ConnectorSummary);

function setup(recorded = new Map<string, RecordedHealth>()) {
  jest.useFakeTimers({ now: Date.parse('2026-12-02T10:00:00Z') });
  const listeners = new Set<(change: ResourceChange) => void>();
  const cache = {
    subscribe: (listener: (change: ResourceChange) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as StrimziResourceReader;
  const store = {
    current: [summary('pending')],
    expiresAt: Infinity,
    reads: 0,
    all() {
      this.reads += 1;
      return this.current;
    },
  };
  const written: ObservedTransition[] = [];
  const sink = {
    fail: false,
    recorded,
    async latest() {
      return this.recorded;
    },
    async record(transitions: readonly ObservedTransition[]) {
      if (this.fail) {
        throw new Error('database down');
      }
      written.push(...transitions);
      return transitions.length;
    },
  };
  const recorder = new HealthHistoryRecorder(
    cache,
    store,
    sink,
    mockServices.logger.mock(),
  );
  const emit = () =>
    listeners.forEach(listener =>
      listener({ type: 'synced', cluster: 'eu' } as ResourceChange),
    );
  return { recorder, store, sink, written, emit, listeners };
}

const advance = async (ms: number) => {
  await jest.advanceTimersByTimeAsync(ms);
};

describe('HealthHistoryRecorder', () => {
  afterEach(() => jest.useRealTimers());

  it('records the health at start, then compares once per burst of cache changes', async () => {
    const { recorder, store, written, emit } = setup();
    await advance(0);
    expect(written.map(t => `${t.from}->${t.to}`)).toEqual(['null->pending']);
    const readsAfterStart = store.reads;

    store.current = [summary('healthy')];
    emit();
    emit();
    emit();
    await advance(1000);
    expect(store.reads).toBe(readsAfterStart + 1);
    expect(written.map(t => `${t.from}->${t.to}`)).toEqual([
      'null->pending',
      'pending->healthy',
    ]);

    // Nothing changes without a cache change: no polling.
    store.current = [summary('failed')];
    await advance(60 * 60_000);
    expect(written).toHaveLength(2);
    recorder.close();
  });

  it('compares again when a health changes with time alone (reviewAt)', async () => {
    const { recorder, store, written } = setup();
    store.expiresAt = Date.now() + 10 * 60_000;
    await advance(0);
    store.current = [summary('degraded')];
    store.expiresAt = Infinity;
    await advance(9 * 60_000);
    expect(written).toHaveLength(1);
    await advance(60_000);
    expect(written.map(t => t.to)).toEqual(['pending', 'degraded']);
    recorder.close();
  });

  it('starts from what the database recorded: after a restart only real changes are written', async () => {
    const { recorder, store, written, emit } = setup(
      new Map([['eu/shop/orders', { health: 'pending', reason: '' }]]),
    );
    await advance(0);
    expect(written).toEqual([]);
    store.current = [summary('healthy')];
    emit();
    await advance(1000);
    expect(written.map(t => `${t.from}->${t.to}`)).toEqual([
      'pending->healthy',
    ]);
    recorder.close();
  });

  it('tells since when a connector is in its health, once recorded, and who kept answers must forget', async () => {
    const { recorder, store, emit } = setup(
      new Map([
        [
          'eu/shop/orders',
          { health: 'pending', reason: '', since: '2026-12-01T08:00:00.000Z' },
        ],
      ]),
    );
    const changed = jest.fn();
    recorder.onRecorded(changed);
    expect(recorder.healthSinceOf(summary('pending'))).toBeUndefined();
    await advance(0);
    // From the database: since before this replica started.
    expect(recorder.healthSinceOf(summary('pending'))).toBe(
      '2026-12-01T08:00:00.000Z',
    );
    expect(changed).toHaveBeenCalledTimes(1);

    await advance(60_000);
    store.current = [summary('failed')];
    emit();
    // Not yet recorded: no time rather than the old health's.
    expect(recorder.healthSinceOf(summary('failed'))).toBeUndefined();
    await advance(1000);
    expect(recorder.healthSinceOf(summary('failed'))).toBe(
      '2026-12-02T10:01:00.250Z',
    );
    expect(changed).toHaveBeenCalledTimes(2);

    // A comparison that records nothing tells nobody.
    emit();
    await advance(1000);
    expect(changed).toHaveBeenCalledTimes(2);
    recorder.close();
  });

  it('tries a failed write again later, and stops listening when closed', async () => {
    const { recorder, sink, written, emit, listeners } = setup();
    sink.fail = true;
    await advance(0);
    expect(written).toEqual([]);
    sink.fail = false;
    await advance(30_000);
    expect(written.map(t => t.to)).toEqual(['pending']);
    recorder.close();
    expect(listeners.size).toBe(0);
    emit();
    await advance(1000);
    expect(written).toHaveLength(1);
  });
});
