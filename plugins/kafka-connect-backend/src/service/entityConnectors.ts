import {
  Entity,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  KAFKA_CONNECT_CLUSTER_ANNOTATION,
  KAFKA_CONNECTOR_ANNOTATION,
  KAFKA_MIRRORMAKER2_ANNOTATION,
  entityCanHaveConnectors,
  KUBERNETES_ID,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  parseResourceRef,
  resourceEntityRef,
} from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';

function refsIn(annotation: string | undefined) {
  return (annotation ?? '')
    .split(',')
    .map(value => value.trim())
    .filter(Boolean)
    .flatMap(value => {
      const ref = parseResourceRef(value);
      return ref ? [ref] : [];
    });
}

function keyOf(cached: CachedResource) {
  const { namespace, name } = cached.resource.metadata ?? {};
  return `${cached.kind}|${cached.cluster}|${namespace}|${name}`;
}

/** Parses an equality label selector (`a=b,c=d`); other operators match nothing. */
export function parseEqualitySelector(
  selector: string,
): Record<string, string> | undefined {
  const pairs = selector
    .split(',')
    .map(part => part.trim())
    .filter(Boolean);
  const parsed: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([^=!\s]+)\s*==?\s*([^=!\s]*)$/.exec(pair);
    if (!match) {
      return undefined;
    }
    parsed[match[1]] = match[2];
  }
  return pairs.length > 0 ? parsed : undefined;
}

/**
 * The connectors (and MirrorMaker 2s) an entity owns or uses: by
 * `backstage.io/kubernetes-id`, by the suite's link annotations, by owner for
 * groups and users, by system for systems.
 */
export function connectorsOfEntity(
  entity: Entity,
  reader: StrimziResourceReader,
): CachedResource[] {
  // The card's own rule: an entity without a card gets no connectors either.
  if (!entityCanHaveConnectors(entity)) {
    return [];
  }
  const annotations = entity.metadata.annotations ?? {};
  const found = new Map<string, CachedResource>();
  const add = (items: CachedResource[]) => {
    for (const item of items) {
      if (item.kind !== 'KafkaConnect') {
        found.set(keyOf(item), item);
      }
    }
  };
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'group' || kind === 'user') {
    const owners = [stringifyEntityRef(entity)];
    if (kind === 'user') {
      owners.push(
        ...(entity.relations ?? [])
          .filter(relation => relation.type === RELATION_MEMBER_OF)
          .map(relation => relation.targetRef),
      );
    }
    for (const owner of owners) {
      add(reader.byOwner(owner));
    }
  } else if (kind === 'system') {
    // The cache's systemOf: resource annotation, Namespace's, namespaceSystems.
    add(reader.bySystem(stringifyEntityRef(entity)));
  } else if (annotations[KUBERNETES_ID]) {
    add(reader.byKubernetesId(annotations[KUBERNETES_ID]));
  }
  const related = (type: string) =>
    (entity.relations ?? []).filter(r => r.type === type).map(r => r.targetRef);
  // A System's parts (components) bring their connectors along.
  if (kind === 'system') {
    for (const part of related(RELATION_HAS_PART)) {
      const { kind: partKind, name } = parseEntityRef(part);
      if (partKind.toLocaleLowerCase('en-US') === 'component') {
        add(reader.byKubernetesId(name));
      }
    }
  }
  // An entity that dependsOn a connector's own catalog entity uses that connector.
  const dependsOn = new Set(related(RELATION_DEPENDS_ON));
  if (dependsOn.size > 0) {
    for (const kindOf of ['KafkaConnector', 'KafkaMirrorMaker2'] as const) {
      add(
        reader.list(kindOf).filter(item =>
          dependsOn.has(
            resourceEntityRef(
              {
                cluster: item.cluster,
                namespace: item.resource.metadata?.namespace,
                name: item.resource.metadata?.name,
              },
              kindOf,
            ),
          ),
        ),
      );
    }
  }
  const selector = parseEqualitySelector(
    annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION] ?? '',
  );
  if (selector) {
    add(
      [
        ...reader.list('KafkaConnector'),
        ...reader.list('KafkaMirrorMaker2'),
      ].filter(item =>
        Object.entries(selector).every(
          ([key, value]) => item.resource.metadata?.labels?.[key] === value,
        ),
      ),
    );
  }
  for (const ref of refsIn(annotations[KAFKA_CONNECTOR_ANNOTATION])) {
    const item = reader.get(
      'KafkaConnector',
      ref.cluster,
      ref.namespace,
      ref.name,
    );
    add(item ? [item] : []);
  }
  for (const ref of refsIn(annotations[KAFKA_MIRRORMAKER2_ANNOTATION])) {
    const item = reader.get(
      'KafkaMirrorMaker2',
      ref.cluster,
      ref.namespace,
      ref.name,
    );
    add(item ? [item] : []);
  }
  for (const ref of refsIn(annotations[KAFKA_CONNECT_CLUSTER_ANNOTATION])) {
    add(reader.byConnectCluster(ref.cluster, ref.namespace, ref.name));
  }
  return [...found.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** The Connect clusters the given connectors run on (MirrorMaker 2s are their own). */
export function connectClustersOf(
  connectors: CachedResource[],
  reader: StrimziResourceReader,
): CachedResource[] {
  const found = new Map<string, CachedResource>();
  for (const connector of connectors) {
    if (connector.kind === 'KafkaMirrorMaker2') {
      found.set(keyOf(connector), connector);
      continue;
    }
    const connect = connector.resource.metadata?.labels?.['strimzi.io/cluster'];
    const item = connect
      ? reader.get(
          'KafkaConnect',
          connector.cluster,
          connector.resource.metadata?.namespace,
          connect,
        )
      : undefined;
    if (item) {
      found.set(keyOf(item), item);
    }
  }
  return [...found.values()];
}
