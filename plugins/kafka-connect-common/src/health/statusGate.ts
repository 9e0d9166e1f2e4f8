import type { ConnectorHealth, RestartRequest } from '../api';
import {
  STRIMZI_RESTART_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
  STRIMZI_RESTART_TASK_ANNOTATION,
} from '../names';
import { lastTransitionTime } from '../resources/lastTransitionTime';
import type { ObjectMeta, StrimziCondition } from '../strimzi';

/** How long a state that should pass by itself may last before it reads as a problem. @public */
export const DEFAULT_SETTLE_TIME_MS = 10 * 60_000;

/** When health is judged, and how patient it is. @public */
export interface HealthClock {
  /** Epoch milliseconds; defaults to the current time. */
  now?: number;
  /** How long unassigned tasks, an unobserved generation or a missing status stay `pending`. */
  settleTimeMs?: number;
}

/** A resource as the gates read it: metadata and the common status fields. */
export interface GatedResource {
  metadata?: ObjectMeta;
  status?: {
    conditions?: StrimziCondition[];
    observedGeneration?: number;
  };
}

const RESTART_ANNOTATIONS = [
  STRIMZI_RESTART_ANNOTATION,
  STRIMZI_RESTART_TASK_ANNOTATION,
  // KafkaMirrorMaker2's:
  STRIMZI_RESTART_CONNECTOR_ANNOTATION,
  STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION,
];

/** Active conditions of a type, from a list that may be anything. */
export function activeConditions(
  conditions: unknown,
  type: string,
): StrimziCondition[] {
  return (Array.isArray(conditions) ? conditions : []).filter(
    (condition: StrimziCondition) =>
      condition?.type === type && condition?.status === 'True',
  );
}

/** Warning conditions (Strimzi writes them with status "True"; a missing status counts too). */
function warningConditions(conditions: unknown): StrimziCondition[] {
  return (Array.isArray(conditions) ? conditions : []).filter(
    (condition: StrimziCondition) =>
      condition?.type === 'Warning' &&
      (condition.status === 'True' || condition.status === undefined),
  );
}

/** Warning conditions as "reason: message". */
export function warningsOf(conditions: unknown): string[] {
  return warningConditions(conditions)
    .filter(condition => typeof condition.message === 'string')
    .map(condition =>
      condition.reason
        ? `${condition.reason}: ${condition.message}`
        : condition.message!,
    );
}

/**
 * A restart annotation still on the resource, with Strimzi's
 * `RestartConnector*` Warning about it when it wrote one (an invalid value,
 * a failed REST call): then the annotation is answered, not waiting.
 */
export function restartRequestOf(
  resource: GatedResource,
): RestartRequest | undefined {
  const annotations = resource.metadata?.annotations ?? {};
  const annotation = RESTART_ANNOTATIONS.find(
    name => typeof annotations[name] === 'string',
  );
  if (!annotation) {
    return undefined;
  }
  const answer = warningConditions(resource.status?.conditions).find(
    condition => condition.reason?.startsWith('RestartConnector'),
  );
  return {
    annotation,
    value: annotations[annotation],
    ...(answer?.message ? { answer: answer.message } : {}),
  };
}

/** When the resource's spec or metadata last changed: the newest non-status managed-fields time, else its creation. */
export function lastSpecChange(metadata: ObjectMeta | undefined): number {
  const times = (
    Array.isArray(metadata?.managedFields) ? metadata!.managedFields : []
  )
    .filter(entry => entry?.subresource !== 'status')
    .map(entry => Date.parse(entry?.time ?? ''))
    .filter(time => !Number.isNaN(time));
  return times.length > 0
    ? Math.max(...times)
    : Date.parse(metadata?.creationTimestamp ?? '');
}

function minutes(ms: number): string {
  const value = Math.round(ms / 60_000);
  return `${value} minute${value === 1 ? '' : 's'}`;
}

/** Result of a gate: a verdict, and when it ages by itself. */
export type GateVerdict = {
  health: ConnectorHealth;
  reason: string;
  reviewAt?: string;
};

/**
 * A pending state that should pass by itself, aged: past `since` plus the
 * settle time it becomes `aged` with the reason saying how long.
 */
export function ageing(
  pending: { reason: string },
  since: number,
  clock: HealthClock,
  aged: { health: ConnectorHealth; reason: string },
): GateVerdict {
  const settle = clock.settleTimeMs ?? DEFAULT_SETTLE_TIME_MS;
  const now = clock.now ?? Date.now();
  if (Number.isNaN(since)) {
    return { health: 'pending', reason: pending.reason };
  }
  const deadline = since + settle;
  if (now >= deadline) {
    return {
      health: aged.health,
      reason: `${aged.reason} (for more than ${minutes(
        settle,
      )}, since ${new Date(since).toISOString()})`,
    };
  }
  return {
    health: 'pending',
    reason: pending.reason,
    reviewAt: new Date(deadline).toISOString(),
  };
}

/**
 * What must be settled before a status can be read at all: a status exists,
 * reconciliation is not paused, the latest generation was observed, a
 * restart annotation was seen. Returns the verdict when one of them decides.
 */
export function statusGate(
  resource: GatedResource,
  clock: HealthClock,
): GateVerdict | undefined {
  const status = resource.status;
  if (
    !status ||
    !Array.isArray(status.conditions) ||
    status.conditions.length === 0
  ) {
    return ageing(
      { reason: 'Waiting for the Strimzi operator to report a status' },
      lastSpecChange(resource.metadata),
      clock,
      {
        health: 'unknown',
        reason:
          'The Strimzi operator has reported no status: is it running and watching this namespace?',
      },
    );
  }
  if (activeConditions(status.conditions, 'ReconciliationPaused').length > 0) {
    return {
      health: 'unknown',
      reason:
        'Reconciliation is paused (strimzi.io/pause-reconciliation): the status may be stale',
    };
  }
  const generation = resource.metadata?.generation;
  if (
    typeof generation === 'number' &&
    typeof status.observedGeneration === 'number' &&
    status.observedGeneration < generation
  ) {
    const text = `generation ${generation}, observed ${status.observedGeneration}`;
    return ageing(
      {
        reason: `The operator has not yet applied the latest change (${text})`,
      },
      lastSpecChange(resource.metadata),
      clock,
      {
        health: 'unknown',
        reason: `The operator has not applied the latest change (${text})`,
      },
    );
  }
  const request = restartRequestOf(resource);
  if (
    request &&
    !request.answer &&
    typeof status.observedGeneration !== 'number'
  ) {
    // Only before the operator ever reported on this generation does the
    // annotation stand for the state; afterwards the status tells the truth.
    return {
      health: 'pending',
      reason: `A restart was requested (${request.annotation}: ${request.value}); waiting for the operator`,
    };
  }
  return undefined;
}

/** Since when the status last changed (latest condition transition), as epoch ms. */
export function statusSince(resource: GatedResource): number {
  return Date.parse(lastTransitionTime(resource) ?? '');
}
