import {
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import {
  failRealConnector,
  failRealTaskThroughConfig,
  healReal,
  RealConnector,
} from './kafka/realFaults';
import { describeError } from './kube';
import { isTrue } from './operator/conditions';
import { ConnectRestClient } from './operator/connectRest';
import { FAILED_MM2_CONNECTORS_ANNOTATION } from './operator/mirrorMaker2';
import { mirrorMaker2ConnectorsOf } from './operator/mirrorMaker2Spec';
import {
  FAILED_TASKS_ANNOTATION,
  failedTasksOf,
  REAL_WORKER_ANNOTATION,
  sampleTrace,
} from './operator/simulation';

/**
 * Faults on one connector of a KafkaMirrorMaker2. On a MirrorMaker 2 backed
 * by the real worker the failure is real (a setting its connector reads
 * through the file config provider turns invalid, so Connect fails it with
 * its own trace); on a simulated one the stand-in is told through
 * annotations, keyed by connector name.
 */

/** One connector of a MirrorMaker 2: `<namespace>/<mm2>/<connector name>`. */
export interface MirrorMaker2ConnectorRef {
  namespace: string;
  name: string;
  connector: string;
}

/** The local cluster's real worker. */
interface Worker {
  connectUrl: string;
  filesDir: string;
}

type Mm2 = KubernetesObject & { spec?: Record<string, any> };

async function readMirrorMaker2(
  kc: KubeConfig,
  ref: MirrorMaker2ConnectorRef,
): Promise<Mm2> {
  const objects = KubernetesObjectApi.makeApiClient(kc);
  let lastError: unknown;
  for (const version of ['v1', 'v1beta2']) {
    try {
      return await objects.read({
        apiVersion: `kafka.strimzi.io/${version}`,
        kind: 'KafkaMirrorMaker2',
        metadata: { name: ref.name, namespace: ref.namespace },
      });
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(
    `KafkaMirrorMaker2 ${ref.namespace}/${ref.name} not found (${describeError(
      lastError,
    )}); list them with kubectl get kmm2 -A`,
  );
}

function connectorOf(mm2: Mm2, ref: MirrorMaker2ConnectorRef) {
  const connectors = mirrorMaker2ConnectorsOf(mm2);
  const found = connectors.find(candidate => candidate.name === ref.connector);
  if (!found) {
    throw new Error(
      `KafkaMirrorMaker2 ${ref.namespace}/${ref.name} has no connector '${
        ref.connector
      }'; its spec names ${
        connectors.map(candidate => `'${candidate.name}'`).join(', ') || 'none'
      }`,
    );
  }
  return found;
}

function realConnectorOf(
  mm2: Mm2,
  ref: MirrorMaker2ConnectorRef,
  worker: Worker | undefined,
): RealConnector | undefined {
  const connector = connectorOf(mm2, ref);
  if (!worker || !isTrue(mm2.metadata?.annotations?.[REAL_WORKER_ANNOTATION])) {
    return undefined;
  }
  return {
    name: connector.name,
    spec: {
      class: connector.config['connector.class'],
      config: connector.config,
    },
    filesDir: worker.filesDir,
    rest: new ConnectRestClient(worker.connectUrl),
  };
}

function refuseTrace(trace: string | undefined, ref: MirrorMaker2ConnectorRef) {
  if (trace !== undefined) {
    throw new Error(
      `--trace does not apply to ${ref.namespace}/${ref.name}/${ref.connector}: the real Kafka Connect worker runs it, so the trace is Connect's own; leave --trace out`,
    );
  }
}

async function patchAnnotations(
  kc: KubeConfig,
  mm2: Mm2,
  annotations: Record<string, string | null>,
) {
  await KubernetesObjectApi.makeApiClient(kc).patch(
    {
      apiVersion: mm2.apiVersion,
      kind: 'KafkaMirrorMaker2',
      metadata: {
        name: mm2.metadata!.name,
        namespace: mm2.metadata!.namespace,
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

function failedConnectorsOf(mm2: Mm2): Record<string, string> {
  try {
    return JSON.parse(
      mm2.metadata?.annotations?.[FAILED_MM2_CONNECTORS_ANNOTATION] ?? '{}',
    );
  } catch {
    return {};
  }
}

/** Makes one task of a MirrorMaker 2 connector fail. */
export async function failMirrorMaker2Task(
  kc: KubeConfig,
  ref: MirrorMaker2ConnectorRef,
  taskId: number,
  trace?: string,
  worker?: Worker,
) {
  const mm2 = await readMirrorMaker2(kc, ref);
  const real = realConnectorOf(mm2, ref, worker);
  if (real) {
    refuseTrace(trace, ref);
    await failRealTaskThroughConfig(real, taskId);
    return;
  }
  await patchAnnotations(kc, mm2, {
    [FAILED_TASKS_ANNOTATION]: JSON.stringify({
      ...failedTasksOf(mm2.metadata?.annotations),
      [`${ref.connector}:${taskId}`]:
        trace ??
        sampleTrace(
          'org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata',
        ),
    }),
  });
}

/** Makes a MirrorMaker 2 connector itself fail. */
export async function failMirrorMaker2Connector(
  kc: KubeConfig,
  ref: MirrorMaker2ConnectorRef,
  trace?: string,
  worker?: Worker,
) {
  const mm2 = await readMirrorMaker2(kc, ref);
  const real = realConnectorOf(mm2, ref, worker);
  if (real) {
    refuseTrace(trace, ref);
    await failRealConnector(real);
    return;
  }
  await patchAnnotations(kc, mm2, {
    [FAILED_MM2_CONNECTORS_ANNOTATION]: JSON.stringify({
      ...failedConnectorsOf(mm2),
      [ref.connector]:
        trace ??
        sampleTrace(
          'org.apache.kafka.common.config.ConfigException: Invalid value for configuration refresh.topics.interval.seconds',
        ),
    }),
  });
}

/** Heals a MirrorMaker 2 connector: files put back and failures restarted, or injected failures cleared. */
export async function healMirrorMaker2(
  kc: KubeConfig,
  ref: MirrorMaker2ConnectorRef,
  worker?: Worker,
) {
  const mm2 = await readMirrorMaker2(kc, ref);
  const real = realConnectorOf(mm2, ref, worker);
  if (real) {
    await healReal(real);
    return;
  }
  const tasks = Object.fromEntries(
    Object.entries(failedTasksOf(mm2.metadata?.annotations)).filter(
      ([key]) => !key.startsWith(`${ref.connector}:`),
    ),
  );
  const { [ref.connector]: _healed, ...connectors } = failedConnectorsOf(mm2);
  await patchAnnotations(kc, mm2, {
    [FAILED_TASKS_ANNOTATION]:
      Object.keys(tasks).length > 0 ? JSON.stringify(tasks) : null,
    [FAILED_MM2_CONNECTORS_ANNOTATION]:
      Object.keys(connectors).length > 0 ? JSON.stringify(connectors) : null,
  });
}
