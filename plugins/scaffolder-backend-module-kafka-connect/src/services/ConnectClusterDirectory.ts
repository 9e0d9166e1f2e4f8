import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterListResponse,
  ConnectorBlueprint,
  FieldError,
  StrimziApiVersion,
} from '@kcs/plugin-kafka-connect-common';

/** What the kafka-connect backend knows about clusters and their Connect clusters. */
export interface ConnectClusterDirectory {
  listClusters(): Promise<ClusterListResponse>;
}

/** Asks the kafka-connect backend plugin with a plugin-to-plugin token. */
export class BackendConnectClusterDirectory implements ConnectClusterDirectory {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async listClusters(): Promise<ClusterListResponse> {
    const baseUrl = await this.discovery.getBaseUrl('kafka-connect');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'kafka-connect',
    });
    const response = await fetch(`${baseUrl}/clusters`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ClusterListResponse;
  }
}

/**
 * Checks that the target Connect cluster exists, is ready, manages
 * KafkaConnector resources and has the blueprint's plugin. Returns errors
 * naming the field and the fix, and the cluster's Strimzi API version.
 */
export function checkConnectCluster(
  clusters: ClusterListResponse,
  target: { cluster: string; namespace: string; connectCluster: string },
  blueprint: ConnectorBlueprint,
): { errors: FieldError[]; strimziApiVersion?: StrimziApiVersion } {
  const cluster = clusters.items.find(item => item.name === target.cluster);
  if (!cluster) {
    return {
      errors: [
        {
          field: 'cluster',
          message: `'${
            target.cluster
          }' is not a configured cluster; pick one of ${
            clusters.items.map(item => item.name).join(', ') || '(none)'
          }`,
        },
      ],
    };
  }
  const connect = cluster.connectClusters.find(
    item =>
      item.kind === 'KafkaConnect' &&
      item.namespace === target.namespace &&
      item.name === target.connectCluster,
  );
  if (!connect) {
    return {
      errors: [
        {
          field: 'connectCluster',
          message: `no KafkaConnect '${target.connectCluster}' in namespace '${target.namespace}' of cluster '${target.cluster}'; pick an existing Connect cluster`,
        },
      ],
    };
  }
  const errors: FieldError[] = [];
  if (!connect.ready) {
    errors.push({
      field: 'connectCluster',
      message: `'${target.connectCluster}' is not ready (${
        connect.reason ?? 'no reason given'
      }); wait for it or pick another`,
    });
  }
  if (!connect.connectorResourcesEnabled) {
    errors.push({
      field: 'connectCluster',
      message: `'${target.connectCluster}' does not manage KafkaConnector resources; set the annotation strimzi.io/use-connector-resources: "true" on it`,
    });
  }
  if (
    !connect.plugins.some(plugin => plugin.class === blueprint.connector.plugin)
  ) {
    errors.push({
      field: 'connectCluster',
      message: `'${target.connectCluster}' lacks the plugin ${blueprint.connector.plugin} that blueprint '${blueprint.id}' needs; add it to the Connect image or pick another cluster`,
    });
  }
  return { errors, strimziApiVersion: cluster.strimziApiVersion ?? undefined };
}
