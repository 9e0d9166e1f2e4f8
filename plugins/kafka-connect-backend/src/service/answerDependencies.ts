import {
  KUBERNETES_ID,
  normalizeEntityRef,
  STRIMZI_CLUSTER_LABEL,
  StrimziKind,
} from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  ResourceChange,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';

/**
 * An answer's dependencies are strings a change can hit: every resource it
 * read (`res|…`, found or not), every index it asked (`kid|`, `owner|`,
 * `system|`, `connect|`: a resource joining that key changes the answer),
 * and `list|<kind>` when it scanned a whole kind.
 */
const resourceKey = (
  kind: StrimziKind,
  cluster: string,
  namespace: string | undefined,
  name: string | undefined,
) => `res|${kind}|${cluster}|${namespace}|${name}`;

const ownerKey = (ref: string) =>
  normalizeEntityRef(ref, {
    defaultKind: 'group',
    allowedKinds: ['group', 'user'],
  }).ref;

const systemKey = (ref: string) =>
  normalizeEntityRef(ref, { defaultKind: 'system', allowedKinds: ['system'] })
    .ref;

/**
 * The reader as an answer's builder sees it, noting into `dependencies`
 * everything the answer was built from.
 */
export function recordingReader(
  reader: StrimziResourceReader,
  dependencies: Set<string>,
): StrimziResourceReader {
  const found = (items: CachedResource[]) => {
    for (const { kind, cluster, resource } of items) {
      const { namespace, name } = resource.metadata ?? {};
      dependencies.add(resourceKey(kind, cluster, namespace, name));
    }
    return items;
  };
  return {
    clusters: () => reader.clusters(),
    list: kind => {
      dependencies.add(`list|${kind}`);
      return reader.list(kind);
    },
    get: (kind, cluster, namespace, name) => {
      dependencies.add(resourceKey(kind, cluster, namespace, name));
      return reader.get(kind, cluster, namespace, name);
    },
    byKubernetesId: id => {
      dependencies.add(`kid|${id}`);
      return found(reader.byKubernetesId(id));
    },
    byOwner: ref => {
      dependencies.add(`owner|${ownerKey(ref)}`);
      return found(reader.byOwner(ref));
    },
    bySystem: ref => {
      dependencies.add(`system|${systemKey(ref)}`);
      return found(reader.bySystem(ref));
    },
    byConnectCluster: (cluster, namespace, connect) => {
      dependencies.add(`connect|${cluster}/${namespace}/${connect}`);
      return found(reader.byConnectCluster(cluster, namespace, connect));
    },
    ownerOf: cached => reader.ownerOf(cached),
    systemOf: cached => reader.systemOf(cached),
    namespaceAnnotations: (cluster, namespace) =>
      reader.namespaceAnnotations(cluster, namespace),
    subscribe: listener => reader.subscribe(listener),
    addClusters: clusters => reader.addClusters(clusters),
  };
}

/**
 * The dependencies a change hits, or undefined when it may hit any answer
 * (a kind's first list, a Namespace's owner or system annotations, a
 * Connect cluster).
 */
export function keysHitBy(
  change: ResourceChange,
  reader: Pick<StrimziResourceReader, 'ownerOf' | 'systemOf'>,
): string[] | undefined {
  if (change.type === 'synced' || change.type === 'namespaces') {
    return undefined;
  }
  if (!change.resource) {
    return undefined;
  }
  // A Connect cluster's state is part of each of its connectors' health, and
  // answers read it beside the reader; such changes are rare, so drop all.
  if (change.kind === 'KafkaConnect') {
    return undefined;
  }
  const { kind, cluster, resource } = change;
  const { namespace, name, labels } = resource.metadata ?? {};
  const cached = { kind, cluster, resource };
  const keys = [resourceKey(kind, cluster, namespace, name), `list|${kind}`];
  const owner = reader.ownerOf(cached).owner;
  if (owner) {
    keys.push(`owner|${owner}`);
  }
  if (labels?.[KUBERNETES_ID]) {
    keys.push(`kid|${labels[KUBERNETES_ID]}`);
  }
  const system = reader.systemOf(cached);
  if (system) {
    keys.push(`system|${system}`);
  }
  if (kind === 'KafkaConnector' && labels?.[STRIMZI_CLUSTER_LABEL]) {
    keys.push(
      `connect|${cluster}/${namespace}/${labels[STRIMZI_CLUSTER_LABEL]}`,
    );
  }
  return keys;
}
