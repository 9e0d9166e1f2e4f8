import { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import { failRealTaskThroughConfig, RealConnector } from './kafka/realFaults';
import { FaultTarget, readStrimziResource, RealWorker } from './faultTarget';
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
 * Faults on one connector of a KafkaMirrorMaker2. On the real worker a
 * setting its connector reads through the file config provider turns
 * invalid, so Connect fails it with its own trace; on the stand-in the
 * annotations are keyed by connector name.
 */

/** One connector of a MirrorMaker 2: `<namespace>/<mm2>/<connector name>`. */
export interface MirrorMaker2ConnectorRef {
  namespace: string;
  name: string;
  connector: string;
}

type Mm2 = KubernetesObject & { spec?: Record<string, any> };

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
  worker: RealWorker | undefined,
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

function failedConnectorsOf(mm2: Mm2): Record<string, string> {
  try {
    return JSON.parse(
      mm2.metadata?.annotations?.[FAILED_MM2_CONNECTORS_ANNOTATION] ?? '{}',
    );
  } catch {
    return {};
  }
}

/** The MirrorMaker 2 connector `ref` names, as the fault mechanism acts on it. */
export async function mirrorMaker2FaultTarget(
  kc: KubeConfig,
  ref: MirrorMaker2ConnectorRef,
  worker: RealWorker | undefined,
): Promise<FaultTarget> {
  const mm2: Mm2 = await readStrimziResource(
    kc,
    'KafkaMirrorMaker2',
    ref,
    'kmm2',
  );
  return {
    resource: mm2,
    label: `${ref.namespace}/${ref.name}/${ref.connector}`,
    real: realConnectorOf(mm2, ref, worker),
    failRealTask: failRealTaskThroughConfig,
    failedTask: (taskId, trace) => ({
      [FAILED_TASKS_ANNOTATION]: JSON.stringify({
        ...failedTasksOf(mm2.metadata?.annotations),
        [`${ref.connector}:${taskId}`]:
          trace ??
          sampleTrace(
            'org.apache.kafka.common.errors.TimeoutException: Timeout expired while fetching topic metadata',
          ),
      }),
    }),
    failedConnector: trace => ({
      [FAILED_MM2_CONNECTORS_ANNOTATION]: JSON.stringify({
        ...failedConnectorsOf(mm2),
        [ref.connector]:
          trace ??
          sampleTrace(
            'org.apache.kafka.common.config.ConfigException: Invalid value for configuration refresh.topics.interval.seconds',
          ),
      }),
    }),
    healed: () => {
      const tasks = Object.fromEntries(
        Object.entries(failedTasksOf(mm2.metadata?.annotations)).filter(
          ([key]) => !key.startsWith(`${ref.connector}:`),
        ),
      );
      const { [ref.connector]: _healed, ...connectors } =
        failedConnectorsOf(mm2);
      return {
        [FAILED_TASKS_ANNOTATION]:
          Object.keys(tasks).length > 0 ? JSON.stringify(tasks) : null,
        [FAILED_MM2_CONNECTORS_ANNOTATION]:
          Object.keys(connectors).length > 0
            ? JSON.stringify(connectors)
            : null,
      };
    },
  };
}
