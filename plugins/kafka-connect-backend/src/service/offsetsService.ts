import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import {
  alterOffsetsConfigMapData,
  CONNECTOR_OFFSETS_ANNOTATION,
  ConnectorOffsetsResponse,
  OffsetsOperation,
  offsetsConfigMapNames,
  OffsetsOperationResponse,
  OffsetsRequestWritten,
  offsetsOutcome,
  offsetsWarning,
  offsetsUnsupportedReason,
  OFFSETS_CONFIG_MAP_KEY,
  parseOffsetsJson,
  STRIMZI_API_GROUP,
  STRIMZI_PLURALS,
} from '@kcs/plugin-kafka-connect-common';
import { translateKubernetesError } from './kubernetesErrors';

/** The KafkaConnector whose offsets are managed, as found in the cache. */
export interface OffsetsTarget {
  cluster: string;
  namespace: string;
  name: string;
  /** The Strimzi API version the cluster serves (`v1` or `v1beta2`). */
  version: string;
  /** The configured Strimzi version, for the reason of a refusal. */
  strimziVersion?: string;
  resource: Record<string, any>;
}

export interface OffsetsServiceOptions {
  /** How often the resource is read while waiting for the operator. */
  pollMs?: number;
  /** How long the operator may take to act on the annotation. */
  timeoutMs?: number;
}

/** Allowance for the portal's clock running ahead of the API server's. */
const CLOCK_SKEW_MS = 5_000;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Lists, resets and alters a KafkaConnector's offsets the way Strimzi
 * (0.44+) offers it: `spec.listOffsets` / `spec.alterOffsets` ConfigMaps
 * and the `strimzi.io/connector-offsets` annotation, then the operator's
 * answer read back from the resource. Never calls Kafka Connect itself.
 */
export class OffsetsService {
  constructor(
    private readonly kubeConfigOf: (cluster: string) => KubeConfig | undefined,
    private readonly options: OffsetsServiceOptions = {},
  ) {}

  async list(target: OffsetsTarget): Promise<ConnectorOffsetsResponse> {
    const { custom, core } = this.clients(target);
    const configMap =
      target.resource.spec?.listOffsets?.toConfigMap?.name ??
      offsetsConfigMapNames(target.name).list;
    const written = await this.request(custom, target, 'list', {
      ...(target.resource.spec?.listOffsets?.toConfigMap?.name
        ? {}
        : { listOffsets: { toConfigMap: { name: configMap } } }),
    });
    const outcome = await this.waitForOutcome(custom, target, 'list', written);
    // The ConfigMap's own times do not move when the offsets did not change
    // (an identical write is no write), so the listing is dated when it ended.
    const listedAt = new Date().toISOString();
    if (outcome.state === 'failed') {
      throw new ConflictError(
        `Strimzi could not list the offsets of ${where(target)} (${
          outcome.reason
        }): ${outcome.message}`,
      );
    }
    if (outcome.state === 'pending') {
      throw new ServiceUnavailableError(
        notActed(target, 'list', this.timeoutMs),
      );
    }
    const read = await core
      .readNamespacedConfigMap({ namespace: target.namespace, name: configMap })
      .catch(error => {
        throw translateKubernetesError(
          error,
          `ConfigMap ${target.namespace}/${configMap}`,
        );
      });
    const parsed = parseOffsetsJson(
      read.data?.[OFFSETS_CONFIG_MAP_KEY],
      configMap,
    );
    if (!parsed.offsets) {
      throw new ServiceUnavailableError(parsed.errors.join('; '));
    }
    return {
      ...parsed.offsets,
      configMap,
      listedAt,
    };
  }

  async reset(target: OffsetsTarget): Promise<OffsetsOperationResponse> {
    requireStopped(target, 'reset');
    const { custom } = this.clients(target);
    const written = await this.request(custom, target, 'reset', {});
    return {
      operation: 'reset',
      outcome: await this.waitForOutcome(custom, target, 'reset', written),
    };
  }

  async alter(
    target: OffsetsTarget,
    offsets: unknown,
  ): Promise<OffsetsOperationResponse> {
    let data: Record<string, string>;
    try {
      data = alterOffsetsConfigMapData(offsets);
    } catch (error) {
      throw new InputError(`Request body: ${(error as Error).message}`);
    }
    requireStopped(target, 'alter');
    const { custom, core } = this.clients(target);
    const configMap =
      target.resource.spec?.alterOffsets?.fromConfigMap?.name ??
      offsetsConfigMapNames(target.name).alter;
    await this.writeConfigMap(core, target, configMap, data);
    const written = await this.request(custom, target, 'alter', {
      ...(target.resource.spec?.alterOffsets?.fromConfigMap?.name
        ? {}
        : { alterOffsets: { fromConfigMap: { name: configMap } } }),
    });
    return {
      operation: 'alter',
      outcome: await this.waitForOutcome(custom, target, 'alter', written),
    };
  }

  private get timeoutMs() {
    return this.options.timeoutMs ?? 60_000;
  }

  private clients(target: OffsetsTarget) {
    const kubeConfig = this.kubeConfigOf(target.cluster);
    if (!kubeConfig) {
      throw new NotFoundError(`No configured cluster named ${target.cluster}`);
    }
    return {
      custom: kubeConfig.makeApiClient(CustomObjectsApi),
      core: kubeConfig.makeApiClient(CoreV1Api),
    };
  }

