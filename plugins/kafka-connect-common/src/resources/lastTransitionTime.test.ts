import { lastTransitionTime } from './lastTransitionTime';

describe('lastTransitionTime', () => {
  it('returns the latest transition, compared as instants', () => {
    expect(
      lastTransitionTime({
        status: {
          conditions: [
            { type: 'Ready', lastTransitionTime: '2026-03-02T08:14:51Z' },
            // Sorts before the one above as a string, yet is later.
            { type: 'Warning', lastTransitionTime: '2026-03-02T08:14:51.5Z' },
            { type: 'Old', lastTransitionTime: '2025-01-01T00:00:00Z' },
          ],
        },
      }),
    ).toBe('2026-03-02T08:14:51.5Z');
  });

  it('keeps the time as Strimzi wrote it, nanoseconds included', () => {
    expect(
      lastTransitionTime({
        status: {
          conditions: [
            { lastTransitionTime: '2024-05-17T15:57:09.059039185Z' },
          ],
        },
      }),
    ).toBe('2024-05-17T15:57:09.059039185Z');
  });

  it('ignores missing or unparsable times, and is undefined when none is left', () => {
    expect(
      lastTransitionTime({
        status: {
          conditions: [
            { lastTransitionTime: 'yesterday' },
            { type: 'Ready' },
            { lastTransitionTime: '2026-01-01T00:00:00Z' },
          ],
        },
      }),
    ).toBe('2026-01-01T00:00:00Z');
    expect(
      lastTransitionTime({ status: { conditions: [{ type: 'Ready' }] } }),
    ).toBeUndefined();
    expect(lastTransitionTime({ status: {} })).toBeUndefined();
    expect(
      lastTransitionTime({ status: { conditions: 'nope' as any } }),
    ).toBeUndefined();
    expect(lastTransitionTime(undefined)).toBeUndefined();
  });
});
