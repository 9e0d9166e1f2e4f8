import type { StrimziCondition } from '../strimzi';

/** Strimzi's annotation asking to list, alter or reset a connector's offsets. @public */
export const CONNECTOR_OFFSETS_ANNOTATION = 'strimzi.io/connector-offsets';

/** On a KafkaMirrorMaker2: which of its connectors the offsets annotation is for. @public */
export const MIRRORMAKER_CONNECTOR_ANNOTATION =
  'strimzi.io/mirrormaker-connector';

/** What the portal asks Strimzi to do with a connector's offsets. @public */
export type OffsetsOperation = 'list' | 'alter' | 'reset';

/** Where an offsets request stands, read from the resource Strimzi updates. @public */
export type OffsetsOutcome =
  | { state: 'pending' }
  | { state: 'done' }
  | { state: 'failed'; reason: string; message: string };

const WARNING_REASONS: Record<OffsetsOperation, string> = {
  list: 'ListOffsets',
  alter: 'AlterOffsets',
  reset: 'ResetOffsets',
};

/** When the portal wrote the annotation: the resource's version after the write, and the time. @public */
export interface OffsetsRequestWritten {
  resourceVersion?: string;
  /** Epoch ms, less an allowance for clock skew. */
  at: number;
  /**
   * The time of this operation's Warning already on the resource before
   * the write (an earlier request's failure), which is not this one's.
   */
  earlierWarningAt?: string;
}

/** The Warning about `operation` a resource carries, if any. @public */
export function offsetsWarning(
  resource: { status?: { conditions?: StrimziCondition[] } } | undefined,
  operation: OffsetsOperation,
): StrimziCondition | undefined {
  const conditions = resource?.status?.conditions;
  return (Array.isArray(conditions) ? conditions : []).find(
    condition =>
      condition?.type === 'Warning' &&
      (condition.reason === WARNING_REASONS[operation] ||
        condition.reason === 'ManageOffsets'),
  );
}

/**
 * The outcome of an offsets request: `done` once the annotation is gone
 * from a resource at least as new as the write (an older copy would look
 * done already), `failed` once Strimzi wrote its Warning (`ListOffsets`,
 * `AlterOffsets`, `ResetOffsets`, or `ManageOffsets` for a bad value)
 * since the write, else `pending`. Strimzi leaves the annotation in place
 * when it fails, so the Warning decides.
 * @public
 */
export function offsetsOutcome(
  resource:
    | {
        metadata?: {
          resourceVersion?: string;
          annotations?: Record<string, string>;
        };
        status?: { conditions?: StrimziCondition[] };
      }
    | undefined,
  operation: OffsetsOperation,
  written: OffsetsRequestWritten,
): OffsetsOutcome {
  if (!resource) {
    return { state: 'pending' };
  }
  const seen = Number(resource.metadata?.resourceVersion);
  const wrote = Number(written.resourceVersion);
  // etcd's resource versions are increasing integers.
  const caughtUp =
    written.resourceVersion === undefined ||
    resource.metadata?.resourceVersion === written.resourceVersion ||
    (Number.isFinite(seen) && Number.isFinite(wrote) && seen > wrote);
  if (!caughtUp) {
    return { state: 'pending' };
  }
  const found = offsetsWarning(resource, operation);
  const time = Date.parse(found?.lastTransitionTime ?? '');
  const earlier = Date.parse(written.earlierWarningAt ?? '');
  const warning =
    found &&
    time >= written.at &&
    !(Number.isFinite(earlier) && time <= earlier)
      ? found
      : undefined;
  const pending =
    resource.metadata?.annotations?.[CONNECTOR_OFFSETS_ANNOTATION] !==
    undefined;
  if (pending && warning) {
    return {
      state: 'failed',
      reason: warning.reason ?? WARNING_REASONS[operation],
      message: warning.message ?? `Strimzi could not ${operation} the offsets`,
    };
  }
  return pending ? { state: 'pending' } : { state: 'done' };
}
