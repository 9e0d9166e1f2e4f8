import type { KubernetesObject } from '@kubernetes/client-node';

/** The user the portal authenticates as (a static token, like a service account's). */
export const PORTAL_USER = 'kafka-connect-portal';

/**
 * RBAC for the portal: read the Strimzi resources and what Backstage's
 * Kubernetes plugin lists, and patch/apply connectors for operations and
 * self-service. Nothing else, so tests see real 403s for anything more.
 */
export function portalAccessManifests(): KubernetesObject[] {
  const role = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: PORTAL_USER },
    rules: [
      {
        apiGroups: ['kafka.strimzi.io'],
        resources: ['kafkaconnectors', 'kafkaconnects', 'kafkamirrormaker2s'],
        verbs: ['get', 'list', 'watch', 'patch', 'create', 'update'],
      },
      {
        // A version roll retires the old connector.
        apiGroups: ['kafka.strimzi.io'],
        resources: ['kafkaconnectors'],
        verbs: ['delete'],
      },
      {
        apiGroups: ['kafka.strimzi.io'],
        resources: [
          'kafkaconnectors/status',
          'kafkaconnects/status',
          'kafkamirrormaker2s/status',
        ],
        verbs: ['get'],
      },
      {
        // Scaling a connector's tasks goes through the scale subresource.
        apiGroups: ['kafka.strimzi.io'],
        resources: ['kafkaconnectors/scale'],
        verbs: ['get', 'patch'],
      },
      {
        apiGroups: [''],
        resources: [
          'namespaces',
          'pods',
          'services',
          'configmaps',
          'limitranges',
          'resourcequotas',
        ],
        verbs: ['get', 'list', 'watch'],
      },
      {
        // Offsets to alter go to Strimzi in a ConfigMap (spec.alterOffsets).
        apiGroups: [''],
        resources: ['configmaps'],
        verbs: ['create', 'update', 'patch'],
      },
      {
        apiGroups: ['apps', 'autoscaling', 'batch', 'networking.k8s.io'],
        resources: [
          'deployments',
          'replicasets',
          'statefulsets',
          'daemonsets',
          'horizontalpodautoscalers',
          'jobs',
          'cronjobs',
          'ingresses',
        ],
        verbs: ['get', 'list', 'watch'],
      },
    ],
  };
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: PORTAL_USER },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: PORTAL_USER,
    },
    subjects: [
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'User',
        name: PORTAL_USER,
      },
    ],
  };
  return [role, binding];
}
