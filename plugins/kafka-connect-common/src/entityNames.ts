import type { StrimziResourceRef } from './api';

/** Strimzi kinds that become catalog entities. @public */
export type StrimziEntityKind =
  | 'KafkaConnector'
  | 'KafkaConnect'
  | 'KafkaMirrorMaker2';

const PREFIXES: Record<StrimziEntityKind, string> = {
  KafkaConnector: 'kctr',
  KafkaConnect: 'kc',
  KafkaMirrorMaker2: 'kmm2',
};

const MAX_NAME_LENGTH = 63;

/** FNV-1a, 32 bit: a short stable hash that runs in browsers and Node alike. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * The catalog entity name of a Strimzi resource: kind, cluster, namespace and
 * name joined with `.` (`kctr.eu-1.orders.orders-cdc`). Cluster and namespace
 * names never hold a dot, so the join is unambiguous. When it exceeds
 * Backstage's 63 characters it is cut and suffixed with a hash of the full
 * identity, so it stays unique and stable.
 * @public
 */
export function resourceEntityName(
  ref: StrimziResourceRef,
  kind: StrimziEntityKind,
): string {
  const full = [PREFIXES[kind], ref.cluster, ref.namespace, ref.name]
    .join('.')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9-_.]/g, '-');
  if (full.length <= MAX_NAME_LENGTH) {
    return full;
  }
  const hash = fnv1a(`${kind}/${ref.cluster}/${ref.namespace}/${ref.name}`);
  const head = full
    .slice(0, MAX_NAME_LENGTH - hash.length - 1)
    .replace(/[-_.]+$/, '');
  return `${head}-${hash}`;
}

/** The entity ref of a Strimzi resource's catalog entity. @public */
export function resourceEntityRef(
  ref: StrimziResourceRef,
  kind: StrimziEntityKind,
): string {
  return `resource:default/${resourceEntityName(ref, kind)}`;
}
