import {
  connectClusterOf,
  KafkaConnectResource,
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

/**
 * The KafkaConnect a KafkaConnector runs on, from the cache; undefined when
 * the cache has none (the connector's own status then says whether it is
 * missing: the portal's identity may not be allowed to list KafkaConnects).
 */
export function connectClusterResource(
  cache: StrimziResourceReader,
  cached: CachedResource,
): KafkaConnectResource | undefined {
  const name = connectClusterOf(cached.resource, cached.kind);
  const namespace = cached.resource.metadata?.namespace;
  const found =
    name && namespace
      ? cache.get('KafkaConnect', cached.cluster, namespace, name)
      : undefined;
  return found?.resource as KafkaConnectResource | undefined;
}
