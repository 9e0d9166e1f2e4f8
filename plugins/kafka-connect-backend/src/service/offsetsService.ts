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
  offsetsConfigMapKey,
  offsetsConfigMapNames,
  OffsetsOperationResponse,
  offsetsOutcome,
  offsetsRequestChange,
  offsetsRequestRemoval,
  OffsetsRequestWritten,
  offsetsSpecPlace,
  OffsetsSubject,
  offsetsUnsupportedReason,
  offsetsWarning,
  parseOffsetsJson,
  STRIMZI_API_GROUP,
  STRIMZI_PLURALS,
} from '@kcs/plugin-kafka-connect-common';
import { translateKubernetesError } from './kubernetesErrors';

/**
 * The connector whose offsets are managed, as found in the cache: a
 * KafkaConnector, or one connector of a KafkaMirrorMaker2.
 */
export interface OffsetsTarget {
  cluster: string;
  namespace: string;
  /** The resource's name. */
  name: string;
  kind: 'KafkaConnector' | 'KafkaMirrorMaker2';
  /** KafkaMirrorMaker2: the connector's name in Connect. */
  connector?: string;
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

/** The target as the pure offsets functions of `-common` read it, with the resource given. */
export function offsetsSubjectOf(
  target: OffsetsTarget,
  resource: Record<string, any> = target.resource,
): OffsetsSubject {
  return target.kind === 'KafkaMirrorMaker2'
    ? { kind: target.kind, resource, connector: target.connector ?? '' }
    : { kind: target.kind, resource };
}

/**
 * Lists, resets and alters the offsets of a KafkaConnector or of one
 * MirrorMaker 2 connector the way Strimzi (0.44+) offers it: `listOffsets`
 * / `alterOffsets` ConfigMaps and the `strimzi.io/connector-offsets`
 * annotation (with `strimzi.io/mirrormaker-connector` on a MirrorMaker 2),
 * then the operator's answer read back from the resource. Never calls
 * Kafka Connect itself.
 */
export class OffsetsService {
  constructor(
    private readonly kubeConfigOf: (cluster: string) => KubeConfig | undefined,
    private readonly options: OffsetsServiceOptions = {},
  ) {}

