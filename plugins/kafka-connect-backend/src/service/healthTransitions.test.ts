import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import { healthTransitions, RecordedHealth } from './healthTransitions';

const at = new Date('2026-12-02T10:00:00Z');

function summary(
  name: string,
  health: ConnectorSummary['health'],
  extra: Partial<ConnectorSummary> = {},
): ConnectorSummary {
  return {
    cluster: 'eu',
    namespace: 'kafka',
    name,
    health,
    reason: `${name} is ${health}`,
    stale: false,
    ...extra,
  } as ConnectorSummary;
}

describe('healthTransitions', () => {
  it('records the first health seen of a connector as a transition from null', () => {
    const { transitions, next } = healthTransitions(
      new Map(),
      [summary('orders', 'healthy')],
      at,
    );
    expect(transitions).toEqual([
      {
        ref: { cluster: 'eu', namespace: 'kafka', name: 'orders' },
        from: null,
        to: 'healthy',
        reason: 'orders is healthy',
        at: '2026-12-02T10:00:00.000Z',
      },
    ]);
    expect(next.get('eu/kafka/orders')).toEqual({
      health: 'healthy',
      reason: 'orders is healthy',
      since: '2026-12-02T10:00:00.000Z',
    });
  });

  it('records a change of health with the new reason, and nothing for an unchanged one', () => {
    const previous = new Map<string, RecordedHealth>([
      ['eu/kafka/orders', { health: 'healthy', reason: 'fine' }],
      ['eu/kafka/billing', { health: 'healthy', reason: 'fine' }],
    ]);
    const { transitions } = healthTransitions(
      previous,
      [
        summary('orders', 'failed', { reason: 'Task 0 failed: boom' }),
        summary('billing', 'healthy', { reason: 'a new wording' }),
      ],
      at,
    );
    expect(transitions).toHaveLength(1);
    expect(transitions[0]).toMatchObject({
      from: 'healthy',
      to: 'failed',
      reason: 'Task 0 failed: boom',
    });
  });

  it('ignores stale summaries: a cluster out of sync shows the last known state', () => {
    const previous = new Map<string, RecordedHealth>([
      ['eu/kafka/orders', { health: 'healthy', reason: 'fine' }],
    ]);
    const { transitions, next } = healthTransitions(
      previous,
      [summary('orders', 'unknown', { stale: true })],
      at,
    );
    expect(transitions).toEqual([]);
    expect(next.get('eu/kafka/orders')?.health).toBe('healthy');
  });

  it('keeps connectors apart by cluster and namespace, and does not change what it was given', () => {
    const previous = new Map<string, RecordedHealth>([
      ['eu/kafka/orders', { health: 'healthy', reason: 'fine' }],
    ]);
    const { transitions, next } = healthTransitions(
      previous,
      [
        summary('orders', 'healthy'),
        summary('orders', 'failed', { cluster: 'us' }),
        summary('orders', 'paused', { namespace: 'other' }),
      ],
      at,
    );
    expect(
      transitions.map(t => [t.ref.cluster, t.ref.namespace, t.to]),
    ).toEqual([
      ['us', 'kafka', 'failed'],
      ['eu', 'other', 'paused'],
    ]);
    expect(previous.size).toBe(1);
    expect(next.size).toBe(3);
  });

  it('carries the last health forward over a run of summaries', () => {
    let recorded = new Map<string, RecordedHealth>();
    const seen: string[] = [];
    for (const health of [
      'pending',
      'pending',
      'healthy',
      'failed',
      'failed',
      'healthy',
    ] as const) {
      const { transitions, next } = healthTransitions(
        recorded,
        [summary('orders', health)],
        at,
      );
      seen.push(...transitions.map(t => `${t.from}->${t.to}`));
      recorded = next;
    }
    expect(seen).toEqual([
      'null->pending',
      'pending->healthy',
      'healthy->failed',
      'failed->healthy',
    ]);
  });
});
