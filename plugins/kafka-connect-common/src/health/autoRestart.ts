import type { AutoRestartAssessment } from '../api';
import type { StrimziAutoRestartStatus } from '../strimzi';

/** Strimzi waits at most this long between two automatic restarts. */
const MAX_BACKOFF_MINUTES = 60;

/** Minutes Strimzi waits after the n-th automatic restart before the next: n²+n, at most 60. @public */
export function autoRestartBackoffMinutes(count: number): number {
  const n = Math.max(0, Math.floor(count));
  return Math.min(n * n + n, MAX_BACKOFF_MINUTES);
}

function nonNegativeWhole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? value
    : undefined;
}

/**
 * What Strimzi's automatic restart does for a connector, from its
 * `spec.autoRestart` (absent means disabled; present means enabled unless
 * `enabled: false`) and the `autoRestart` status Strimzi keeps.
 * @public
 */
export function assessAutoRestart(
  spec: { enabled?: boolean; maxRestarts?: number } | null | undefined,
  status: StrimziAutoRestartStatus | null | undefined,
): AutoRestartAssessment {
  const enabled =
    typeof spec === 'object' && spec !== null && spec.enabled !== false;
  const count = nonNegativeWhole(status?.count) ?? 0;
  const maxRestarts = enabled ? nonNegativeWhole(spec?.maxRestarts) : undefined;
  const gaveUp = maxRestarts !== undefined && count >= maxRestarts;
  const last =
    typeof status?.lastRestartTimestamp === 'string'
      ? Date.parse(status.lastRestartTimestamp)
      : NaN;
  const nextRestartAt =
    enabled && !gaveUp && !Number.isNaN(last)
      ? new Date(last + autoRestartBackoffMinutes(count) * 60_000).toISOString()
      : undefined;
  return {
    enabled,
    count,
    ...(maxRestarts !== undefined ? { maxRestarts } : {}),
    ...(typeof status?.lastRestartTimestamp === 'string'
      ? { lastRestartTimestamp: status.lastRestartTimestamp }
      : {}),
    ...(nextRestartAt ? { nextRestartAt } : {}),
    gaveUp,
  };
}

/**
 * What automatic restart will do about a failure, for a reason text:
 * "next automatic restart at …", "automatic restarts gave up …" or
 * "automatic restart is disabled".
 * @public
 */
export function describeAutoRestartOutlook(
  autoRestart: AutoRestartAssessment,
): string {
  if (!autoRestart.enabled) {
    return 'automatic restart is disabled (spec.autoRestart)';
  }
  if (autoRestart.gaveUp) {
    return `automatic restarts gave up after ${autoRestart.count} (maxRestarts ${autoRestart.maxRestarts}): restart it by hand`;
  }
  const attempt = autoRestart.count + 1;
  return autoRestart.nextRestartAt
    ? `automatic restart ${attempt} due at ${autoRestart.nextRestartAt}`
    : `automatic restart ${attempt} at the operator's next reconcile`;
}
