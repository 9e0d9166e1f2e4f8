/** Offsets as the dialog shows and edits them: pure, no React. */
import {
  AlterOffsetsRequest,
  ConnectorOffset,
} from '@kcs/plugin-kafka-connect-common';

const MIRROR_SOURCE_KEYS = ['cluster', 'partition', 'topic'];

/**
 * Whether a partition is keyed as MirrorMaker 2's source connector keys the
 * partitions it mirrors: the source cluster's alias, the topic, the number.
 */
export function isMirrorSourcePartition(
  partition: Record<string, unknown>,
): boolean {
  const keys = Object.keys(partition).sort();
  return (
    keys.length === MIRROR_SOURCE_KEYS.length &&
    keys.every((key, index) => key === MIRROR_SOURCE_KEYS[index])
  );
}

/**
 * How a partition reads: a sink's `orders / partition 0`, a MirrorMaker 2
 * source connector's `orders / partition 0 (source cluster us)`, another
 * source's own keys.
 */
export function partitionLabel(
  partition: Record<string, unknown>,
  options: { mirrorMaker2?: boolean } = {},
): string {
  // Only for a MirrorMaker 2: another connector may key partitions alike
  // and mean something else by `cluster`.
  if (options.mirrorMaker2 && isMirrorSourcePartition(partition)) {
    // "source cluster": an alias such as `us` alone reads as a word.
    return `${String(partition.topic)} / partition ${String(
      partition.partition,
    )} (source cluster ${String(partition.cluster)})`;
  }
  if ('kafka_topic' in partition && 'kafka_partition' in partition) {
    return `${String(partition.kafka_topic)} / partition ${String(
      partition.kafka_partition,
    )}`;
  }
  return Object.entries(partition)
    .map(
      ([key, value]) =>
        `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
    )
    .join(', ');
}

/** An offset as the editor shows it: compact JSON, `null` for none. */
export function offsetText(offset: ConnectorOffset['offset']): string {
  return JSON.stringify(offset);
}

/**
 * The alteration the edits make: only the rows whose text changed, each
 * parsed as an offset object or `null` (which removes the partition's
 * offset). Errors are keyed by row.
 */
export function alterRequestFromEdits(
  listed: ConnectorOffset[],
  edits: Record<number, string>,
): { request?: AlterOffsetsRequest; errors: Record<number, string> } {
  const errors: Record<number, string> = {};
  const offsets: ConnectorOffset[] = [];
  listed.forEach((entry, index) => {
    const text = edits[index];
    if (text === undefined || text.trim() === offsetText(entry.offset)) {
      return;
    }
    // The listed offset is the example: its keys are the connector's own
    // (a sink's kafka_offset, a MirrorMaker 2 source's offset, ...).
    const example =
      entry.offset !== null ? offsetText(entry.offset) : '{"kafka_offset":0}';
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      errors[index] = `Not JSON: write an object such as ${example}, or null`;
      return;
    }
    if (
      parsed !== null &&
      (typeof parsed !== 'object' || Array.isArray(parsed))
    ) {
      errors[
        index
      ] = `An offset is an object such as ${example}, or null to remove it`;
      return;
    }
    offsets.push({
      partition: entry.partition,
      offset: parsed as ConnectorOffset['offset'],
    });
  });
  if (Object.keys(errors).length || offsets.length === 0) {
    return { errors };
  }
  return { request: { offsets }, errors };
}
