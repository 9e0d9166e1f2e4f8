import type { StrimziCondition } from '../strimzi';

/**
 * The latest `lastTransitionTime` among a resource's status conditions: when
 * its state last changed. Compared as instants, not strings, because Strimzi
 * writes some with and some without fractional seconds. Unparsable times are
 * ignored.
 * @public
 */
export function lastTransitionTime(
  resource: { status?: { conditions?: StrimziCondition[] } } | undefined,
): string | undefined {
  const conditions = resource?.status?.conditions;
  let latest: { text: string; at: number } | undefined;
  for (const condition of Array.isArray(conditions) ? conditions : []) {
    const text = condition?.lastTransitionTime;
    const at = typeof text === 'string' ? Date.parse(text) : NaN;
    if (!Number.isNaN(at) && (!latest || at > latest.at)) {
      latest = { text: text!, at };
    }
  }
  return latest?.text;
}
