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

/** Strimzi reads boolean annotations case-insensitively. */
export function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/** Keeps a condition's transition time while its type, status and reason hold. */
export function settleTransitionTimes(
  previous: Record<string, any> | undefined,
  next: Record<string, any>,
): Record<string, any> {
  const before: Condition[] = previous?.conditions ?? [];
  const conditions = (next.conditions ?? []).map((current: Condition) => {
    const same = before.find(
      old =>
        old.type === current.type &&
        old.status === current.status &&
        old.reason === current.reason,
    );
    return same
      ? { ...current, lastTransitionTime: same.lastTransitionTime }
      : current;
  });
  return { ...next, conditions };
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
