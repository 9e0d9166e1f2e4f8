import {
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import { STRIMZI_CLUSTER_LABEL } from '@kcs/plugin-kafka-connect-common';
import {
  FaultTarget,
  healTarget,
  injectConnectorFailure,
  injectTaskFailure,
  readStrimziResource,
  RealWorker,
} from './faultTarget';
import { failRealTask, RealConnector } from './kafka/realFaults';
import { mirrorMaker2FaultTarget } from './mirrorMaker2Faults';
import { isTrue } from './operator/conditions';
import { ConnectRestClient } from './operator/connectRest';
import {
  FAILED_CONNECTOR_ANNOTATION,
  FAILED_TASKS_ANNOTATION,
  failedTasksOf,
  REAL_WORKER_ANNOTATION,
  sampleTrace,
} from './operator/simulation';

export type { RealWorker } from './faultTarget';

/**
 * A connector in a cluster: a KafkaConnector, or with `connector` one
 * connector of the KafkaMirrorMaker2 `name`.
 */
export interface ConnectorRef {
  namespace: string;
  name: string;
  connector?: string;
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
    // As the stand-in decides which KafkaConnects the real worker backs.
    if (!isTrue(connect.metadata?.annotations?.[REAL_WORKER_ANNOTATION])) {
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

async function kafkaConnectorFaultTarget(
  kc: KubeConfig,
  ref: ConnectorRef,
  worker: RealWorker | undefined,
): Promise<FaultTarget> {
  const connector = await readStrimziResource(
    kc,
    'KafkaConnector',
    ref,
    'kctr',
  );
  return {
    resource: connector,
    label: `${ref.namespace}/${ref.name}`,
    real: await realConnectorOf(kc, connector, worker),
    failRealTask,
    failedTask: (taskId, trace) => ({
      [FAILED_TASKS_ANNOTATION]: JSON.stringify({
        ...failedTasksOf(connector.metadata?.annotations),
        [String(taskId)]:
          trace ??
          sampleTrace(
            'Tolerance exceeded in error handler: org.apache.kafka.common.errors.RecordTooLargeException',
          ),
      }),
    }),
    failedConnector: trace => ({
      [FAILED_CONNECTOR_ANNOTATION]:
        trace ??
        sampleTrace(
          'Unable to connect to the source database: Communications link failure',
        ),
    }),
    healed: () => ({
      [FAILED_TASKS_ANNOTATION]: null,
      [FAILED_CONNECTOR_ANNOTATION]: null,
    }),
  };
}

const targetOf = (
  kc: KubeConfig,
  ref: ConnectorRef,
  worker: RealWorker | undefined,
) =>
  ref.connector === undefined
    ? kafkaConnectorFaultTarget(kc, ref, worker)
    : mirrorMaker2FaultTarget(
        kc,
        { namespace: ref.namespace, name: ref.name, connector: ref.connector },
        worker,
      );

/** Makes one task of a connector fail, with a trace, until healed or restarted. */
export async function failTask(
  kc: KubeConfig,
  ref: ConnectorRef,
  taskId: number,
  trace?: string,
  worker?: RealWorker,
) {
  await injectTaskFailure(kc, await targetOf(kc, ref, worker), taskId, trace);
}

/** Makes the connector itself fail, until healed or restarted. */
export async function failConnector(
  kc: KubeConfig,
  ref: ConnectorRef,
  trace?: string,
  worker?: RealWorker,
) {
  await injectConnectorFailure(kc, await targetOf(kc, ref, worker), trace);
}

/** Clears every injected failure of a connector; on the real worker, puts its files back and restarts what failed. */
export async function heal(
  kc: KubeConfig,
  ref: ConnectorRef,
  worker?: RealWorker,
) {
  await healTarget(kc, await targetOf(kc, ref, worker));
}
