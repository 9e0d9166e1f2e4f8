import { configuredStrimziAtLeast } from '../strimziVersion';

/** Whether a cluster's Strimzi manages connector offsets, and if not why. @public */
export type OffsetsSupport =
  | { supported: true }
  | { supported: false; reason: string };

/** The first Strimzi release with `spec.listOffsets` / `spec.alterOffsets` (proposals 076 and 083). @public */
export const OFFSETS_MIN_STRIMZI = '0.44';

/**
 * Whether a cluster's Strimzi lists, alters and resets connector offsets
 * (`strimzi.io/connector-offsets`, Strimzi 0.44 and later).
 *
 * Known from the configured Strimzi version when there is one. Without
 * it, a `v1` cluster is 0.49 or later; a `v1beta2`-only cluster may be
 * older than 0.44, but then its CRD lacks `spec.listOffsets` and the API
 * server's strict field validation refuses the first write, which the
 * backend reports with the same reason. So only a configured version
 * older than 0.44 is refused up front.
 * @public
 */
export function offsetsSupport(cluster: {
  /** `kafkaConnect.clusters[].strimziVersion`, e.g. `0.43.0`. */
  strimziVersion?: string;
}): OffsetsSupport {
  if (
    configuredStrimziAtLeast(cluster.strimziVersion, OFFSETS_MIN_STRIMZI) !==
    false
  ) {
    return { supported: true };
  }
  return {
    supported: false,
    reason: offsetsUnsupportedReason(cluster.strimziVersion!.trim()),
  };
}

/** Why offsets cannot be managed on a Strimzi older than 0.44. @public */
export function offsetsUnsupportedReason(strimziVersion?: string): string {
  return `${
    strimziVersion ? `Strimzi ${strimziVersion}` : "This cluster's Strimzi"
  } cannot list, alter or reset connector offsets: spec.listOffsets, spec.alterOffsets and the strimzi.io/connector-offsets annotation came with Strimzi ${OFFSETS_MIN_STRIMZI}. Upgrade Strimzi to manage offsets from the portal.`;
}
