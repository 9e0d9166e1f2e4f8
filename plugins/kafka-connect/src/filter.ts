import type { Entity } from '@backstage/catalog-model';
import {
  isResourceEntityRef,
  KAFKA_CONNECT_CLUSTER_ANNOTATION,
  KAFKA_CONNECTOR_ANNOTATION,
  KAFKA_MIRRORMAKER2_ANNOTATION,
  KUBERNETES_ID,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';

const LINKING_ANNOTATIONS = [
  KUBERNETES_ID,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KAFKA_CONNECTOR_ANNOTATION,
  KAFKA_CONNECT_CLUSTER_ANNOTATION,
  KAFKA_MIRRORMAKER2_ANNOTATION,
];

function relatesToResource(entity: Entity, type: string): boolean {
  return (entity.relations ?? []).some(
    relation =>
      relation.type === type && isResourceEntityRef(relation.targetRef),
  );
}

/**
 * Whether the Kafka Connect card and tab belong on an entity's page: it has a
 * linking annotation; or it is a Group or User that owns a connector, Connect
 * cluster or MirrorMaker 2 entity, or a System that has one as a part (the
 * relations the catalog module's entities create).
 * @public
 */
export function isKafkaConnectAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'group' || kind === 'user') {
    return relatesToResource(entity, 'ownerOf');
  }
  if (kind === 'system') {
    return relatesToResource(entity, 'hasPart');
  }
  const annotations = entity.metadata.annotations ?? {};
  return LINKING_ANNOTATIONS.some(annotation =>
    Boolean(annotations[annotation]),
  );
}
