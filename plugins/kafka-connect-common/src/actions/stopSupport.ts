import { configuredStrimziAtLeast } from '../strimziVersion';

/** Whether a cluster's connectors can be stopped, and if not why. @public */
export type ConnectorStateSupport =
  | { supported: true }
  | { supported: false; reason: string };

/** The first Strimzi release with `spec.state`, and so with stop. @public */
export const CONNECTOR_STATE_MIN_STRIMZI = '0.38';

/**
 * Whether a cluster's connectors (KafkaConnectors and the connectors in a
 * KafkaMirrorMaker2's `spec.mirrors`) have `spec.state`, and so can be
 * stopped, and if not why. `kafka.strimzi.io/v1` always has it; on
 * `v1beta2` a configured Strimzi version older than 0.38 says not, and so
 * does the API server once it refused `state` (`learnedLacksState`).
 * Without either, a `v1beta2` cluster is taken to have it: the first write
 * of `state` tells.
 * @public
 */
export function connectorStateSupport(cluster: {
  /** The Strimzi API version in use (`v1` or `v1beta2`). */
  apiVersion?: string | null;
  /** `kafkaConnect.clusters[].strimziVersion`, e.g. `0.37.0`. */
  strimziVersion?: string;
  /** The API server refused `state` on this cluster before. */
  learnedLacksState?: boolean;
}): ConnectorStateSupport {
  if (cluster.apiVersion === 'v1') {
    return { supported: true };
  }
  if (beforeState(cluster.strimziVersion) || cluster.learnedLacksState) {
    return {
      supported: false,
      reason: stopUnsupportedReason(cluster.strimziVersion),
    };
  }
  return { supported: true };
}

/** A configured version older than 0.38. */
function beforeState(strimziVersion: string | undefined): boolean {
  return (
    configuredStrimziAtLeast(strimziVersion, CONNECTOR_STATE_MIN_STRIMZI) ===
    false
  );
}

/**
 * Why stop is refused on a Strimzi older than 0.38, naming the configured
 * version when it is one of those.
 * @public
 */
export function stopUnsupportedReason(strimziVersion?: string): string {
  const configured = beforeState(strimziVersion)
    ? strimziVersion!.trim()
    : undefined;
  return `Action 'stop' needs spec.state, which came with Strimzi ${CONNECTOR_STATE_MIN_STRIMZI}; ${
    configured
      ? `this cluster's Strimzi is ${configured}`
      : "this cluster's Strimzi (kafka.strimzi.io/v1beta2) does not have it"
  }: pause the connector instead, or upgrade Strimzi`;
}
