import type { FieldError } from '@kcs/plugin-kafka-connect-common';
import type { SelfServiceTarget } from './config';

/**
 * Checks a request's cluster, namespace and Connect cluster against the
 * configured self-service targets (`kafkaConnect.scaffolder.targets`). No
 * targets configured: everything is open. A configured list closes the
 * clusters it does not name; within a named cluster, a list of namespaces or
 * Connect clusters closes the ones it does not name.
 */
export function checkSelfServiceTarget(
  targets: SelfServiceTarget[] | undefined,
  request: { cluster: string; namespace: string; connectCluster: string },
): FieldError[] {
  if (!targets) {
    return [];
  }
  const where = 'kafkaConnect.scaffolder.targets';
  const entry = targets.find(target => target.cluster === request.cluster);
  if (!entry) {
    return [
      {
        field: 'cluster',
        message: `'${
          request.cluster
        }' is not open to self-service (${where}); pick one of ${
          targets.map(target => target.cluster).join(', ') || '(none)'
        }`,
      },
    ];
  }
  const errors: FieldError[] = [];
  if (entry.namespaces && !entry.namespaces.includes(request.namespace)) {
    errors.push({
      field: 'namespace',
      message: `'${
        request.namespace
      }' is not open to self-service in cluster '${
        request.cluster
      }' (${where}); pick one of ${entry.namespaces.join(', ') || '(none)'}`,
    });
  }
  const qualified = `${request.namespace}/${request.connectCluster}`;
  if (
    entry.connectClusters &&
    !entry.connectClusters.includes(request.connectCluster) &&
    !entry.connectClusters.includes(qualified)
  ) {
    errors.push({
      field: 'connectCluster',
      message: `'${qualified}' is not open to self-service in cluster '${
        request.cluster
      }' (${where}); pick one of ${
        entry.connectClusters.join(', ') || '(none)'
      }`,
    });
  }
  return errors;
}
