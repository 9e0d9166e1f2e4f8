import {
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import {
  FAILED_CONNECTOR_ANNOTATION,
  FAILED_TASKS_ANNOTATION,
  failedTasksOf,
  sampleTrace,
} from './operator/simulation';
import { describeError } from './kube';
import {
  failRealConnector,
  failRealTask,
  healReal,
  RealConnector,
} from './kafka/realFaults';
import {
  failMirrorMaker2Connector,
  failMirrorMaker2Task,
  healMirrorMaker2,
} from './mirrorMaker2Faults';
import { ConnectRestClient } from './operator/connectRest';
import { REAL_WORKER_ANNOTATION } from './operator/simulation';
import { STRIMZI_CLUSTER_LABEL } from '@kcs/plugin-kafka-connect-common';

/** The local cluster's real worker, when it runs one. */
export interface RealWorker {
  connectUrl: string;
  filesDir: string;
}

/**
 * The connector as the real worker runs it, when its KafkaConnect is backed
 * by the local cluster's real worker; undefined for simulated ones.
 */
async function realConnectorOf(
  kc: KubeConfig,
  connector: KubernetesObject & { spec?: RealConnector['spec'] },
  worker: RealWorker | undefined,
): Promise<RealConnector | undefined> {
  const clusterName = connector.metadata?.labels?.[STRIMZI_CLUSTER_LABEL];
  if (!worker || !clusterName) {
    return undefined;
  }
  try {
    const connect = await KubernetesObjectApi.makeApiClient(kc).read({
      apiVersion: connector.apiVersion!,
      kind: 'KafkaConnect',
      metadata: { name: clusterName, namespace: connector.metadata!.namespace },
    });
    if (
      connect.metadata?.annotations?.[REAL_WORKER_ANNOTATION]?.toLowerCase() !==
      'true'
    ) {
      return undefined;
    }
  } catch {
    return undefined;
  }
  return {
    name: connector.metadata!.name!,
    spec: connector.spec ?? {},
    filesDir: worker.filesDir,
    rest: new ConnectRestClient(worker.connectUrl),
  };
}

function refuseTrace(trace: string | undefined, ref: ConnectorRef) {
  if (trace !== undefined) {
    throw new Error(
      `--trace does not apply to ${ref.namespace}/${ref.name}: a real Kafka Connect worker runs it, so the trace is Connect's own; leave --trace out`,
    );
  }
}

/**
 * A connector in a cluster: a KafkaConnector, or with `connector` one
 * connector of the KafkaMirrorMaker2 `name`.
 */
export interface ConnectorRef {
  namespace: string;
  name: string;
  connector?: string;
}

const mirrorRef = (ref: ConnectorRef) => ({
  namespace: ref.namespace,
  name: ref.name,
  connector: ref.connector!,
});

async function readConnector(
  kc: KubeConfig,
  ref: ConnectorRef,
): Promise<KubernetesObject> {
  const objects = KubernetesObjectApi.makeApiClient(kc);
  let lastError: unknown;
  for (const version of ['v1', 'v1beta2']) {
    try {
      return await objects.read({
        apiVersion: `kafka.strimzi.io/${version}`,
        kind: 'KafkaConnector',
        metadata: { name: ref.name, namespace: ref.namespace },
      });
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(
    `KafkaConnector ${ref.namespace}/${ref.name} not found (${describeError(
      lastError,
    )}); list them with kubectl get kctr -A`,
  );
}

async function patchAnnotations(
  kc: KubeConfig,
  connector: KubernetesObject,
  annotations: Record<string, string | null>,
) {
  await KubernetesObjectApi.makeApiClient(kc).patch(
    {
      apiVersion: connector.apiVersion,
      kind: connector.kind,
      metadata: {
        name: connector.metadata!.name,
        namespace: connector.metadata!.namespace,
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

/** Makes one task of a connector fail, with a trace, until healed or restarted. */
export async function failTask(
  kc: KubeConfig,
  ref: ConnectorRef,
  taskId: number,
  trace?: string,
  worker?: RealWorker,
) {
  if (ref.connector !== undefined) {
    await failMirrorMaker2Task(kc, mirrorRef(ref), taskId, trace, worker);
    return;
  }
  const connector = await readConnector(kc, ref);
  const real = await realConnectorOf(kc, connector, worker);
  if (real) {
    refuseTrace(trace, ref);
    await failRealTask(real, taskId);
    return;
  }
  const failed = {
    ...failedTasksOf(connector.metadata?.annotations),
    [String(taskId)]:
      trace ??
      sampleTrace(
        'Tolerance exceeded in error handler: org.apache.kafka.common.errors.RecordTooLargeException',
      ),
  };
  await patchAnnotations(kc, connector, {
    [FAILED_TASKS_ANNOTATION]: JSON.stringify(failed),
  });
}

/** Makes the connector itself fail, until healed or restarted. */
export async function failConnector(
  kc: KubeConfig,
  ref: ConnectorRef,
  trace?: string,
  worker?: RealWorker,
) {
  if (ref.connector !== undefined) {
    await failMirrorMaker2Connector(kc, mirrorRef(ref), trace, worker);
    return;
  }
  const connector = await readConnector(kc, ref);
  const real = await realConnectorOf(kc, connector, worker);
  if (real) {
    refuseTrace(trace, ref);
    await failRealConnector(real);
    return;
  }
  await patchAnnotations(kc, connector, {
    [FAILED_CONNECTOR_ANNOTATION]:
      trace ??
      sampleTrace(
        'Unable to connect to the source database: Communications link failure',
      ),
  });
}

/** Clears every injected failure of a connector; on the real worker, puts its files back and restarts what failed. */
export async function heal(
  kc: KubeConfig,
  ref: ConnectorRef,
  worker?: RealWorker,
) {
  if (ref.connector !== undefined) {
    await healMirrorMaker2(kc, mirrorRef(ref), worker);
    return;
  }
  const connector = await readConnector(kc, ref);
  const real = await realConnectorOf(kc, connector, worker);
  if (real) {
    await healReal(real);
    return;
  }
  await patchAnnotations(kc, connector, {
    [FAILED_TASKS_ANNOTATION]: null,
    [FAILED_CONNECTOR_ANNOTATION]: null,
  });
}
