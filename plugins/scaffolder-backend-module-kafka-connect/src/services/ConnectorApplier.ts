import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
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
  /** Sets `spec.tasksMax` through the KafkaConnector scale subresource. */
  scale(
    cluster: string,
    connector: KafkaConnectorResource,
    tasksMax: number,
  ): Promise<void>;
  delete(cluster: string, connector: KafkaConnectorResource): Promise<void>;
}

/** Talks to the clusters configured for the suite. */
export class KubernetesConnectorApplier implements ConnectorApplier {
  private readonly clients = new Map<string, KubernetesObjectApi>();
  private readonly kubeConfigs = new Map<string, KubeConfig>();
  private readonly clusters: Map<string, KafkaConnectClusterConfig>;

  constructor(config: Config, private readonly fieldManager: string) {
    this.clusters = new Map(
      readKafkaConnectClusters(config).map(cluster => [cluster.name, cluster]),
    );
  }

  private kubeConfig(name: string): KubeConfig {
    let kubeConfig = this.kubeConfigs.get(name);
    if (!kubeConfig) {
      const cluster = this.clusters.get(name);
      if (!cluster) {
        // The change action reaches here with the cluster as the form gave it.
        throw new InputError(
          `cluster '${name}' is not a configured cluster; pick one of ${
            [...this.clusters.keys()].join(', ') || '(none)'
          }`,
        );
      }
      kubeConfig = kubeConfigForCluster(cluster);
      this.kubeConfigs.set(name, kubeConfig);
    }
    return kubeConfig;
  }

  private client(name: string): KubernetesObjectApi {
    let client = this.clients.get(name);
    if (!client) {
      client = KubernetesObjectApi.makeApiClient(this.kubeConfig(name));
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

  async scale(
    cluster: string,
    connector: KafkaConnectorResource,
    tasksMax: number,
  ) {
    const api = this.kubeConfig(cluster).makeApiClient(CustomObjectsApi);
    await api.patchNamespacedCustomObjectScale(
      {
        group: STRIMZI_API_GROUP,
        version: connector.apiVersion!.split('/')[1],
        namespace: connector.metadata!.namespace!,
        plural: STRIMZI_PLURALS.KafkaConnector,
        name: connector.metadata!.name!,
        body: { spec: { replicas: tasksMax } },
        fieldValidation: 'Strict',
        fieldManager: this.fieldManager,
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  }

  async delete(cluster: string, connector: KafkaConnectorResource) {
    try {
      await this.client(cluster).delete({
        apiVersion: connector.apiVersion!,
        kind: 'KafkaConnector',
        metadata: {
          name: connector.metadata!.name!,
          namespace: connector.metadata!.namespace!,
        },
      });
    } catch (error) {
      // Already gone is what a retry wants.
      if ((error as { code?: number }).code !== 404) throw error;
    }
  }
}

/** Path segment of KafkaConnectors, for messages. */
export const CONNECTORS_RESOURCE = `${STRIMZI_PLURALS.KafkaConnector}.${STRIMZI_API_GROUP}`;
