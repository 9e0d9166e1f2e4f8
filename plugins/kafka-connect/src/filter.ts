import type { Entity } from '@backstage/catalog-model';
import { entityCanHaveConnectors } from '@kcs/plugin-kafka-connect-common';

/**
 * Whether the Kafka Connect card and tab belong on an entity's page: the
 * rule the backend's entity-connectors answer uses too
 * (`entityCanHaveConnectors`): a linking annotation or a dependsOn a
 * connector's entity; Groups and Users that own a connector, Connect cluster
 * or MirrorMaker 2 entity; Systems that have one as a part.
 * @public
 */
export function isKafkaConnectAvailable(entity: Entity): boolean {
  return entityCanHaveConnectors(entity);
}
