import type { ConnectorHealth } from '../api';
import { STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION } from '../names';
import type { KafkaConnectResource, StrimziCondition } from '../strimzi';
import { rootCause } from './rootCause';

function active(conditions: unknown, type: string) {
  return (Array.isArray(conditions) ? conditions : []).find(
    (condition: StrimziCondition) =>
      condition?.type === type && condition?.status === 'True',
  ) as StrimziCondition | undefined;
}

/**
 * Why a KafkaConnector cannot be healthy because of the Connect cluster it
 * runs on, with the health that follows; undefined when the Connect cluster
 * is fine or not known. `null` means known not to exist.
 *
 * Strimzi leaves a connector's last status in place when its KafkaConnect
 * cannot be reconciled, so a NotReady or paused Connect cluster makes the
 * connector's own status stale rather than wrong.
 * @public
 */
export function connectClusterProblem(
  connectCluster: KafkaConnectResource | null | undefined,
  name: string | undefined,
): { health: ConnectorHealth; reason: string } | undefined {
  if (connectCluster === undefined) {
    return undefined;
  }
  const label = `Connect cluster ${
    name ?? connectCluster?.metadata?.name ?? ''
  }`;
  if (connectCluster === null) {
    return {
      health: 'unknown',
      reason: `${label} does not exist: nothing runs this connector; create it or correct the strimzi.io/cluster label`,
    };
  }
  const conditions = connectCluster.status?.conditions;
  if (active(conditions, 'ReconciliationPaused')) {
    return {
      health: 'unknown',
      reason: `${label} has reconciliation paused (strimzi.io/pause-reconciliation): connector statuses are not refreshed`,
    };
  }
  if (
    connectCluster.metadata?.annotations?.[
      STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION
    ] !== 'true'
  ) {
    return {
      health: 'unknown',
      reason: `${label} lacks the annotation ${STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION}: "true": Strimzi does not manage this KafkaConnector`,
    };
  }
  if (connectCluster.spec?.replicas === 0) {
    return {
      health: 'stopped',
      reason: `${label} has 0 replicas: no connector runs`,
    };
  }
  const notReady = active(conditions, 'NotReady');
  if (notReady) {
    return {
      health: 'unknown',
      reason: `${label} is not ready (${notReady.reason ?? 'NotReady'}: ${
        rootCause(notReady.message) || 'no message'
      }): the connector's status may be stale`,
    };
  }
  return undefined;
}
