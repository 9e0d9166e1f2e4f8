import type {
  ConnectorHealth,
  HealthTransition,
} from '@kcs/plugin-kafka-connect-common';

/** A stretch of the timeline in one health. */
export interface TimelineSegment {
  /** `null` where nothing was recorded yet. */
  health: ConnectorHealth | null;
  reason: string;
  start: number;
  end: number;
}

/**
 * The window's stretches of health from recorded transitions (oldest first,
 * the first possibly before the window): each transition's health lasts
 * until the next, the last one until `now`; time before the first
 * transition is a stretch with no health.
 */
export function timelineSegments(
  transitions: readonly HealthTransition[],
  windowStart: number,
  now: number,
): TimelineSegment[] {
  const segments: TimelineSegment[] = [];
  const firstAt = transitions.length ? Date.parse(transitions[0].at) : now;
  if (firstAt > windowStart) {
    segments.push({
      health: null,
      reason: 'no health recorded yet',
      start: windowStart,
      end: Math.min(firstAt, now),
    });
  }
  transitions.forEach((transition, index) => {
    const start = Math.max(Date.parse(transition.at), windowStart);
    const next = transitions[index + 1];
    const end = Math.min(next ? Date.parse(next.at) : now, now);
    if (end > start) {
      segments.push({
        health: transition.to,
        reason: transition.reason,
        start,
        end,
      });
    }
  });
  return segments;
}

/** "2 h 14 min", "5 min", "3 d 2 h", "less than a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) {
    return 'less than a minute';
  }
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) {
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (hours > 0) {
    return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  }
  return `${rest} min`;
}

const STATE_WORDS: Record<ConnectorHealth, string> = {
  healthy: 'healthy',
  degraded: 'failing',
  failed: 'failing',
  paused: 'paused',
  stopped: 'stopped',
  pending: 'pending',
  unknown: 'unknown',
};

/**
 * "failing for 2 h 14 min": how long the current health has lasted, from
 * the last recorded transition; nothing when none is recorded or the
 * recorded health is not the current one (the record lags).
 */
export function timeInState(
  transitions: readonly HealthTransition[],
  current: ConnectorHealth,
  now: number,
): string | undefined {
  const last = transitions[transitions.length - 1];
  if (!last || last.to !== current) {
    return undefined;
  }
  return `${STATE_WORDS[current]} for ${formatDuration(
    now - Date.parse(last.at),
  )}`;
}
