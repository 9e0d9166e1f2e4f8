import {
  KUBERNETES_ID,
  STRIMZI_CLUSTER_LABEL,
  StrimziKind,
} from '@kcs/plugin-kafka-connect-common';
import type { CachedResource } from './StrimziResourceCache';

/** The lookups the cache answers from an index. */
export type IndexName = 'kubernetesId' | 'owner' | 'system' | 'connect';

/** The index keys one resource is found under. */
export type IndexKeys = Partial<Record<IndexName, string>>;

/** The kinds that are indexed (KafkaConnects only by owner). */
export const INDEXED_KINDS: StrimziKind[] = [
  'KafkaConnector',
  'KafkaMirrorMaker2',
  'KafkaConnect',
];

/** `kind|cluster|namespace|name`: one resource across clusters. */
export function resourceId(
  kind: StrimziKind,
  cluster: string,
  namespace: string | undefined,
  name: string | undefined,
): string {
  return `${kind}|${cluster}|${namespace}|${name}`;
}

/**
 * The index keys of a resource: its `backstage.io/kubernetes-id`, owner,
 * system and (for connectors) the Connect cluster it runs on.
 */
export function indexKeysOf(
  cached: CachedResource,
  ownerOf: (cached: CachedResource) => string | undefined,
  systemOf: (cached: CachedResource) => string | undefined,
): IndexKeys {
  const { kind, cluster, resource } = cached;
  const { namespace, labels } = resource.metadata ?? {};
  const keys: IndexKeys = { owner: ownerOf(cached) };
  if (kind !== 'KafkaConnect') {
    keys.kubernetesId = labels?.[KUBERNETES_ID];
    keys.system = systemOf(cached);
  }
  if (kind === 'KafkaConnector' && labels?.[STRIMZI_CLUSTER_LABEL]) {
    keys.connect = `${cluster}/${namespace}/${labels[STRIMZI_CLUSTER_LABEL]}`;
  }
  return keys;
}

/**
 * Resource ids by kubernetes-id, owner, system and Connect cluster, kept
 * current one resource at a time: a change moves that resource's entries
 * only, instead of rebuilding the index over every cached resource.
 */
export class ResourceIndex {
  private readonly entries: Record<IndexName, Map<string, Set<string>>> = {
    kubernetesId: new Map(),
    owner: new Map(),
    system: new Map(),
    connect: new Map(),
  };
  private readonly keysById = new Map<string, IndexKeys>();

  lookup(index: IndexName, key: string | undefined): Set<string> {
    return (key && this.entries[index].get(key)) || new Set();
  }

  /** Files the resource under its keys now (replacing where it was). */
  put(id: string, keys: IndexKeys) {
    this.remove(id);
    for (const [index, key] of Object.entries(keys) as [IndexName, string][]) {
      if (!key) {
        continue;
      }
      let ids = this.entries[index].get(key);
      if (!ids) {
        ids = new Set();
        this.entries[index].set(key, ids);
      }
      ids.add(id);
    }
    this.keysById.set(id, keys);
  }

  remove(id: string) {
    const keys = this.keysById.get(id);
    if (!keys) {
      return;
    }
    for (const [index, key] of Object.entries(keys) as [IndexName, string][]) {
      const ids = key ? this.entries[index].get(key) : undefined;
      ids?.delete(id);
      if (ids?.size === 0) {
        this.entries[index].delete(key);
      }
    }
    this.keysById.delete(id);
  }

  clear() {
    Object.values(this.entries).forEach(entries => entries.clear());
    this.keysById.clear();
  }
}
