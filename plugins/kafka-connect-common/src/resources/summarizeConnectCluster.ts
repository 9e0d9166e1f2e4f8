import type { ConnectClusterSummary, StrimziResourceRef } from '../api';
import { resourceEntityRef } from '../entityNames';
import { STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION } from '../names';
import { resolveOwner } from '../ownership/resolveOwner';
import type {
  KafkaConnectResource,
  KafkaMirrorMaker2Resource,
  StrimziCondition,
} from '../strimzi';

function active(conditions: StrimziCondition[], type: string) {
  return conditions.find(c => c?.type === type && c?.status === 'True');
}

function readiness(
  resource: KafkaConnectResource | KafkaMirrorMaker2Resource,
): { ready: boolean; reason?: string } {
  const status = resource.status;
  const conditions = Array.isArray(status?.conditions)
    ? status!.conditions
    : [];
  if (conditions.length === 0) {
    return {
      ready: false,
      reason: 'Waiting for the Strimzi operator to report a status',
    };
  }
  if (active(conditions, 'ReconciliationPaused')) {
    return {
      ready: false,
      reason:
        'Reconciliation is paused (strimzi.io/pause-reconciliation): the status may be stale',
    };
  }
  const generation = resource.metadata?.generation;
  if (
    generation !== undefined &&
    status?.observedGeneration !== undefined &&
    status.observedGeneration < generation
  ) {
    return {
      ready: false,
      reason: `The operator has not yet applied the latest change (generation ${generation}, observed ${status.observedGeneration})`,
    };
  }
  if (active(conditions, 'Ready')) {
    return { ready: true };
  }
  const notReady = active(conditions, 'NotReady');
  return {
    ready: false,
    reason: notReady
      ? `${notReady.reason ?? 'NotReady'}: ${notReady.message ?? 'no message'}`
      : 'The operator reports no Ready condition',
  };
}

/**
 * What the portal shows of a KafkaConnect (or a KafkaMirrorMaker2, which runs
 * its own Connect cluster): readiness with the operator's reason, replicas,
 * REST URL and installed connector plugins. The owner is the one given (the
 * caller may know the namespace's), else the resource's owner annotation.
 * @public
 */
export function summarizeConnectCluster(
  resource: KafkaConnectResource | KafkaMirrorMaker2Resource,
  ref: StrimziResourceRef,
  options: { stale?: boolean; owner?: string } = {},
): ConnectClusterSummary {
  const kind =
    resource.kind === 'KafkaMirrorMaker2'
      ? 'KafkaMirrorMaker2'
      : 'KafkaConnect';
  const status = resource.status;
  const owner =
    options.owner ??
    resolveOwner({ resourceAnnotations: resource.metadata?.annotations }).owner;
  const plugins = (
    Array.isArray(status?.connectorPlugins) ? status!.connectorPlugins : []
  )
    .filter(plugin => typeof plugin?.class === 'string')
    .map(plugin => ({
      class: plugin.class!,
      ...(plugin.type ? { type: plugin.type } : {}),
      ...(plugin.version ? { version: plugin.version } : {}),
    }));
  return {
    cluster: ref.cluster,
    namespace: ref.namespace,
    name: ref.name,
    kind,
    ...readiness(resource),
    ...(typeof status?.replicas === 'number'
      ? { replicas: status.replicas }
      : {}),
    ...(status?.url ? { url: status.url } : {}),
    plugins,
    connectorResourcesEnabled:
      resource.metadata?.annotations?.[
        STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION
      ] === 'true',
    ...(owner ? { owner } : {}),
    entityRef: resourceEntityRef(ref, kind),
    stale: options.stale ?? false,
  };
}
