import type { ConnectorHealthAssessment, TaskCounts } from '../api';
import type { KafkaMirrorMaker2Resource } from '../strimzi';
import {
  assessConnectStatus,
  countTasks,
  deriveConnectorHealth,
  rollUpHealth,
} from './deriveConnectorHealth';

/** One connector inside a KafkaMirrorMaker2, assessed. @public */
export type MirrorMaker2Component = {
  name: string;
} & ConnectorHealthAssessment;

const TASK_KEYS: Array<keyof TaskCounts> = [
  'total',
  'running',
  'failed',
  'paused',
  'unassigned',
  'restarting',
];

/**
 * Derives a KafkaMirrorMaker2's health: the resource is judged like a
 * connector (conditions, generation), each entry of `status.connectors` like a
 * connector's Connect body, and the worst of them wins.
 * @public
 */
export function deriveMirrorMaker2Health(mm2: KafkaMirrorMaker2Resource): {
  assessment: ConnectorHealthAssessment;
  components: MirrorMaker2Component[];
} {
  try {
    return deriveFromWellFormed(mm2);
  } catch (error) {
    // A status this code cannot read is reported, never thrown at a page.
    return {
      components: [],
      assessment: {
        health: 'unknown',
        reason: `The status could not be read: ${String(error)}`,
        tasks: {
          total: 0,
          running: 0,
          failed: 0,
          paused: 0,
          unassigned: 0,
          restarting: 0,
        },
        failingTasks: [],
        warnings: [],
        topics: [],
      },
    };
  }
}

const textOrUndefined = (value: unknown) =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

function deriveFromWellFormed(mm2: KafkaMirrorMaker2Resource): {
  assessment: ConnectorHealthAssessment;
  components: MirrorMaker2Component[];
} {
  const entries = Array.isArray(mm2.status?.connectors)
    ? mm2.status!.connectors
    : [];
  const components: MirrorMaker2Component[] = entries.map(entry => {
    const tasks = countTasks(entry);
    return {
      name: textOrUndefined(entry?.name) ?? 'unnamed',
      ...assessConnectStatus(entry, 'running'),
      tasks,
      failingTasks: (Array.isArray(entry?.tasks) ? entry.tasks : [])
        .filter(task => task?.state === 'FAILED')
        .map(task => ({
          id: task.id ?? -1,
          state: 'FAILED',
          ...(task.worker_id ? { workerId: task.worker_id } : {}),
          ...(task.trace ? { trace: task.trace } : {}),
        })),
      warnings: [],
      ...(textOrUndefined(entry?.connector?.state)
        ? { connectorState: entry.connector!.state }
        : {}),
      ...(textOrUndefined(entry?.type) ? { type: entry.type } : {}),
      topics: [],
    };
  });
  // Conditions and generation first, with a stand-in body that is always "running".
  const overall = deriveConnectorHealth({
    metadata: mm2.metadata,
    spec: {},
    status: {
      conditions: mm2.status?.conditions,
      observedGeneration: mm2.status?.observedGeneration,
      connectorStatus: {
        connector: { state: 'RUNNING' },
        tasks: [{ id: 0, state: 'RUNNING' }],
      },
    },
  });
  const tasks = Object.fromEntries(
    TASK_KEYS.map(key => [
      key,
      components.reduce((sum, c) => sum + c.tasks[key], 0),
    ]),
  ) as unknown as TaskCounts;
  const base = {
    tasks,
    failingTasks: components.flatMap(component => component.failingTasks),
    warnings: overall.warnings,
    topics: [],
  };
  if (overall.health !== 'healthy') {
    return {
      components,
      assessment: { ...base, health: overall.health, reason: overall.reason },
    };
  }
  if (components.length === 0) {
    const notReady = mm2.status?.conditions?.find(
      condition => condition.type === 'NotReady' && condition.status === 'True',
    );
    return {
      components,
      assessment: notReady
        ? {
            ...base,
            health: 'failed',
            reason: `${notReady.reason ?? 'NotReady'}: ${
              notReady.message ?? 'no message'
            }`,
          }
        : { ...base, health: 'pending', reason: 'No connector reported yet' },
    };
  }
  const health = rollUpHealth(components.map(component => component.health));
  const worst = components.find(component => component.health === health)!;
  return {
    components,
    assessment: {
      ...base,
      health,
      reason:
        health === 'healthy'
          ? `All ${components.length} connectors running`
          : `${worst.name}: ${worst.reason}`,
    },
  };
}
