import {
  ClusterSyncState,
  ConnectClusterSummary,
  ConnectorSummary,
  deriveConnectorHealth,
  deriveMirrorMaker2Health,
  desiredConnectorState,
  GitOpsManagement,
  KafkaConnectorResource,
  ARGOCD_INSTANCE_LABEL,
  ARGOCD_TRACKING_ANNOTATION,
  FLUX_HELM_NAME_LABEL,
  FLUX_KUSTOMIZE_NAME_LABEL,
  OWNER_ANNOTATION,
  resourceEntityRef,
  STRIMZI_CLUSTER_LABEL,
  STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import type { CachedResource } from '@kcs/plugin-kafka-connect-node';

/** How a resource is deployed when a GitOps tool manages it. */
export function detectGitOps(
  metadata: Record<string, any> | undefined,
): GitOpsManagement | undefined {
  const labels = metadata?.labels ?? {};
  const annotations = metadata?.annotations ?? {};
  if (annotations[ARGOCD_TRACKING_ANNOTATION]) {
    return {
      tool: 'argocd',
      name: String(annotations[ARGOCD_TRACKING_ANNOTATION]).split(':')[0],
    };
  }
  if (labels[ARGOCD_INSTANCE_LABEL]) {
    return { tool: 'argocd', name: labels[ARGOCD_INSTANCE_LABEL] };
  }
  const flux =
    labels[FLUX_KUSTOMIZE_NAME_LABEL] ?? labels[FLUX_HELM_NAME_LABEL];
  return flux ? { tool: 'flux', name: flux } : undefined;
}

function lastTransitionTime(
  status: Record<string, any> | undefined,
): string | undefined {
  return (status?.conditions ?? [])
    .map(
      (condition: { lastTransitionTime?: string }) =>
        condition.lastTransitionTime,
    )
    .filter(Boolean)
    .sort()
    .pop();
}

function connectClusterField(
  isMirrorMaker2: boolean,
  metadata: Record<string, any>,
) {
  if (isMirrorMaker2) {
    return { connectCluster: metadata.name as string };
  }
  const connect = metadata.labels?.[STRIMZI_CLUSTER_LABEL];
  return connect ? { connectCluster: connect as string } : {};
}

/**
 * What the portal may see of a connector or MirrorMaker 2: health, tasks and
 * identity, never `spec.config` (it may name secrets, even if only by reference).
 */
export function toConnectorSummary(
  cached: CachedResource,
  state: ClusterSyncState | undefined,
): ConnectorSummary {
  const { resource, cluster } = cached;
  const metadata = resource.metadata ?? {};
  const ref = { cluster, namespace: metadata.namespace, name: metadata.name };
  const isMirrorMaker2 = cached.kind === 'KafkaMirrorMaker2';
  const derived = isMirrorMaker2
    ? deriveMirrorMaker2Health(resource)
    : {
        assessment: deriveConnectorHealth(resource as KafkaConnectorResource),
        components: undefined,
      };
  const summary: ConnectorSummary = {
    ...ref,
    ...derived.assessment,
    kind: isMirrorMaker2 ? 'KafkaMirrorMaker2' : 'KafkaConnector',
    ...connectClusterField(isMirrorMaker2, metadata),
    ...(resource.spec?.class ? { class: resource.spec.class } : {}),
    ...(isMirrorMaker2
      ? {}
      : { desiredState: desiredConnectorState(resource.spec) }),
    ...(metadata.annotations?.[OWNER_ANNOTATION]
      ? { owner: metadata.annotations[OWNER_ANNOTATION] }
      : {}),
    entityRef: resourceEntityRef(
      ref,
      cached.kind === 'KafkaMirrorMaker2'
        ? 'KafkaMirrorMaker2'
        : 'KafkaConnector',
    ),
    ...(lastTransitionTime(resource.status)
      ? { lastTransitionTime: lastTransitionTime(resource.status) }
      : {}),
    apiVersion: resource.apiVersion,
    ...(metadata.generation !== undefined
      ? { generation: metadata.generation }
      : {}),
    ...(resource.status?.observedGeneration !== undefined
      ? { observedGeneration: resource.status.observedGeneration }
      : {}),
    labels: metadata.labels ?? {},
    ...(detectGitOps(metadata) ? { gitOps: detectGitOps(metadata) } : {}),
    ...(derived.components ? { components: derived.components } : {}),
    stale: !(state?.synced ?? false),
  };
  return summary;
}

/** A KafkaConnect (or the Connect cluster of a MirrorMaker 2) as the portal sees it. */
export function toConnectClusterSummary(
  cached: CachedResource,
  state: ClusterSyncState | undefined,
): ConnectClusterSummary {
  const { resource, cluster } = cached;
  const metadata = resource.metadata ?? {};
  const ready = (resource.status?.conditions ?? []).some(
    (condition: { type?: string; status?: string }) =>
      condition.type === 'Ready' && condition.status === 'True',
  );
  const notReady = (resource.status?.conditions ?? []).find(
    (condition: { type?: string }) => condition.type === 'NotReady',
  );
  return {
    cluster,
    namespace: metadata.namespace,
    name: metadata.name,
    kind:
      cached.kind === 'KafkaMirrorMaker2'
        ? 'KafkaMirrorMaker2'
        : 'KafkaConnect',
    ready,
    ...(notReady
      ? {
          reason: `${notReady.reason ?? 'NotReady'}: ${
            notReady.message ?? ''
          }`.trim(),
        }
      : {}),
    ...(resource.status?.replicas !== undefined
      ? { replicas: resource.status.replicas }
      : {}),
    ...(resource.status?.url ? { url: resource.status.url } : {}),
    plugins: (resource.status?.connectorPlugins ?? []).map(
      (plugin: Record<string, string>) => ({
        class: plugin.class,
        ...(plugin.type ? { type: plugin.type } : {}),
        ...(plugin.version ? { version: plugin.version } : {}),
      }),
    ),
    connectorResourcesEnabled:
      metadata.annotations?.[STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION] ===
      'true',
    ...(metadata.annotations?.[OWNER_ANNOTATION]
      ? { owner: metadata.annotations[OWNER_ANNOTATION] }
      : {}),
    entityRef: resourceEntityRef(
      { cluster, namespace: metadata.namespace, name: metadata.name },
      cached.kind === 'KafkaMirrorMaker2'
        ? 'KafkaMirrorMaker2'
        : 'KafkaConnect',
    ),
    stale: !(state?.synced ?? false),
  };
}
