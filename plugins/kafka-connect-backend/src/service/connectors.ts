import type { Config } from '@backstage/config';
import {
  parseResourceRef,
  resolveOwner,
  StrimziResourceRef,
} from '@kcs/plugin-kafka-connect-common';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
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
export async function permissionResourceOf(
  resourceRef: string,
  cache: StrimziResourceReader,
  config: Config,
  namespaceAnnotationsOf: (
    cluster: string,
    namespace: string,
  ) => Promise<Record<string, string> | undefined> = async () => undefined,
): Promise<KafkaConnectorPermissionResource | undefined> {
  const ref = parseResourceRef(resourceRef);
  if (!ref) {
    return undefined;
  }
  const found = findConnector(cache, ref);
  if (!found) {
    return undefined;
  }
  const input = {
    resourceAnnotations: found.resource.metadata?.annotations,
    namespace: ref.namespace,
    namespaceOwners: config.getOptional<Record<string, string>>(
      'kafkaConnect.catalog.namespaceOwners',
    ),
    defaultOwner: config.getOptionalString('kafkaConnect.catalog.defaultOwner'),
  };
  const first = resolveOwner(input);
  let owner = first.owner;
  // The cache holds no Namespace objects: read the namespace's owner only when needed.
  if (first.source !== 'resource') {
    ({ owner } = resolveOwner({
      ...input,
      namespaceAnnotations: await namespaceAnnotationsOf(
        ref.cluster,
        ref.namespace,
      ),
    }));
  }
  return {
    ...ref,
    kind:
      found.kind === 'KafkaMirrorMaker2'
        ? 'KafkaMirrorMaker2'
        : 'KafkaConnector',
    ...(owner ? { owner } : {}),
  };
}

/** A Namespace's annotations, or undefined when it cannot be read. */
export async function namespaceAnnotations(
  kubeConfig: KubeConfig | undefined,
  namespace: string,
): Promise<Record<string, string> | undefined> {
  if (!kubeConfig) {
    return undefined;
  }
  try {
    const found = await kubeConfig
      .makeApiClient(CoreV1Api)
      .readNamespace({ name: namespace });
    return found.metadata?.annotations;
  } catch {
    // Without the namespace, the other owner sources still apply.
    return undefined;
  }
}
