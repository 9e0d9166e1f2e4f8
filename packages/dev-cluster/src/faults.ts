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

/** A connector in a cluster. */
export interface ConnectorRef {
  namespace: string;
  name: string;
}

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
  trace: string = sampleTrace(
    'Tolerance exceeded in error handler: org.apache.kafka.common.errors.RecordTooLargeException',
  ),
) {
  const connector = await readConnector(kc, ref);
  const failed = {
    ...failedTasksOf(connector.metadata?.annotations),
    [String(taskId)]: trace,
  };
  await patchAnnotations(kc, connector, {
    [FAILED_TASKS_ANNOTATION]: JSON.stringify(failed),
  });
}

/** Makes the connector itself fail, until healed or restarted. */
export async function failConnector(
  kc: KubeConfig,
  ref: ConnectorRef,
  trace: string = sampleTrace(
    'Unable to connect to the source database: Communications link failure',
  ),
) {
  const connector = await readConnector(kc, ref);
  await patchAnnotations(kc, connector, {
    [FAILED_CONNECTOR_ANNOTATION]: trace,
  });
}

/** Clears every injected failure of a connector. */
export async function heal(kc: KubeConfig, ref: ConnectorRef) {
  const connector = await readConnector(kc, ref);
  await patchAnnotations(kc, connector, {
    [FAILED_TASKS_ANNOTATION]: null,
    [FAILED_CONNECTOR_ANNOTATION]: null,
  });
}
