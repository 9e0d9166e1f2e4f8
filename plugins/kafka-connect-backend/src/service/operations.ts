import { NotFoundError } from '@backstage/errors';
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
  connectorStateSupport,
  STRIMZI_API_GROUP,
  STRIMZI_PLURALS,
} from '@kcs/plugin-kafka-connect-common';
import { translateKubernetesError } from './kubernetesErrors';

/** The resource an operation acts on, as found in the cache. */
export interface OperationTarget {
  cluster: string;
  namespace: string;
  name: string;
  kind: 'KafkaConnector' | 'KafkaMirrorMaker2';
  /** The Strimzi API version the cluster serves (`v1` or `v1beta2`). */
  version: string;
  /** The cluster's Strimzi reads restart options (0.48+); default true. */
  restartOptions?: boolean;
  /** The resource as the cache holds it: its tasks, `spec.pause`, mirrors. */
  resource?: Record<string, any>;
  /** `kafkaConnect.clusters[].strimziVersion`: before 0.38 there is no `spec.state`. */
  strimziVersion?: string;
}

/** What an operation did: the generation after it, and restarts still to come. */
export interface OperationResult {
  generation?: number;
  queued?: string[];
}

/** How restart annotations written in turn are followed. */
export interface InTurnOptions {
  /** The resource as it is now (from the watch cache), to see the operator remove an annotation. */
  current?: (target: OperationTarget) => Record<string, any> | undefined;
  /** Told when a queued restart is given up or fails. */
  onQueueEnd?: (target: OperationTarget, outcome: string) => void;
  /** How often `current` is read. */
  pollMs?: number;
  /** How long the operator may take to act on one annotation. */
  turnTimeoutMs?: number;
}

/** The API server refused `spec.state`, or a mirror connector's `state` (`spec.mirrors[0].sourceConnector.state`). */
function isUnknownStateField(error: unknown): boolean {
  return (
    error instanceof ApiException &&
    (error.code === 400 || error.code === 422) &&
    /unknown field \\?"?spec\.(mirrors\[\d+\]\.\w+\.)?state\b/.test(
      String(error.body),
    )
  );
}

/** What an error message calls the target: `KafkaConnector ns/name in cluster c`. */
function describeTarget(target: OperationTarget): string {
  return `${target.kind} ${target.namespace}/${target.name} in cluster ${target.cluster}`;
}

function translate(error: unknown, target: OperationTarget): Error {
  return translateKubernetesError(error, describeTarget(target));
}

/** Allowance for the portal's clock running ahead of the API server's. */
const CLOCK_SKEW_MS = 5_000;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Carries out operations on KafkaConnectors and KafkaMirrorMaker2s with a
 * merge or JSON patch (or the scale subresource), through the portal's own
 * identity in each cluster. Restart annotations that must be written one
 * after another (Strimzi keeps one per resource) are written as the
 * operator removes each, in the background.
 */
export class ConnectorOperations {
  // Learned per cluster: v1beta2 connectors without `spec.state` (Strimzi before 0.38).
  private readonly lacksState = new Set<string>();
  // Restarts queued per resource; a new operation on it ends the queue.
  private readonly queues = new Map<string, { cancelled: boolean }>();
  private readonly lacksStateListeners: Array<(cluster: string) => void> = [];

  constructor(
    private readonly kubeConfigOf: (cluster: string) => KubeConfig | undefined,
    private readonly inTurn: InTurnOptions = {},
  ) {}

  /** Whether the API server refused `state` on this cluster: its Strimzi is older than 0.38. */
  lacksStateOn(cluster: string): boolean {
    return this.lacksState.has(cluster);
  }

  /** Tells `listener` the first time a cluster's API server refuses `state`. */
  onLacksState(listener: (cluster: string) => void): void {
    this.lacksStateListeners.push(listener);
  }

  /** Applies the operation; resolves to the resource's generation afterwards. */
  async apply(
    target: OperationTarget,
    action: ConnectorAction,
  ): Promise<OperationResult> {
    const kubeConfig = this.kubeConfigOf(target.cluster);
    if (!kubeConfig) {
      throw new NotFoundError(`No configured cluster named ${target.cluster}`);
    }
    const api = kubeConfig.makeApiClient(CustomObjectsApi);
    const changeFor = () =>
      connectorActionChange(action, {
        kind: target.kind,
        stateField: connectorStateField(target.version, {
          v1beta2HasState: connectorStateSupport({
            apiVersion: target.version,
            strimziVersion: target.strimziVersion,
            learnedLacksState: this.lacksState.has(target.cluster),
          }).supported,
        }),
        restartOptions: target.restartOptions ?? true,
        resource: target.resource,
        strimziVersion: target.strimziVersion,
      });
    const key = `${target.cluster}/${target.kind}/${target.namespace}/${target.name}`;
    const previous = this.queues.get(key);
    if (previous) {
      previous.cancelled = true;
      this.queues.delete(key);
    }
    const change = changeFor();
    try {
      if (change.type === 'annotations-in-turn') {
        const [first, ...rest] = change.annotations;
        const { resourceVersion, ...result } = await this.send(
          api,
          target,
          annotationPatch(first),
        );
        const queue = { cancelled: false };
        this.queues.set(key, queue);
        void this.writeInTurn(api, target, {
          first,
          rest,
          resourceVersion,
          queue,
        }).finally(() => {
          if (this.queues.get(key) === queue) {
            this.queues.delete(key);
          }
        });
        return {
          ...result,
          queued: rest.map(([name, value]) => `${name}: ${value}`),
        };
      }
      return await this.send(api, target, change);
    } catch (error) {
      if (
        target.version === 'v1beta2' &&
        (change.type === 'merge-patch' || change.type === 'json-patch') &&
        isUnknownStateField(error)
      ) {
        if (!this.lacksState.has(target.cluster)) {
          this.lacksState.add(target.cluster);
          for (const listener of this.lacksStateListeners) {
            listener(target.cluster);
          }
        }
        // May refuse (stop needs spec.state); otherwise the same change with spec.pause.
        return await this.send(api, target, changeFor()).catch(retryError => {
          throw translate(retryError, target);
        });
      }
      throw translate(error, target);
    }
  }

