import type {
  ConnectorHealth,
  ConnectorSummary,
  StrimziResourceRef,
} from '@kcs/plugin-kafka-connect-common';

/** A connector's health as last recorded. */
export interface RecordedHealth {
  health: ConnectorHealth;
  reason: string;
  /** ISO time the health was recorded (absent when not known). */
  since?: string;
}

/** A health change of one connector, ready to be recorded. */
export interface ObservedTransition {
  ref: StrimziResourceRef;
  from: ConnectorHealth | null;
  to: ConnectorHealth;
  reason: string;
  at: string;
}

/** The key a connector's last health is kept under. */
export const historyKeyOf = (ref: StrimziResourceRef) =>
  `${ref.cluster}/${ref.namespace}/${ref.name}`;

/**
 * The health changes between what was last recorded and the current
 * summaries. Stale summaries (their cluster is not synced) show the last
 * known state, not a new one, so they change nothing. A reason that changes
 * while the health stays is not a transition. A connector that disappeared
 * keeps its last health: history is about changes seen, not deletions.
 */
export function healthTransitions(
  previous: ReadonlyMap<string, RecordedHealth>,
  summaries: readonly ConnectorSummary[],
  at: Date,
): {
  transitions: ObservedTransition[];
  next: Map<string, RecordedHealth>;
} {
  const next = new Map(previous);
  const transitions: ObservedTransition[] = [];
  for (const summary of summaries) {
    if (summary.stale) {
      continue;
    }
    const ref = {
      cluster: summary.cluster,
      namespace: summary.namespace,
      name: summary.name,
    };
    const key = historyKeyOf(ref);
    const last = previous.get(key);
    if (last?.health === summary.health) {
      continue;
    }
    transitions.push({
      ref,
      from: last?.health ?? null,
      to: summary.health,
      reason: summary.reason,
      at: at.toISOString(),
    });
    next.set(key, {
      health: summary.health,
      reason: summary.reason,
      since: at.toISOString(),
    });
  }
  return { transitions, next };
}
