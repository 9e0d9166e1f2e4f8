import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  KubernetesValidatorFunctions,
} from '@backstage/catalog-model';
import {
  CONNECT_CLUSTER_ENTITY_TYPE,
  CONNECTOR_ENTITY_TYPE,
  connectClusterOf,
  KAFKA_CONNECT_CLUSTER_ANNOTATION,
  KAFKA_CONNECTOR_ANNOTATION,
  KAFKA_MIRRORMAKER2_ANNOTATION,
  KUBERNETES_ID,
  MIRRORMAKER2_ENTITY_TYPE,
  OWNER_SOURCE_ANNOTATION,
  resolveOwner,
  type OwnerResolution,
  resourceEntityName,
  resourceEntityRef,
  StrimziKind,
  systemOf,
} from '@kcs/plugin-kafka-connect-common';

/** Owner and system settings from `kafkaConnect.catalog`. @public */
export interface CatalogOwnershipConfig {
  defaultOwner?: string;
  namespaceOwners?: Record<string, string>;
  namespaceSystems?: Record<string, string>;
  /** The portal's frontend URL, for links back to the entity's tab. */
  appBaseUrl?: string;
}

/** One Strimzi resource to turn into an entity, with what it needs around it. */
export interface EntitySource {
  cluster: string;
  kind: StrimziKind;
  resource: Record<string, any>;
  /** Annotations of the resource's Namespace object, when they could be read. */
  namespaceAnnotations?: Record<string, string>;
  /**
   * The owner as the shared cache resolved it (`StrimziResourceReader.ownerOf`),
   * so the catalog, the REST API and the permission rule agree; resolved here
   * from the same inputs when absent (tests, callers without a cache).
   */
  ownership?: OwnerResolution;
}

/** Owner written when no source gives one: the catalog requires `spec.owner`. */
export const NO_OWNER = 'unknown';

/** The catalog location key of everything from one cluster. */
export function locationKeyOf(cluster: string): string {
  return `kafka-connect:${cluster}`;
}

const TYPES: Record<StrimziKind, string> = {
  KafkaConnector: CONNECTOR_ENTITY_TYPE,
  KafkaConnect: CONNECT_CLUSTER_ENTITY_TYPE,
  KafkaMirrorMaker2: MIRRORMAKER2_ENTITY_TYPE,
};

const IDENTITY_ANNOTATIONS: Record<StrimziKind, string> = {
  KafkaConnector: KAFKA_CONNECTOR_ANNOTATION,
  KafkaConnect: KAFKA_CONNECT_CLUSTER_ANNOTATION,
  KafkaMirrorMaker2: KAFKA_MIRRORMAKER2_ANNOTATION,
};

const NOUNS: Record<StrimziKind, string> = {
  KafkaConnector: 'Kafka connector',
  KafkaConnect: 'Kafka Connect cluster',
  KafkaMirrorMaker2: 'Kafka MirrorMaker 2',
};

function describeResource(source: EntitySource, connect?: string): string {
  const { cluster, kind, resource } = source;
  const where = `in namespace ${resource.metadata?.namespace} of cluster ${cluster}`;
  if (kind === 'KafkaConnector') {
    const connectorClass = resource.spec?.class ?? 'unknown class';
    return `${NOUNS[kind]} ${connectorClass} on Connect cluster ${
      connect ?? '(none: strimzi.io/cluster label missing)'
    }, ${where}.`;
  }
  const replicas = resource.spec?.replicas;
  return `${NOUNS[kind]}${
    replicas !== undefined ? ` with ${replicas} replica(s)` : ''
  }, ${where}.`;
}

/**
 * A Strimzi resource as a catalog `Resource` entity, with the warnings its
 * input deserves (unusable owner or system refs, odd names): the entity is
 * emitted all the same, so a typo never hides a connector from the catalog.
 */
export function strimziResourceToEntity(
  source: EntitySource,
  config: CatalogOwnershipConfig,
): { entity: Entity; warnings: string[] } {
  const { cluster, kind, resource } = source;
  const metadata = resource.metadata ?? {};
  const namespace: string = metadata.namespace ?? '';
  const name: string = metadata.name ?? '';
  const ref = { cluster, namespace, name };
  const id = `${cluster}/${namespace}/${name}`;
  const resourceAnnotations: Record<string, string> =
    metadata.annotations ?? {};
  const labels: Record<string, string> = metadata.labels ?? {};
  const warnings: string[] = [];

  const entityName = resourceEntityName(ref, kind);
  if (entityName.includes('_')) {
    warnings.push(
      `${kind} ${id}: '${kind}.${cluster}.${namespace}.${name}' cannot be an entity name as is, so it is shortened to ${entityName}`,
    );
  }

  const ownership =
    source.ownership ??
    resolveOwner({
      resourceAnnotations,
      namespace,
      namespaceAnnotations: source.namespaceAnnotations,
      namespaceOwners: config.namespaceOwners,
      defaultOwner: config.defaultOwner,
    });
  warnings.push(...ownership.warnings.map(w => `${kind} ${id}: ${w}`));
  if (ownership.source === 'none') {
    warnings.push(
      `${kind} ${id} has no owner: annotate it or namespace ${namespace} with kafka-connect.dev/owner, or set kafkaConnect.catalog.namespaceOwners or defaultOwner`,
    );
  }

  const system = systemOf({
    resourceAnnotations,
    namespace,
    namespaceAnnotations: source.namespaceAnnotations,
    namespaceSystems: config.namespaceSystems,
  });
  warnings.push(...system.warnings.map(w => `${kind} ${id}: ${w}`));

  const connect = connectClusterOf(resource, kind);
  const dependsOn =
    kind === 'KafkaConnector' && connect
      ? [
          resourceEntityRef(
            { cluster, namespace, name: connect },
            'KafkaConnect',
          ),
        ]
      : [];

  const dependencyOf: string[] = [];
  const kubernetesId = labels[KUBERNETES_ID];
  // A kubernetes-id equal to the resource's own name is what the templates
  // write when the connector belongs to no component: no relation then, or
  // the entity would point at a component that does not exist.
  const namesOnlyItself = kubernetesId === name;
  if (
    kind !== 'KafkaConnect' &&
    kubernetesId !== undefined &&
    !namesOnlyItself
  ) {
    if (KubernetesValidatorFunctions.isValidObjectName(kubernetesId)) {
      dependencyOf.push(`component:default/${kubernetesId}`);
    } else {
      warnings.push(
        `${kind} ${id}: label ${KUBERNETES_ID} '${kubernetesId}' is not a valid component name, so no dependencyOf relation is made`,
      );
    }
  }

  const location = `url:${locationKeyOf(cluster)}`;
  const links = config.appBaseUrl
    ? [
        {
          url: `${config.appBaseUrl.replace(
            /\/+$/,
            '',
          )}/catalog/default/resource/${entityName}/kafka-connect`,
          title: 'Kafka Connect in the portal',
          icon: 'dashboard',
        },
      ]
    : [];

  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: entityName,
      title: `${name} (${cluster}/${namespace})`,
      description: describeResource(source, connect),
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [IDENTITY_ANNOTATIONS[kind]]: id,
        [OWNER_SOURCE_ANNOTATION]: ownership.source,
      },
      tags: ['kafka-connect'],
      ...(links.length ? { links } : {}),
    },
    spec: {
      type: TYPES[kind],
      owner: ownership.owner ?? NO_OWNER,
      ...(system.system ? { system: system.system } : {}),
      ...(dependsOn.length ? { dependsOn } : {}),
      ...(dependencyOf.length ? { dependencyOf } : {}),
    },
  };
  return { entity, warnings };
}