  /** Writes each annotation once the operator removed the one before. */
  private async writeInTurn(
    api: CustomObjectsApi,
    target: OperationTarget,
    turn: {
      first: [string, string];
      rest: Array<[string, string]>;
      /** The resource's version right after `first` was written. */
      resourceVersion?: string;
      queue: { cancelled: boolean };
    },
  ) {
    const { current, onQueueEnd } = this.inTurn;
    const pollMs = this.inTurn.pollMs ?? 1000;
    const timeoutMs = this.inTurn.turnTimeoutMs ?? 10 * 60_000;
    let waitingFor = turn.first;
    let written = {
      resourceVersion: turn.resourceVersion,
      // A Warning older than the write is about an earlier annotation.
      at: Date.now() - CLOCK_SKEW_MS,
    };
    for (const next of turn.rest) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (turn.queue.cancelled) {
          return;
        }
        const resource = current?.(target);
        if (resource && removedSince(resource, waitingFor[0], written)) {
          break;
        }
        const refusal = restartRefusal(resource, written.at);
        if (refusal || !current || Date.now() > deadline) {
          onQueueEnd?.(
            target,
            `stopped before ${next[0]}: ${next[1]}: ${
              refusal
                ? `Strimzi answered ${waitingFor[0]}: ${waitingFor[1]} with ${refusal.message}`
                : `the operator did not act on ${waitingFor[0]}: ${
                    waitingFor[1]
                  } within ${Math.round(timeoutMs / 1000)} s`
            }`,
          );
          return;
        }
        await sleep(pollMs);
      }
      try {
        const { resourceVersion } = await this.send(
          api,
          target,
          annotationPatch(next),
        );
        written = { resourceVersion, at: Date.now() - CLOCK_SKEW_MS };
      } catch (error) {
        onQueueEnd?.(
          target,
          `writing ${next[0]}: ${next[1]} failed: ${
            translate(error, target).message
          }`,
        );
        return;
      }
      waitingFor = next;
    }
    onQueueEnd?.(target, 'every queued restart was written');
  }

  private async send(
    api: CustomObjectsApi,
    target: OperationTarget,
    change: ConnectorChange,
  ): Promise<OperationResult & { resourceVersion?: string }> {
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
    if (change.type === 'json-patch') {
      const updated = await api.patchNamespacedCustomObject(
        { ...coordinates, body: change.operations, fieldValidation: 'Strict' },
        setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
      );
      return { generation: updated?.metadata?.generation };
    }
    if (change.type === 'annotations-in-turn') {
      throw new Error('annotations-in-turn is sent one annotation at a time');
    }
    const updated = await api.patchNamespacedCustomObject(
      { ...coordinates, body: change.patch, fieldValidation: 'Strict' },
      mergePatch,
    );
    return {
      generation: updated?.metadata?.generation,
      resourceVersion: updated?.metadata?.resourceVersion,
    };
  }
}

/**
 * Whether the watched resource shows the annotation gone after it was
 * written: the cache must first have caught up with the write (the
 * version written, or a later one; etcd's versions are increasing
 * integers), else an object from before the write would look "removed".
 */
function removedSince(
  resource: Record<string, any>,
  annotation: string,
  written: { resourceVersion?: string },
): boolean {
  if (resource.metadata?.annotations?.[annotation] !== undefined) {
    return false;
  }
  const seen = Number(resource.metadata?.resourceVersion);
  const wrote = Number(written.resourceVersion);
  return (
    resource.metadata?.resourceVersion === written.resourceVersion ||
    (Number.isFinite(seen) && Number.isFinite(wrote) && seen > wrote)
  );
}

/** Strimzi's RestartConnector* Warning, if written since `since` (epoch ms). */
function restartRefusal(
  resource: Record<string, any> | undefined,
  since: number,
): { message?: string } | undefined {
  const conditions = resource?.status?.conditions;
  return (Array.isArray(conditions) ? conditions : []).find(
    (condition: {
      type?: string;
      reason?: string;
      lastTransitionTime?: string;
    }) =>
      condition?.type === 'Warning' &&
      condition.reason?.startsWith('RestartConnector') &&
      Date.parse(condition.lastTransitionTime ?? '') >= since,
  );
}

function annotationPatch([name, value]: [string, string]): ConnectorChange {
  return {
    type: 'merge-patch',
    patch: { metadata: { annotations: { [name]: value } } },
  };
}
