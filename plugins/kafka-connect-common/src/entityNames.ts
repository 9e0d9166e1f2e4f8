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

// Cluster names (validated by the config reader) and namespaces (DNS labels)
// hold no dot, so `kind.cluster.namespace.name` splits back unambiguously.
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// Kubernetes object names are DNS subdomains: they may hold dots, never `_`.
const SUBDOMAIN = /^[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/;

/** FNV-1a, 32 bit: a short stable hash that runs in browsers and Node alike. */
function fnv1a(text: string, seed: number): string {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * The catalog entity name of a Strimzi resource: kind, cluster, namespace and
 * name joined with `.` (`kctr.eu-1.orders.orders-cdc`).
 *
 * When that is longer than Backstage's 63 characters, or a part is not a
 * plain Kubernetes name (so the join could be ambiguous or invalid), the
 * name is cut, cleaned and suffixed with `_` and a 14-character hash of the
 * full identity. Plain names never hold `_`, so a shortened name can never
 * equal a plain one, and the 64-bit hash keeps shortened names apart.
 * @public
 */
export function resourceEntityName(
  ref: StrimziResourceRef,
  kind: StrimziEntityKind,
): string {
  const full = [PREFIXES[kind], ref.cluster, ref.namespace, ref.name].join('.');
  if (
    full.length <= MAX_NAME_LENGTH &&
    LABEL.test(ref.cluster) &&
    LABEL.test(ref.namespace) &&
    SUBDOMAIN.test(ref.name)
  ) {
    return full;
  }
  const identity = JSON.stringify([kind, ref.cluster, ref.namespace, ref.name]);
  const hash = `${fnv1a(identity, 0x811c9dc5)}${fnv1a(identity, 0x050c5d1f)}`;
  const head = full
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9.-]+/g, '-')
    .slice(0, MAX_NAME_LENGTH - hash.length - 1)
    .replace(/[-.]+$/, '');
  return `${head}_${hash}`;
}

/** The entity ref of a Strimzi resource's catalog entity. @public */
export function resourceEntityRef(
  ref: StrimziResourceRef,
  kind: StrimziEntityKind,
): string {
  return `resource:default/${resourceEntityName(ref, kind)}`;
}

/**
 * Whether an entity ref names the catalog entity of a Strimzi resource
 * (`resource:default/kctr.…`, `kc.…` or `kmm2.…`), as relations carry them.
 * @public
 */
export function isResourceEntityRef(ref: string): boolean {
  const match = /^resource:default\/([a-z0-9]+)\./.exec(
    ref.toLocaleLowerCase('en-US'),
  );
  return Boolean(match && Object.values(PREFIXES).includes(match[1]));
}
