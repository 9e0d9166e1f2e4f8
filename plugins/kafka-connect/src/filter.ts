import type { Entity } from '@backstage/catalog-model';
import {
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

/**
 * Whether the Kafka Connect card and tab belong on an entity's page: it has a
 * linking annotation, or it is a Group, User or System (they own or group connectors).
 * @public
 */
export function isKafkaConnectAvailable(entity: Entity): boolean {
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'group' || kind === 'user' || kind === 'system') {
    return true;
  }
  const annotations = entity.metadata.annotations ?? {};
  return LINKING_ANNOTATIONS.some(annotation =>
    Boolean(annotations[annotation]),
  );
}
