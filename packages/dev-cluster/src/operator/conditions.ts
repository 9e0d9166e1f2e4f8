/** A Strimzi status condition. */
export interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
  lastTransitionTime: string;
}

/** A condition whose status is True, as Strimzi writes them. */
export function condition(
  now: string,
  type: string,
  reason?: string,
  message?: string,
): Condition {
  return {
    type,
    status: 'True',
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    lastTransitionTime: now,
  };
}

/** A Warning condition, which Strimzi puts beside Ready or NotReady. */
export function warning(
  now: string,
  reason: string,
  message: string,
): Condition {
  return condition(now, 'Warning', reason, message);
}

/**
 * Replicas of a KafkaConnect without `spec.replicas`: Strimzi's v1beta2 model
 * defaults to 3 (v1 requires the field, so only v1beta2 objects lack it).
 */
export const KAFKA_CONNECT_DEFAULT_REPLICAS = 3;

/** Strimzi reads boolean annotations case-insensitively. */
export function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/**
 * Strimzi's status diff ignores only `lastTransitionTime`: an otherwise equal
 * status keeps every previous time, and any other change rewrites the time of
 * every condition, because Strimzi rebuilds the conditions at each reconcile.
 */
export function settleTransitionTimes(
  previous: Record<string, any> | undefined,
  next: Record<string, any>,
): Record<string, any> {
  const withoutTimes = (status: Record<string, any> | undefined) =>
    JSON.stringify(
      sortedKeys({
        ...status,
        conditions: (status?.conditions ?? []).map(
          ({ lastTransitionTime: _ignored, ...rest }: Condition) => rest,
        ),
      }),
    );
  if (previous && withoutTimes(previous) === withoutTimes(next)) {
    return { ...next, conditions: previous.conditions ?? [] };
  }
  return { ...next, conditions: next.conditions ?? [] };
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortedKeys);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map(key => [key, sortedKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * A timestamp as Strimzi writes it (Java's ISO_INSTANT of a nanosecond clock,
 * e.g. `2026-12-02T11:39:07.123456789Z`). JavaScript's clock gives
 * milliseconds; the sub-millisecond digits come from the monotonic clock so
 * consumers meet the nine-digit form they meet on a real cluster.
 */
export function strimziTimestamp(
  date: Date = new Date(),
  subMillisecondNanos: number = Number(
    process.hrtime.bigint() % BigInt(1_000_000),
  ),
): string {
  const iso = date.toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const nanos = String(Math.trunc(subMillisecondNanos) % 1_000_000).padStart(
    6,
    '0',
  );
  // ISO_INSTANT prints the fraction in groups of three digits, dropping zero groups.
  const fraction = `${iso.slice(20, 23)}${nanos}`.replace(/(000)+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

/** The Ready or NotReady condition Strimzi derives from a Connect status body. */
export function readinessOf(
  now: string,
  connectorStatus: {
    connector?: { state?: string };
    tasks?: { id: number; state?: string }[];
  },
): Condition {
  if (connectorStatus.connector?.state === 'FAILED') {
    return condition(
      now,
      'NotReady',
      'Throwable',
      'Connector has failed, see connectorStatus for more details.',
    );
  }
  const failed = (connectorStatus.tasks ?? [])
    .filter(task => task.state === 'FAILED')
    .map(task => task.id);
  if (failed.length > 0) {
    return condition(
      now,
      'NotReady',
      'Throwable',
      `The following tasks have failed: ${failed.join(
        ', ',
      )}, see connectorStatus for more details.`,
    );
  }
  return condition(now, 'Ready');
}
