import {
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import { describeError } from './kube';
import { failRealConnector, healReal, RealConnector } from './kafka/realFaults';

/**
 * The one fault mechanism of both kinds of connector (a KafkaConnector, or
 * one connector of a KafkaMirrorMaker2): on the real worker the failure is
 * real and Connect writes the trace; otherwise the stand-in is told through
 * annotations on the resource.
 */

/** The local cluster's real worker, when it runs one. */
export interface RealWorker {
  connectUrl: string;
  filesDir: string;
}

/** Annotations to merge into the resource; null removes one. */
export type FaultAnnotations = Record<string, string | null>;

/** A connector faults act on, as its kind sees it. */
export interface FaultTarget {
  /** The Strimzi resource whose annotations the stand-in reads. */
  resource: KubernetesObject;
  /** `<namespace>/<name>`, with `/<connector>` for MirrorMaker 2, for messages. */
  label: string;
  /** The connector as the real worker runs it; undefined when simulated. */
  real?: RealConnector;
  /** Fails a task of the real connector. */
  failRealTask(real: RealConnector, taskId: number): Promise<void>;
  /** Annotations that make the stand-in fail a task, with a sample trace unless given. */
  failedTask(taskId: number, trace?: string): FaultAnnotations;
  /** Annotations that make the stand-in fail the connector itself. */
  failedConnector(trace?: string): FaultAnnotations;
  /** Annotations that clear this connector's injected failures. */
  healed(): FaultAnnotations;
}

/** Reads a Strimzi resource in v1, else v1beta2; the error says how to list them. */
export async function readStrimziResource(
  kc: KubeConfig,
  kind: string,
  ref: { namespace: string; name: string },
  shortName: string,
): Promise<KubernetesObject> {
  const objects = KubernetesObjectApi.makeApiClient(kc);
  let lastError: unknown;
  for (const version of ['v1', 'v1beta2']) {
    try {
      return await objects.read({
        apiVersion: `kafka.strimzi.io/${version}`,
        kind,
        metadata: { name: ref.name, namespace: ref.namespace },
      });
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(
    `${kind} ${ref.namespace}/${ref.name} not found (${describeError(
      lastError,
    )}); list them with kubectl get ${shortName} -A`,
  );
}

async function patchAnnotations(
  kc: KubeConfig,
  resource: KubernetesObject,
  annotations: FaultAnnotations,
) {
  await KubernetesObjectApi.makeApiClient(kc).patch(
    {
      apiVersion: resource.apiVersion,
      kind: resource.kind,
      metadata: {
        name: resource.metadata!.name,
        namespace: resource.metadata!.namespace,
        annotations: annotations as Record<string, string>,
      },
    },
    undefined,
    undefined,
    'dev-cluster-faults',
    undefined,
    PatchStrategy.MergePatch,
  );
}

function refuseTrace(trace: string | undefined, target: FaultTarget) {
  if (trace !== undefined) {
    throw new Error(
      `--trace does not apply to ${target.label}: the real Kafka Connect worker runs it, so the trace is Connect's own; leave --trace out`,
    );
  }
}

/** Makes one task of the target fail until healed or restarted. */
export async function injectTaskFailure(
  kc: KubeConfig,
  target: FaultTarget,
  taskId: number,
  trace?: string,
) {
  if (target.real) {
    refuseTrace(trace, target);
    await target.failRealTask(target.real, taskId);
    return;
  }
  await patchAnnotations(kc, target.resource, target.failedTask(taskId, trace));
}

/** Makes the target's connector itself fail until healed or restarted. */
export async function injectConnectorFailure(
  kc: KubeConfig,
  target: FaultTarget,
  trace?: string,
) {
  if (target.real) {
    refuseTrace(trace, target);
    await failRealConnector(target.real);
    return;
  }
  await patchAnnotations(kc, target.resource, target.failedConnector(trace));
}

/** Puts the real connector's files back and restarts what failed, or clears injected failures. */
export async function healTarget(kc: KubeConfig, target: FaultTarget) {
  if (target.real) {
    await healReal(target.real);
    return;
  }
  await patchAnnotations(kc, target.resource, target.healed());
}
