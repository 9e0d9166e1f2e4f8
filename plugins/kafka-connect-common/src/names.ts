/**
 * Names of annotations and labels that the suite reads and writes.
 *
 * They live in one place because the backend, the catalog module, the
 * scaffolder actions and the frontend must agree on every one of them.
 */

/** The Strimzi API group of KafkaConnect, KafkaConnector and KafkaMirrorMaker2. @public */
export const STRIMZI_API_GROUP = 'kafka.strimzi.io';

/** Strimzi API versions the suite understands, newest first. @public */
export const STRIMZI_API_VERSIONS = ['v1', 'v1beta2'] as const;

/** A Strimzi API version the suite understands. @public */
export type StrimziApiVersion = (typeof STRIMZI_API_VERSIONS)[number];

/** Label on a KafkaConnector naming the KafkaConnect cluster it runs on. @public */
export const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';

/** Annotation on a KafkaConnect that makes Strimzi manage KafkaConnector resources. @public */
export const STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION =
  'strimzi.io/use-connector-resources';

/** Annotation that pauses Strimzi's reconciliation of a resource. @public */
export const STRIMZI_PAUSE_RECONCILIATION_ANNOTATION =
  'strimzi.io/pause-reconciliation';

/** Annotation that asks Strimzi to restart a KafkaConnector (value: `true` or options). @public */
export const STRIMZI_RESTART_ANNOTATION = 'strimzi.io/restart';

/** Annotation that asks Strimzi to restart one task of a KafkaConnector (value: task id). @public */
export const STRIMZI_RESTART_TASK_ANNOTATION = 'strimzi.io/restart-task';

/** KafkaMirrorMaker2: restart one connector (value: connector name). @public */
export const STRIMZI_RESTART_CONNECTOR_ANNOTATION =
  'strimzi.io/restart-connector';

/** KafkaMirrorMaker2: restart one task (value: `<connector>:<task id>`). @public */
export const STRIMZI_RESTART_CONNECTOR_TASK_ANNOTATION =
  'strimzi.io/restart-connector-task';

/**
 * Backstage's Kubernetes plugin id, used both as a catalog entity annotation
 * and as a label on Kubernetes resources. @public
 */
export const KUBERNETES_ID = 'backstage.io/kubernetes-id';

/** Backstage's Kubernetes plugin label-selector annotation on catalog entities. @public */
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';

/**
 * On a catalog entity: the Kubernetes resource it stands for, as
 * `<cluster>/<namespace>/<name>`. Written by the entity provider; read by the
 * backend to find a connector's own entity.
 * @public
 */
export const KAFKA_CONNECTOR_ANNOTATION = 'kafka-connect.dev/connector';

/** On a catalog entity: the KafkaConnect cluster it stands for, `<cluster>/<namespace>/<name>`. @public */
export const KAFKA_CONNECT_CLUSTER_ANNOTATION =
  'kafka-connect.dev/connect-cluster';

/** On a catalog entity: the KafkaMirrorMaker2 it stands for, `<cluster>/<namespace>/<name>`. @public */
export const KAFKA_MIRRORMAKER2_ANNOTATION = 'kafka-connect.dev/mirrormaker2';

/**
 * On a Kubernetes resource or Namespace: the catalog entity ref of its owner,
 * e.g. `group:default/team-orders`. Written by the templates.
 * @public
 */
export const OWNER_ANNOTATION = 'kafka-connect.dev/owner';

/** On a Kubernetes resource: the catalog System it belongs to, an entity ref. @public */
export const SYSTEM_ANNOTATION = 'kafka-connect.dev/system';

/** On a Kubernetes resource: the template that created it, an entity ref. @public */
export const TEMPLATE_ANNOTATION = 'kafka-connect.dev/template';

/** On a Kubernetes resource: the blueprint it was rendered from. @public */
export const BLUEPRINT_ANNOTATION = 'kafka-connect.dev/blueprint';

/**
 * On a Kubernetes resource: the blueprint parameters it was rendered with, as
 * JSON, so a later change can re-render it (they hold no secret values: those
 * are config-provider references). @public
 */
export const BLUEPRINT_PARAMETERS_ANNOTATION =
  'kafka-connect.dev/blueprint-parameters';

/**
 * On a catalog entity: where its owner came from (`resource`, `namespace`,
 * `config` or `default`), so connectors nobody claimed stay visible.
 * @public
 */
export const OWNER_SOURCE_ANNOTATION = 'kafka-connect.dev/owner-source';

/** On a resource: the operator stand-in of the local cluster leaves it alone. @public */
export const SIMULATOR_IGNORE_ANNOTATION = 'simulator.kafka-connect.dev/ignore';

/** Argo CD's resource tracking annotation. @public */
export const ARGOCD_TRACKING_ANNOTATION = 'argocd.argoproj.io/tracking-id';

/** Argo CD's default tracking label. @public */
export const ARGOCD_INSTANCE_LABEL = 'app.kubernetes.io/instance';

/** Label Flux's kustomize-controller puts on what it applies. @public */
export const FLUX_KUSTOMIZE_NAME_LABEL = 'kustomize.toolkit.fluxcd.io/name';

/** Label Flux's helm-controller puts on what it applies. @public */
export const FLUX_HELM_NAME_LABEL = 'helm.toolkit.fluxcd.io/name';

/** Catalog `spec.type` of connector entities. @public */
export const CONNECTOR_ENTITY_TYPE = 'kafka-connector';

/** Catalog `spec.type` of Connect cluster entities. @public */
export const CONNECT_CLUSTER_ENTITY_TYPE = 'kafka-connect-cluster';

/** Catalog `spec.type` of MirrorMaker 2 entities. @public */
export const MIRRORMAKER2_ENTITY_TYPE = 'kafka-mirrormaker2';
