import {
  blueprintOrigin,
  ClusterSyncState,
  connectClusterOf,
  ConnectClusterSummary,
  ConnectorSummary,
  deriveConnectorHealth,
  deriveMirrorMaker2Health,
  desiredConnectorState,
  detectGitOps,
  HealthClock,
  KafkaConnectorResource,
  KafkaConnectResource,
  lastTransitionTime,
  resolveOwner,
  resourceEntityRef,
  summarizeConnectCluster,
} from '@kcs/plugin-kafka-connect-common';
import type { CachedResource } from '@kcs/plugin-kafka-connect-node';

/** What a connector's health depends on besides its own resource. */
export interface SummaryContext extends HealthClock {
  /** The KafkaConnect it runs on: null when known not to exist, undefined when not known. */
  connectCluster?: KafkaConnectResource | null;
  /** The cluster's Strimzi reads restart options (0.48+). */
  restartOptions?: boolean;
  /** Why offsets cannot be managed on the connector's cluster, when they cannot. */
  offsetsUnsupported?: string;
  /** Why connectors cannot be stopped on the connector's cluster, when they cannot. */
  stopUnsupported?: string;
}

/**
 * What the portal may see of a connector or MirrorMaker 2: health, tasks and
 * identity, never `spec.config` (it may name secrets, even if only by reference).
 */
export function toConnectorSummary(
  cached: CachedResource,
  state: ClusterSyncState | undefined,
  /** The owner the cache resolved (annotation, Namespace, config); else the annotation's. */
  resolvedOwner?: string,
  context: SummaryContext = {},
): ConnectorSummary {
  const { resource, cluster } = cached;
  const metadata = resource.metadata ?? {};
  // The catalog module's owner function, so `team-a` and `group:default/team-a` agree.
  const owner =
    resolvedOwner ??
    resolveOwner({
      resourceAnnotations: metadata.annotations,
    }).owner;
  const ref = { cluster, namespace: metadata.namespace, name: metadata.name };
  const isMirrorMaker2 = cached.kind === 'KafkaMirrorMaker2';
  const derived = isMirrorMaker2
    ? deriveMirrorMaker2Health(resource, context)
    : {
        assessment: deriveConnectorHealth(
          resource as KafkaConnectorResource,
          context,
        ),
        components: undefined,
      };
  const summary: ConnectorSummary = {
    ...ref,
    ...derived.assessment,
    kind: isMirrorMaker2 ? 'KafkaMirrorMaker2' : 'KafkaConnector',
    ...(connectClusterOf(resource, cached.kind)
      ? { connectCluster: connectClusterOf(resource, cached.kind) }
      : {}),
    ...(resource.spec?.class ? { class: resource.spec.class } : {}),
    ...(isMirrorMaker2
      ? {}
      : { desiredState: desiredConnectorState(resource.spec) }),
    ...(owner ? { owner } : {}),
    entityRef: resourceEntityRef(
      ref,
      cached.kind === 'KafkaMirrorMaker2'
        ? 'KafkaMirrorMaker2'
        : 'KafkaConnector',
    ),
    ...(lastTransitionTime(resource)
      ? { lastTransitionTime: lastTransitionTime(resource) }
      : {}),
    apiVersion: resource.apiVersion,
    ...(metadata.generation !== undefined
      ? { generation: metadata.generation }
      : {}),
    ...(resource.status?.observedGeneration !== undefined
      ? { observedGeneration: resource.status.observedGeneration }
      : {}),
    labels: metadata.labels ?? {},
    ...(detectGitOps(resource) ? { gitOps: detectGitOps(resource) } : {}),
    ...(blueprintOrigin(resource)
      ? { blueprint: blueprintOrigin(resource) }
      : {}),
    ...(derived.components ? { components: derived.components } : {}),
    stale: !(state?.synced ?? false),
    ...(context.offsetsUnsupported
      ? { offsetsUnsupported: context.offsetsUnsupported }
      : {}),
    ...(context.stopUnsupported
      ? { stopUnsupported: context.stopUnsupported }
      : {}),
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
  return summarizeConnectCluster(
    { ...resource, kind: cached.kind },
    { cluster, namespace: metadata.namespace, name: metadata.name },
    { stale: !(state?.synced ?? false) },
  );
}
