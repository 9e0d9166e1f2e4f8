import type { RestartDialect } from '../api';
import type { LearnedRestartDialect } from './restartDialect';
import { configuredStrimziAtLeast } from '../strimziVersion';

/** What decides a cluster's restart dialect. @public */
export interface RestartDialectInputs {
  /** `kafkaConnect.clusters[].strimziVersion`, e.g. `0.48.0`. */
  strimziVersion?: string;
  /** The Strimzi API version in use for the cluster (`v1` when served). */
  apiVersion?: string | null;
  /** What the cluster's Strimzi was seen to do with an options value (observeRestartAnnotation). */
  learned?: LearnedRestartDialect;
}

/**
 * Whether a cluster's Strimzi reads restart options (`includeTasks`,
 * `onlyFailed`, KIP-745; Strimzi 0.48 and later) in `strimzi.io/restart`
 * and `strimzi.io/restart-connector`, and what says so. Earlier versions
 * read the value as a boolean: anything but `true` restarts nothing and
 * stays in place.
 *
 * Known from the configured Strimzi version when there is one; else from
 * the API versions the cluster serves: `kafka.strimzi.io/v1` came with
 * 0.49. A `v1beta2`-only cluster may be 0.48 or older: what its Strimzi was
 * seen to do with an options value decides (`learned`); until then it gets
 * `true` (which every version reads) and the tasks one by one.
 * @public
 */
export function restartDialectOf(
  cluster: RestartDialectInputs,
): RestartDialect {
  const configured = configuredStrimziAtLeast(cluster.strimziVersion, '0.48');
  if (configured !== undefined) {
    return { restartOptions: configured, source: 'strimziVersion' };
  }
  if (cluster.apiVersion === 'v1') {
    return { restartOptions: true, source: 'apiVersion' };
  }
  if (cluster.learned) {
    return {
      restartOptions: cluster.learned === 'options',
      source: 'learned',
    };
  }
  return { restartOptions: false, source: 'unknown' };
}

/**
 * Whether a cluster's Strimzi reads restart options: {@link restartDialectOf}'s answer.
 * @public
 */
export function restartOptionsSupported(
  cluster: RestartDialectInputs,
): boolean {
  return restartDialectOf(cluster).restartOptions;
}
