import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ApiException,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import {
  ConnectorAction,
  connectorActionChange,
  ConnectorChange,
  connectorStateField,
  STRIMZI_API_GROUP,
  STRIMZI_PLURALS,
} from '@kcs/plugin-kafka-connect-common';

/** The resource an operation acts on, as found in the cache. */
export interface OperationTarget {
  cluster: string;
  namespace: string;
  name: string;
  kind: 'KafkaConnector' | 'KafkaMirrorMaker2';
  /** The Strimzi API version the cluster serves (`v1` or `v1beta2`). */
  version: string;
}

function isUnknownStateField(error: unknown): boolean {
  return (
    error instanceof ApiException &&
    (error.code === 400 || error.code === 422) &&
    /unknown field \\?"?spec\.state/.test(String(error.body))
  );
}

function translate(error: unknown, target: OperationTarget): Error {
  if (!(error instanceof ApiException)) {
    return error as Error;
  }
  const where = `${target.kind} ${target.namespace}/${target.name} in cluster ${target.cluster}`;
  let message = String(error.body);
  try {
    message = JSON.parse(String(error.body)).message ?? message;
  } catch {
    // Not a Kubernetes Status body: keep it as it is.
  }
  // Invalid-patch messages quote the whole object; the reason is at the end.
  if (message.length > 300) {
    message = message.split('": ').pop() ?? message;
  }
  switch (error.code) {
    case 404:
      return new NotFoundError(`${where} no longer exists`);
    case 403:
      return new NotAllowedError(
        `The portal's Kubernetes identity may not change ${where}: ${message}`,
      );
    case 409:
      return new ConflictError(`${where} changed meanwhile: ${message}`);
    case 400:
    case 422:
      return new InputError(`The API server refused the change: ${message}`);
    default:
      return new ServiceUnavailableError(
        `Cluster ${target.cluster} answered ${error.code}: ${message}`,
      );
  }
}

/**
 * Carries out operations on KafkaConnectors and KafkaMirrorMaker2s with a
 * merge patch (or the scale subresource), through the portal's own identity
 * in each cluster.
 */
export class ConnectorOperations {
  // Learned per cluster: a v1beta2 KafkaConnector without `spec.state` (Strimzi before 0.38).
  private readonly lacksState = new Set<string>();

  constructor(
    private readonly kubeConfigOf: (cluster: string) => KubeConfig | undefined,
  ) {}

  /** Applies the operation; resolves to the resource's generation afterwards. */
  async apply(
    target: OperationTarget,
    action: ConnectorAction,
  ): Promise<{ generation?: number }> {
    const kubeConfig = this.kubeConfigOf(target.cluster);
    if (!kubeConfig) {
      throw new NotFoundError(`No configured cluster named ${target.cluster}`);
    }
    const api = kubeConfig.makeApiClient(CustomObjectsApi);
    const changeFor = () =>
      connectorActionChange(action, {
        kind: target.kind,
        stateField: connectorStateField(target.version, {
          v1beta2HasState: !this.lacksState.has(target.cluster),
        }),
      });
    const change = changeFor();
    try {
      return await this.send(api, target, change);
    } catch (error) {
      if (
        target.version === 'v1beta2' &&
        change.type === 'merge-patch' &&
        isUnknownStateField(error)
      ) {
        this.lacksState.add(target.cluster);
        // May refuse (stop needs spec.state); otherwise the same change with spec.pause.
        return await this.send(api, target, changeFor()).catch(retryError => {
          throw translate(retryError, target);
        });
      }
      throw translate(error, target);
    }
  }

  private async send(
    api: CustomObjectsApi,
    target: OperationTarget,
    change: ConnectorChange,
  ): Promise<{ generation?: number }> {
    const coordinates = {
      group: STRIMZI_API_GROUP,
      version: target.version,
      namespace: target.namespace,
      plural: STRIMZI_PLURALS[target.kind],
      name: target.name,
    };
    const mergePatch = setHeaderOptions(
      'Content-Type',
      PatchStrategy.MergePatch,
    );
    if (change.type === 'scale') {
      await api.patchNamespacedCustomObjectScale(
        {
          ...coordinates,
          body: { spec: { replicas: change.replicas } },
          fieldValidation: 'Strict',
        },
        mergePatch,
      );
      const updated = await api.getNamespacedCustomObject(coordinates);
      return { generation: updated?.metadata?.generation };
    }
    const updated = await api.patchNamespacedCustomObject(
      { ...coordinates, body: change.patch, fieldValidation: 'Strict' },
      mergePatch,
    );
    return { generation: updated?.metadata?.generation };
  }
}
