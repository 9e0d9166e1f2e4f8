/** Offsets as the dialog shows and edits them: pure, no React. */
import {
  AlterOffsetsRequest,
  ConnectorOffset,
} from '@kcs/plugin-kafka-connect-common';

/** How a partition reads: a sink's `orders / partition 0`, a source's own keys. */
export function partitionLabel(partition: Record<string, unknown>): string {
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
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      errors[index] =
        'Not JSON: write an object such as {"kafka_offset": 0}, or null';
      return;
    }
    if (
      parsed !== null &&
      (typeof parsed !== 'object' || Array.isArray(parsed))
    ) {
      errors[index] =
        'An offset is an object such as {"kafka_offset": 0}, or null to remove it';
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
