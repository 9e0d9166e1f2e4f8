import type { Entity } from '@backstage/catalog-model';
import {
  KAFKA_CONNECT_CLUSTER_ANNOTATION,
  KAFKA_CONNECTOR_ANNOTATION,
  KAFKA_MIRRORMAKER2_ANNOTATION,
  KUBERNETES_ID,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
} from './names';
import { isResourceEntityRef } from './entityNames';

/**
 * Annotations that link an entity to connectors.
 * @public
 */
export const KAFKA_CONNECT_LINKING_ANNOTATIONS = [
  KUBERNETES_ID,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KAFKA_CONNECTOR_ANNOTATION,
  KAFKA_CONNECT_CLUSTER_ANNOTATION,
  KAFKA_MIRRORMAKER2_ANNOTATION,
] as const;

function relatesToResource(entity: Entity, type: string): boolean {
  return (entity.relations ?? []).some(
    relation =>
      relation.type === type && isResourceEntityRef(relation.targetRef),
  );
}

/**
 * Whether an entity can have connectors: the one rule that the frontend's
 * card and tab filter and the backend's entity-connectors answer share, so an
 * entity never gets connectors from the API without a card (or a card that can
 * never fill). Groups and Users own a connector, Connect cluster or
 * MirrorMaker 2 entity; Systems have one as a part (relations the catalog
 * module's entities create); other entities carry a linking annotation or
 * depend on a connector's entity.
 * @public
 */
export function entityCanHaveConnectors(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'group' || kind === 'user') {
    return relatesToResource(entity, 'ownerOf');
  }
  if (kind === 'system') {
    return relatesToResource(entity, 'hasPart');
  }
  const annotations = entity.metadata.annotations ?? {};
  return (
    KAFKA_CONNECT_LINKING_ANNOTATIONS.some(annotation =>
      Boolean(annotations[annotation]),
    ) || relatesToResource(entity, 'dependsOn')
  );
}