  async list(target: OffsetsTarget): Promise<ConnectorOffsetsResponse> {
    const { custom, core } = this.clients(target);
    const subject = offsetsSubjectOf(target);
    const configMap =
      offsetsSpecPlace(subject).spec.listOffsets?.toConfigMap?.name ??
      offsetsConfigMapNames(target.name).list;
    const written = await this.request(custom, target, 'list', configMap);
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
          `ConfigMap ${target.namespace}/${configMap} in cluster ${target.cluster}`,
        );
      });
    const key = offsetsConfigMapKey(subject);
    const parsed = parseOffsetsJson(read.data?.[key], configMap, key);
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
    const written = await this.request(custom, target, 'reset');
    return {
      operation: 'reset',
      outcome: await this.waitForOutcome(custom, target, 'reset', written),
    };
  }

  async alter(
    target: OffsetsTarget,
    offsets: unknown,
  ): Promise<OffsetsOperationResponse> {
    const subject = offsetsSubjectOf(target);
    let data: Record<string, string>;
    try {
      data = alterOffsetsConfigMapData(offsets, offsetsConfigMapKey(subject));
    } catch (error) {
      throw new InputError(`Request body: ${(error as Error).message}`);
    }
    requireStopped(target, 'alter');
    const { custom, core } = this.clients(target);
    const configMap =
      offsetsSpecPlace(subject).spec.alterOffsets?.fromConfigMap?.name ??
      offsetsConfigMapNames(target.name).alter;
    await this.writeConfigMap(core, target, configMap, data);
    const written = await this.request(custom, target, 'alter', configMap);
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

  /**
   * Writes the annotation (and any ConfigMap the spec lacks) in one patch,
   * built from the resource as it is now (a MirrorMaker 2's patch addresses
   * one entry of `spec.mirrors`).
   */
  private async request(
    api: CustomObjectsApi,
    target: OffsetsTarget,
    operation: OffsetsOperation,
    configMap?: string,
  ) {
    const at = Date.now() - CLOCK_SKEW_MS;
    const resource = describeResource(target);
    let current = await api
      .getNamespacedCustomObject(coordinates(target))
      .catch(error => {
        throw translateKubernetesError(error, resource);
      });
    const earlierWarningAt = offsetsWarning(
      current,
      operation,
    )?.lastTransitionTime;
    const mergePatch = setHeaderOptions(
      'Content-Type',
      PatchStrategy.MergePatch,
    );
    try {
      if (current?.metadata?.annotations?.[CONNECTOR_OFFSETS_ANNOTATION]) {
        // An earlier request Strimzi refused and left in place: removed
        // first, so the operator sees this one as a change.
        current = await api.patchNamespacedCustomObject(
          {
            ...coordinates(target),
            body: offsetsRequestRemoval(offsetsSubjectOf(target, current)),
          },
          mergePatch,
        );
      }
      const change = offsetsRequestChange(
        offsetsSubjectOf(target, current),
        operation,
        configMap,
      );
      const updated = await api.patchNamespacedCustomObject(
        {
          ...coordinates(target),
          body: change.type === 'json-patch' ? change.operations : change,
          fieldValidation: 'Strict',
        },
        change.type === 'json-patch'
          ? setHeaderOptions('Content-Type', PatchStrategy.JsonPatch)
          : mergePatch,
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
        /unknown field \\?"?spec\.(mirrors\[\d+\]\.\w+\.)?(listOffsets|alterOffsets)/.test(
          String(error.body),
        )
      ) {
        // A CRD from before Strimzi 0.44.
        throw new InputError(offsetsUnsupportedReason(target.strimziVersion));
      }
      throw translateKubernetesError(error, resource);
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
          throw translateKubernetesError(error, describeResource(target));
        });
      const outcome = offsetsOutcome(resource, operation, written);
      if (outcome.state !== 'pending' || Date.now() > deadline) {
        return outcome;
      }
      await sleep(this.options.pollMs ?? 500);
    }
  }

  /**
   * Creates the alterOffsets ConfigMap, owned by the resource so it goes
   * with it, or writes the entry into it, keeping the other entries (the
   * connectors of a MirrorMaker 2 share one, each under its own key).
   */
  private async writeConfigMap(
    core: CoreV1Api,
    target: OffsetsTarget,
    name: string,
    data: Record<string, string>,
  ) {
    const what = `ConfigMap ${target.namespace}/${name} in cluster ${target.cluster}`;
    const { metadata = {}, apiVersion, kind } = target.resource;
    const cluster = metadata.labels?.['strimzi.io/cluster'];
    const body = {
      metadata: {
        name,
        namespace: target.namespace,
        ...(cluster ? { labels: { 'strimzi.io/cluster': cluster } } : {}),
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
    try {
      const existing = await core.readNamespacedConfigMap({
        namespace: target.namespace,
        name,
      });
      await core.replaceNamespacedConfigMap({
        namespace: target.namespace,
        name,
        body: {
          ...body,
          metadata: {
            ...body.metadata,
            // Replaced only if unchanged since read, so no entry is lost.
            resourceVersion: existing.metadata?.resourceVersion,
          },
          data: { ...existing.data, ...data },
        },
      });
    } catch (error) {
      if (!(error instanceof ApiException) || error.code !== 404) {
        throw translateKubernetesError(error, what);
      }
      await core
        .createNamespacedConfigMap({ namespace: target.namespace, body })
        .catch(createError => {
          throw translateKubernetesError(createError, what);
        });
    }
  }
}

function coordinates(target: OffsetsTarget) {
  return {
    group: STRIMZI_API_GROUP,
    version: target.version,
    namespace: target.namespace,
    plural: STRIMZI_PLURALS[target.kind],
    name: target.name,
  };
}

/** The resource, for errors about reading or writing it. */
function describeResource(target: OffsetsTarget) {
  return `${target.kind} ${target.namespace}/${target.name} in cluster ${target.cluster}`;
}

/** The connector whose offsets these are, for people. */
function where(target: OffsetsTarget) {
  return target.kind === 'KafkaMirrorMaker2'
    ? `connector ${target.connector} of ${describeResource(target)}`
    : describeResource(target);
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
  const place = offsetsSpecPlace(offsetsSubjectOf(target));
  if (place.spec.state !== 'stopped' || place.connectorState !== 'STOPPED') {
    throw new ConflictError(
      `${where(target)} is ${
        place.connectorState ?? 'in an unknown state'
      }: Kafka Connect can ${operation} offsets only of a stopped connector. Stop it first (action stop${
        target.kind === 'KafkaMirrorMaker2'
          ? ` with connector ${target.connector}`
          : ''
      }) and wait until it reports STOPPED.`,
    );
  }
}
