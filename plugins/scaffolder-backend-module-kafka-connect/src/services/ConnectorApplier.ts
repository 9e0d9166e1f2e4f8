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
import type { KafkaConnectClusterRegistry } from '@kcs/plugin-kafka-connect-node';

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

/** Talks to the clusters of the suite's cluster registry. */
export class KubernetesConnectorApplier implements ConnectorApplier {
  // Keyed by the registry's client config, so a replaced cluster gets a new client.
  private readonly clients = new WeakMap<KubeConfig, KubernetesObjectApi>();

  constructor(
    private readonly clusters: KafkaConnectClusterRegistry,
    private readonly fieldManager: string,
  ) {}

  private kubeConfig(name: string): KubeConfig {
    if (!this.clusters.get(name)) {
      // The change action reaches here with the cluster as the form gave it.
      throw new InputError(
        `cluster '${name}' is not a configured cluster; pick one of ${
          this.clusters
            .list()
            .map(cluster => cluster.name)
            .join(', ') || '(none)'
        }`,
      );
    }
    return this.clusters.kubeConfig(name);
  }

  private client(name: string): KubernetesObjectApi {
    const kubeConfig = this.kubeConfig(name);
    let client = this.clients.get(kubeConfig);
    if (!client) {
      client = KubernetesObjectApi.makeApiClient(kubeConfig);
      this.clients.set(kubeConfig, client);
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
