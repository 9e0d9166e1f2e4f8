import {
  parseResourceRef,
  StrimziResourceRef,
} from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  KafkaConnectorPermissionResource,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';

/** The KafkaConnector, or else the KafkaMirrorMaker2, of that name. */
export function findConnector(
  cache: StrimziResourceReader,
  ref: StrimziResourceRef,
): CachedResource | undefined {
  return (
    cache.get('KafkaConnector', ref.cluster, ref.namespace, ref.name) ??
    cache.get('KafkaMirrorMaker2', ref.cluster, ref.namespace, ref.name)
  );
}

/** The connector behind a permission resource ref (`<cluster>/<namespace>/<name>`), with its owner. */
export function permissionResourceOf(
  resourceRef: string,
  cache: StrimziResourceReader,
): KafkaConnectorPermissionResource | undefined {
  const ref = parseResourceRef(resourceRef);
  if (!ref) {
    return undefined;
  }
  const found = findConnector(cache, ref);
  if (!found) {
    return undefined;
  }
  // The cache's resolution (annotation, Namespace, config, default): the one the REST API and catalog use.
  const { owner } = cache.ownerOf(found);
  return {
    ...ref,
    kind:
      found.kind === 'KafkaMirrorMaker2'
        ? 'KafkaMirrorMaker2'
        : 'KafkaConnector',
    ...(owner ? { owner } : {}),
  };
}
