import { autoRestartBackoffMinutes, autoRestartDecision } from './autoRestart';

const MINUTE = 1000;
const T0 = Date.parse('2026-11-22T10:00:00.000Z');

describe('autoRestartBackoffMinutes', () => {
  it('waits n² + n minutes, at most 60', () => {
    expect([0, 1, 2, 3, 6, 7, 20].map(autoRestartBackoffMinutes)).toEqual([
      0, 2, 6, 12, 42, 56, 60,
    ]);
  });
});

describe('autoRestartDecision', () => {
  const base = { enabled: true, failing: true, nowMs: T0, minuteMs: MINUTE };

  it('restarts a failing connector at once the first time', () => {
    expect(autoRestartDecision(base)).toEqual({ action: 'restart', count: 1 });
  });

  it('waits for the back-off after a restart, then restarts again', () => {
    const previous = {
      count: 2,
      lastRestartTimestamp: new Date(T0).toISOString(),
    };
    expect(
      autoRestartDecision({ ...base, previous, nowMs: T0 + 5 * MINUTE }),
    ).toEqual({ action: 'wait', untilMs: T0 + 6 * MINUTE });
    expect(
      autoRestartDecision({ ...base, previous, nowMs: T0 + 6 * MINUTE }),
    ).toEqual({ action: 'restart', count: 3 });
  });

  it('stops once maxRestarts is reached', () => {
    const previous = { count: 2, lastRestartTimestamp: '2020-01-01T00:00:00Z' };
    expect(autoRestartDecision({ ...base, previous, maxRestarts: 2 })).toEqual({
      action: 'wait',
    });
  });

  it('resets the count after a stable period, not before', () => {
    const previous = {
      count: 1,
      lastRestartTimestamp: new Date(T0).toISOString(),
    };
    const healthy = { ...base, failing: false, previous };
    expect(autoRestartDecision({ ...healthy, nowMs: T0 + MINUTE })).toEqual({
      action: 'wait',
      untilMs: T0 + 2 * MINUTE,
    });
    expect(autoRestartDecision({ ...healthy, nowMs: T0 + 2 * MINUTE })).toEqual(
      { action: 'reset' },
    );
  });

  it('does nothing when disabled, and drops an old count', () => {
    expect(autoRestartDecision({ ...base, enabled: false })).toEqual({
      action: 'wait',
    });
    expect(
      autoRestartDecision({
        ...base,
        enabled: false,
        previous: { count: 1 },
      }),
    ).toEqual({ action: 'reset' });
  });
});
