import type { Config } from '@backstage/config';
import {
  KubernetesObjectApi,
  PatchStrategy,
  type KubernetesObject,
} from '@kubernetes/client-node';
import {
  type KafkaConnectorResource,
  STRIMZI_API_GROUP,
  STRIMZI_PLURALS,
} from '@kcs/plugin-kafka-connect-common';
import {
  type KafkaConnectClusterConfig,
  kubeConfigForCluster,
  readKafkaConnectClusters,
} from '@kcs/plugin-kafka-connect-node';

/** Reads and server-side applies KafkaConnectors. */
export interface ConnectorApplier {
  get(
    cluster: string,
    connector: KafkaConnectorResource,
  ): Promise<KafkaConnectorResource | undefined>;
  apply(
    cluster: string,
    connector: KafkaConnectorResource,
    options: { force: boolean },
  ): Promise<KafkaConnectorResource>;
}

/** Talks to the clusters configured for the suite. */
export class KubernetesConnectorApplier implements ConnectorApplier {
  private readonly clients = new Map<string, KubernetesObjectApi>();
  private readonly clusters: Map<string, KafkaConnectClusterConfig>;

  constructor(config: Config, private readonly fieldManager: string) {
    this.clusters = new Map(
      readKafkaConnectClusters(config).map(cluster => [cluster.name, cluster]),
    );
  }

  private client(name: string): KubernetesObjectApi {
    let client = this.clients.get(name);
    if (!client) {
      const cluster = this.clusters.get(name);
      if (!cluster) {
        throw new Error(`cluster '${name}' is not configured`);
      }
      client = KubernetesObjectApi.makeApiClient(kubeConfigForCluster(cluster));
      this.clients.set(name, client);
    }
    return client;
  }

  async get(cluster: string, connector: KafkaConnectorResource) {
    try {
      return (await this.client(cluster).read({
        apiVersion: connector.apiVersion!,
        kind: 'KafkaConnector',
        metadata: {
          name: connector.metadata!.name!,
          namespace: connector.metadata!.namespace!,
        },
      })) as KafkaConnectorResource;
    } catch (error) {
      if ((error as { code?: number }).code === 404) {
        return undefined;
      }
      throw error;
    }
  }

  async apply(
    cluster: string,
    connector: KafkaConnectorResource,
    options: { force: boolean },
  ) {
    return (await this.client(cluster).patch(
      connector as KubernetesObject,
      undefined,
      undefined,
      this.fieldManager,
      options.force,
      PatchStrategy.ServerSideApply,
    )) as KafkaConnectorResource;
  }
}

/** Path segment of KafkaConnectors, for messages. */
export const CONNECTORS_RESOURCE = `${STRIMZI_PLURALS.KafkaConnector}.${STRIMZI_API_GROUP}`;
