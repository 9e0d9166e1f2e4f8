import { STRIMZI_RESTART_ANNOTATION } from '../names';
import { lastTransitionTime } from '../resources/lastTransitionTime';
import type { StrimziCondition } from '../strimzi';

/**
 * What a cluster's Strimzi was seen to do with a `strimzi.io/restart` value
 * made of restart options (`includeTasks`, `onlyFailed`): `options` when it
 * acted on one and removed it (0.48+), `true-only` when it left one in place
 * after reconciling the connector since, or wrote a Warning about its
 * format (before 0.48 anything but `true` means "no restart").
 * @public
 */
export type LearnedRestartDialect = 'options' | 'true-only';

/** What one connector showed about its cluster's restart dialect, and when. @public */
export interface RestartEvidence {
  /** What the cluster's Strimzi reads, as this connector showed it. */
  dialect: LearnedRestartDialect;
  /** Epoch ms (the portal's clock) the evidence was seen. */
  at: number;
  /** What was seen, for the log: which connector and what happened. */
  reason: string;
}

/** An options-valued `strimzi.io/restart` on one connector, as the watch first saw it. @public */
export interface RestartSighting {
  /** The annotation's value, e.g. `includeTasks,onlyFailed`. */
  value: string;
  /** Epoch ms (the portal's clock) the watch first saw this value. */
  firstSeenAt: number;
  /** `metadata.generation` then: a later observed generation was reconciled with the value in place. */
  generation?: number;
  /** The newest condition `lastTransitionTime` then (epoch ms). */
  statusTime?: number;
  /** Already judged left in place: a removal afterwards is a person clearing it, not the operator acting. */
  leftInPlace?: boolean;
}

/** How patient {@link observeRestartAnnotation} is. @public */
export interface RestartObservationOptions {
  /**
   * A status written this long after the sighting comes from a reconcile
   * that began after the value was in place (one begun just before it could
   * not have read it).
   */
  reconcileMarginMs?: number;
  /**
   * The operator acts in the reconcile the annotation itself triggers; a
   * removal later than this is more likely a person clearing a stuck value.
   */
  removalWindowMs?: number;
}

/** Defaults of {@link RestartObservationOptions}. @public */
export const RESTART_OBSERVATION_DEFAULTS: Required<RestartObservationOptions> =
  {
    reconcileMarginMs: 30_000,
    removalWindowMs: 5 * 60_000,
  };

/** Allowance for the operator's clock running behind the portal's. */
const CLOCK_SKEW_MS = 5_000;

const RESTART_OPTIONS = ['includeTasks', 'onlyFailed'];

/**
 * The `strimzi.io/restart` value of a resource when it is made of restart
 * options only (what 0.48+ read and older versions ignore); else undefined.
 * @public
 */
export function restartOptionsValueOf(
  resource: { metadata?: { annotations?: Record<string, string> } } | undefined,
): string | undefined {
  const value = resource?.metadata?.annotations?.[STRIMZI_RESTART_ANNOTATION];
  if (typeof value !== 'string') {
    return undefined;
  }
  const parts = value.split(',').map(part => part.trim());
  return parts.every(part => RESTART_OPTIONS.includes(part))
    ? value
    : undefined;
}

function formatWarningSince(
  conditions: unknown,
  since: number,
): StrimziCondition | undefined {
  return (Array.isArray(conditions) ? conditions : []).find(
    (condition: StrimziCondition) =>
      condition?.type === 'Warning' &&
      condition.reason === 'RestartConnector' &&
      /invalid annotation format/i.test(condition.message ?? '') &&
      Date.parse(condition.lastTransitionTime ?? '') >= since - CLOCK_SKEW_MS,
  );
}

/**
 * One watch event of a KafkaConnector (`resource` undefined: deleted), read
 * against what was seen of its restart annotation before. Returns what to
 * remember of the annotation now, and the evidence about the cluster's
 * restart dialect the event gives, if any. Pure: the caller keeps the
 * sightings and the evidence.
 * @public
 */
export function observeRestartAnnotation(
  previous: RestartSighting | undefined,
  resource:
    | {
        metadata?: {
          name?: string;
          namespace?: string;
          generation?: number;
          annotations?: Record<string, string>;
        };
        status?: {
          conditions?: StrimziCondition[];
          observedGeneration?: number;
        };
      }
    | undefined,
  now: number,
  options: RestartObservationOptions = {},
): { sighting?: RestartSighting; evidence?: RestartEvidence } {
  const { reconcileMarginMs, removalWindowMs } = {
    ...RESTART_OBSERVATION_DEFAULTS,
    ...options,
  };
  if (!resource) {
    return {};
  }
  const where = `${resource.metadata?.namespace}/${resource.metadata?.name}`;
  const annotation =
    resource.metadata?.annotations?.[STRIMZI_RESTART_ANNOTATION];
  const value = restartOptionsValueOf(resource);
  if (previous && annotation === undefined) {
    const removedPromptly = now - previous.firstSeenAt <= removalWindowMs;
    return previous.leftInPlace || !removedPromptly
      ? {}
      : {
          evidence: {
            dialect: 'options',
            at: now,
            reason: `the operator acted on ${STRIMZI_RESTART_ANNOTATION}: ${previous.value} on KafkaConnector ${where} and removed it`,
          },
        };
  }
  if (value === undefined) {
    // No options value (none, `true`, or something no version reads).
    return {};
  }
  const statusTime = Date.parse(lastTransitionTime(resource) ?? '');
  const sighting: RestartSighting =
    previous && previous.value === value
      ? previous
      : {
          value,
          firstSeenAt: now,
          ...(typeof resource.metadata?.generation === 'number'
            ? { generation: resource.metadata.generation }
            : {}),
          ...(Number.isNaN(statusTime) ? {} : { statusTime }),
        };
  if (sighting.leftInPlace) {
    return { sighting };
  }
  const text = `${STRIMZI_RESTART_ANNOTATION}: ${value} on KafkaConnector ${where}`;
  const leftInPlace = (reason: string) => ({
    sighting: { ...sighting, leftInPlace: true },
    evidence: {
      dialect: 'true-only' as const,
      at: now,
      reason: `${text} ${reason}`,
    },
  });
  const warning = formatWarningSince(
    resource.status?.conditions,
    sighting.firstSeenAt,
  );
  if (warning) {
    return leftInPlace(
      `was refused: RestartConnector: ${warning.message ?? ''}`.trim(),
    );
  }
  const observed = resource.status?.observedGeneration;
  if (
    typeof observed === 'number' &&
    typeof sighting.generation === 'number' &&
    observed > sighting.generation
  ) {
    return leftInPlace(
      `stayed after the operator reconciled generation ${observed}`,
    );
  }
  if (
    !Number.isNaN(statusTime) &&
    statusTime !== sighting.statusTime &&
    statusTime >= sighting.firstSeenAt + reconcileMarginMs
  ) {
    return leftInPlace(
      `stayed after the operator wrote a status at ${new Date(
        statusTime,
      ).toISOString()}`,
    );
  }
  return { sighting };
}
