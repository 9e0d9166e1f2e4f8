import type { HealthTransition } from '@kcs/plugin-kafka-connect-common';
import {
  formatDuration,
  timeInState,
  timelineSegments,
} from './healthTimeline';

const HOUR = 3_600_000;
const now = Date.parse('2026-12-02T12:00:00Z');
const t = (
  to: HealthTransition['to'],
  at: string,
  from: HealthTransition['from'] = null,
): HealthTransition => ({ from, to, reason: `is ${to}`, at });

describe('timelineSegments', () => {
  it('clips the state in force at the window start and runs the last one until now', () => {
    const segments = timelineSegments(
      [
        t('healthy', '2026-11-30T00:00:00Z'),
        t('failed', '2026-12-02T09:46:00Z', 'healthy'),
      ],
      now - 24 * HOUR,
      now,
    );
    expect(segments).toEqual([
      {
        health: 'healthy',
        reason: 'is healthy',
        start: now - 24 * HOUR,
        end: Date.parse('2026-12-02T09:46:00Z'),
      },
      {
        health: 'failed',
        reason: 'is failed',
        start: Date.parse('2026-12-02T09:46:00Z'),
        end: now,
      },
    ]);
  });

  it('shows time before the first record as no health, and the whole window when nothing is recorded', () => {
    const [gap, healthy] = timelineSegments(
      [t('healthy', '2026-12-02T06:00:00Z')],
      now - 24 * HOUR,
      now,
    );
    expect(gap).toMatchObject({ health: null, end: now - 6 * HOUR });
    expect(healthy).toMatchObject({ health: 'healthy', start: now - 6 * HOUR });
    expect(timelineSegments([], now - HOUR, now)).toEqual([
      {
        health: null,
        reason: 'no health recorded yet',
        start: now - HOUR,
        end: now,
      },
    ]);
  });

  it('drops stretches of no length', () => {
    const segments = timelineSegments(
      [
        t('pending', '2026-12-02T11:00:00Z'),
        t('healthy', '2026-12-02T11:00:00Z', 'pending'),
      ],
      now - HOUR,
      now,
    );
    expect(segments.map(s => s.health)).toEqual(['healthy']);
  });
});

describe('formatDuration', () => {
  it.each([
    [30_000, 'less than a minute'],
    [5 * 60_000, '5 min'],
    [2 * HOUR + 14 * 60_000, '2 h 14 min'],
    [3 * HOUR, '3 h'],
    [26 * HOUR + 59_000, '1 d 2 h'],
    [48 * HOUR, '2 d'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('timeInState', () => {
  it('says how long a failing connector has been failing', () => {
    expect(
      timeInState(
        [
          t('healthy', '2026-12-01T00:00:00Z'),
          t('failed', '2026-12-02T09:46:00Z'),
        ],
        'failed',
        now,
      ),
    ).toBe('failing for 2 h 14 min');
  });

  it('says nothing when the record does not show the current health', () => {
    expect(
      timeInState([t('healthy', '2026-12-01T00:00:00Z')], 'failed', now),
    ).toBeUndefined();
    expect(timeInState([], 'healthy', now)).toBeUndefined();
  });
});