  /** Writes the annotation (and any spec the request needs) in one merge patch. */
  private async request(
    api: CustomObjectsApi,
    target: OffsetsTarget,
    operation: OffsetsOperation,
    spec: Record<string, unknown>,
  ) {
    const at = Date.now() - CLOCK_SKEW_MS;
    const before = await api
      .getNamespacedCustomObject(coordinates(target))
      .catch(error => {
        throw translateKubernetesError(error, where(target));
      });
    const earlierWarningAt = offsetsWarning(
      before,
      operation,
    )?.lastTransitionTime;
    try {
      if (before?.metadata?.annotations?.[CONNECTOR_OFFSETS_ANNOTATION]) {
        // An earlier request Strimzi refused and left in place: removed
        // first, so the operator sees this one as a change.
        await api.patchNamespacedCustomObject(
          {
            ...coordinates(target),
            body: {
              metadata: {
                annotations: { [CONNECTOR_OFFSETS_ANNOTATION]: null },
              },
            },
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        );
      }
      const updated = await api.patchNamespacedCustomObject(
        {
          ...coordinates(target),
          body: {
            metadata: {
              annotations: { [CONNECTOR_OFFSETS_ANNOTATION]: operation },
            },
            ...(Object.keys(spec).length ? { spec } : {}),
          },
          fieldValidation: 'Strict',
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
      return {
        resourceVersion: updated?.metadata?.resourceVersion,
        at,
        ...(earlierWarningAt ? { earlierWarningAt } : {}),
      };
    } catch (error) {
      if (
        error instanceof ApiException &&
        (error.code === 400 || error.code === 422) &&
        /unknown field \\?"?spec\.(listOffsets|alterOffsets)/.test(
          String(error.body),
        )
      ) {
        // A KafkaConnector CRD from before Strimzi 0.44.
        throw new InputError(offsetsUnsupportedReason(target.strimziVersion));
      }
      throw translateKubernetesError(error, where(target));
    }
  }

  private async waitForOutcome(
    api: CustomObjectsApi,
    target: OffsetsTarget,
    operation: OffsetsOperation,
    written: OffsetsRequestWritten,
  ) {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const resource = await api
        .getNamespacedCustomObject(coordinates(target))
        .catch(error => {
          throw translateKubernetesError(error, where(target));
        });
      const outcome = offsetsOutcome(resource, operation, written);
      if (outcome.state !== 'pending' || Date.now() > deadline) {
        return outcome;
      }
      await sleep(this.options.pollMs ?? 500);
    }
  }

  /** Creates or replaces the alterOffsets ConfigMap, owned by the connector so it goes with it. */
  private async writeConfigMap(
    core: CoreV1Api,
    target: OffsetsTarget,
    name: string,
    data: Record<string, string>,
  ) {
    const { metadata = {}, apiVersion, kind } = target.resource;
    const body = {
      metadata: {
        name,
        namespace: target.namespace,
        labels: {
          'strimzi.io/cluster': metadata.labels?.['strimzi.io/cluster'],
        },
        ...(metadata.uid
          ? {
              ownerReferences: [
                { apiVersion, kind, name: target.name, uid: metadata.uid },
              ],
            }
          : {}),
      },
      data,
    };
    if (!body.metadata.labels['strimzi.io/cluster']) {
      delete (body.metadata as { labels?: unknown }).labels;
    }
    try {
      await core.replaceNamespacedConfigMap({
        namespace: target.namespace,
        name,
        body,
      });
    } catch (error) {
      if (!(error instanceof ApiException) || error.code !== 404) {
        throw translateKubernetesError(
          error,
          `ConfigMap ${target.namespace}/${name}`,
        );
      }
      await core
        .createNamespacedConfigMap({ namespace: target.namespace, body })
        .catch(createError => {
          throw translateKubernetesError(
            createError,
            `ConfigMap ${target.namespace}/${name}`,
          );
        });
    }
  }
}

function coordinates(target: OffsetsTarget) {
  return {
    group: STRIMZI_API_GROUP,
    version: target.version,
    namespace: target.namespace,
    plural: STRIMZI_PLURALS.KafkaConnector,
    name: target.name,
  };
}

function where(target: OffsetsTarget) {
  return `KafkaConnector ${target.namespace}/${target.name} in cluster ${target.cluster}`;
}

function notActed(target: OffsetsTarget, operation: string, timeoutMs: number) {
  return `The operator did not act on ${CONNECTOR_OFFSETS_ANNOTATION}: ${operation} of ${where(
    target,
  )} within ${Math.round(
    timeoutMs / 1000,
  )} s; is Strimzi running and does it manage this connector?`;
}

/** Kafka Connect alters and resets offsets only of a STOPPED connector (KIP-875). */
function requireStopped(target: OffsetsTarget, operation: 'reset' | 'alter') {
  const state = target.resource.status?.connectorStatus?.connector?.state;
  const desired = target.resource.spec?.state;
  if (desired !== 'stopped' || state !== 'STOPPED') {
    throw new ConflictError(
      `${where(target)} is ${
        state ?? 'in an unknown state'
      }: Kafka Connect can ${operation} offsets only of a stopped connector. Stop it first (action stop) and wait until it reports STOPPED.`,
    );
  }
}
