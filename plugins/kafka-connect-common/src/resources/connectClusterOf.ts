import { STRIMZI_CLUSTER_LABEL } from '../names';
import type { ObjectMeta } from '../strimzi';

/**
 * The name of the Connect cluster a resource belongs to, in its namespace: a
 * KafkaConnector's `strimzi.io/cluster` label; a KafkaConnect or
 * KafkaMirrorMaker2 is its own Connect cluster. Undefined for a connector
 * without the label (Strimzi ignores such a connector).
 * @public
 */
export function connectClusterOf(
  resource: { kind?: string; metadata?: ObjectMeta } | undefined,
  kind: string | undefined = resource?.kind,
): string | undefined {
  const metadata = resource?.metadata;
  if (kind === 'KafkaConnect' || kind === 'KafkaMirrorMaker2') {
    return metadata?.name || undefined;
  }
  const label = metadata?.labels?.[STRIMZI_CLUSTER_LABEL];
  return typeof label === 'string' && label.trim() ? label.trim() : undefined;
}
