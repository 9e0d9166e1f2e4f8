import type {
  ConnectorHealthAssessment,
  MirrorMaker2ConnectorAssessment,
  TaskCounts,
} from '../api';
import type {
  ConnectRestConnectorStatus,
  KafkaMirrorMaker2Resource,
  StrimziAutoRestartStatus,
} from '../strimzi';
import {
  assessConnectStatus,
  countTasks,
  desiredConnectorState,
  failingTasksOf,
  unreadableStatus,
} from './assessConnectStatus';
import { assessAutoRestart } from './autoRestart';
import {
  MirrorMaker2ConnectorSpecEntry,
  mirrorMaker2ConnectorsInSpec,
} from './mirrorMaker2Connectors';
import { assessNotReady } from './notReady';
import { rollUpHealth } from './rollUpHealth';
import {
  activeConditions,
  ageing,
  GateVerdict,
  HealthClock,
  restartRequestOf,
  statusGate,
  statusSince,
  warningsOf,
} from './statusGate';

/** One connector inside a KafkaMirrorMaker2, assessed. @public */
export type MirrorMaker2Component = MirrorMaker2ConnectorAssessment;

const TASK_KEYS: Array<keyof TaskCounts> = [
  'total',
  'running',
  'failed',
  'paused',
  'unassigned',
  'restarting',
];

const text = (value: unknown) =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/**
 * Derives a KafkaMirrorMaker2's health connector by connector: the
 * connectors its spec names are compared with those Strimzi reports in
 * `status.connectors` (a connector whose REST call failed is missing there),
 * each judged against its own desired state and automatic restarts; the
 * worst of them, and of the resource's own conditions, wins.
 * @public
 */
export function deriveMirrorMaker2Health(
  mm2: KafkaMirrorMaker2Resource,
  clock: HealthClock = {},
): {
  assessment: ConnectorHealthAssessment;
  components: MirrorMaker2Component[];
} {
  try {
    return deriveFromWellFormed(mm2, clock);
  } catch (error) {
    return { components: [], assessment: unreadableStatus(error) };
  }
}

function assessComponent(
  name: string,
  entry: ConnectRestConnectorStatus | undefined,
  inSpec: MirrorMaker2ConnectorSpecEntry | undefined,
  mm2: KafkaMirrorMaker2Resource,
  autoRestartStatus: StrimziAutoRestartStatus | undefined,
  clock: HealthClock,
): MirrorMaker2Component {
  const desiredState = desiredConnectorState(inSpec?.spec);
  const autoRestart = assessAutoRestart(
    inSpec?.spec.autoRestart,
    autoRestartStatus,
  );
  let verdict: GateVerdict;
  if (entry) {
    verdict = assessConnectStatus(entry, desiredState, {
      autoRestart: inSpec ? autoRestart : undefined,
      mayRunWithoutTasks: /\.Mirror(Source|Checkpoint)Connector$/.test(name),
    });
  } else {
    const [notReady] = activeConditions(mm2.status?.conditions, 'NotReady');
    verdict = notReady
      ? (({ health, reason }) => ({
          health,
          reason: `Missing from the status: ${reason}`,
        }))(
          assessNotReady(notReady, {
            updated: (mm2.metadata?.generation ?? 1) > 1,
          }),
        )
      : ageing(
          { reason: 'Not reported by Strimzi yet' },
          statusSince(mm2),
          clock,
          { health: 'unknown', reason: 'Not reported by Strimzi' },
        );
  }
  return {
    name,
    health: verdict.health,
    reason: verdict.reason,
    tasks: countTasks(entry),
    failingTasks: failingTasksOf(entry),
    warnings: [],
    ...(text(entry?.connector?.state)
      ? { connectorState: entry!.connector!.state }
      : {}),
    ...(text(entry?.type) ? { type: entry!.type } : {}),
    topics: [],
    ...(inSpec || autoRestartStatus ? { autoRestart } : {}),
    ...(verdict.reviewAt ? { reviewAt: verdict.reviewAt } : {}),
    ...(inSpec ? { mirror: inSpec.mirror } : {}),
    desiredState,
    inSpec: Boolean(inSpec),
    reported: Boolean(entry),
  };
}

function deriveFromWellFormed(
  mm2: KafkaMirrorMaker2Resource,
  clock: HealthClock,
): {
  assessment: ConnectorHealthAssessment;
  components: MirrorMaker2Component[];
} {
  const entries = (
    Array.isArray(mm2.status?.connectors) ? mm2.status!.connectors : []
  ).filter(entry => typeof entry === 'object' && entry !== null);
  const autoRestarts = Array.isArray(mm2.status?.autoRestartStatuses)
    ? mm2.status!.autoRestartStatuses
    : [];
  const inSpec = mirrorMaker2ConnectorsInSpec(mm2);
  const names = [
    ...inSpec.map(spec => spec.name),
    ...entries.map(entry => text(entry.name) ?? 'unnamed'),
  ].filter((name, index, all) => all.indexOf(name) === index);
  const components = names.map(name =>
    assessComponent(
      name,
      entries.find(entry => (text(entry.name) ?? 'unnamed') === name),
      inSpec.find(spec => spec.name === name),
      mm2,
      autoRestarts.find(status => status?.connectorName === name),
      clock,
    ),
  );
  const tasks = Object.fromEntries(
    TASK_KEYS.map(key => [
      key,
      components.reduce((sum, c) => sum + c.tasks[key], 0),
    ]),
  ) as unknown as TaskCounts;
  const restartRequest = restartRequestOf(mm2);
  const assessment = (verdict: GateVerdict): ConnectorHealthAssessment => ({
    health: verdict.health,
    reason: verdict.reason,
    tasks,
    failingTasks: components.flatMap(component => component.failingTasks),
    warnings: warningsOf(mm2.status?.conditions),
    topics: [],
    ...(restartRequest ? { restartRequest } : {}),
    ...(verdict.reviewAt ? { reviewAt: verdict.reviewAt } : {}),
  });
  const gated = statusGate(mm2, clock);
  if (gated) {
    return { components, assessment: assessment(gated) };
  }
  if (mm2.spec?.replicas === 0) {
    return {
      components,
      assessment: assessment({
        health: 'stopped',
        reason: 'Its Connect cluster has 0 replicas: no connector runs',
      }),
    };
  }
  const [notReady] = activeConditions(mm2.status?.conditions, 'NotReady');
  const health = rollUpHealth(components.map(component => component.health));
  if (components.length === 0 || (notReady && health === 'healthy')) {
    return {
      components,
      assessment: assessment(
        notReady
          ? assessNotReady(notReady, {
              updated: (mm2.metadata?.generation ?? 1) > 1,
            })
          : { health: 'pending', reason: 'No connector reported yet' },
      ),
    };
  }
  const worst = components.find(component => component.health === health)!;
  const reviewAt = components
    .map(component => component.reviewAt)
    .filter((time): time is string => Boolean(time))
    .sort()[0];
  return {
    components,
    assessment: assessment({
      health,
      reason:
        health === 'healthy'
          ? `All ${components.length} connectors running`
          : `${worst.name}: ${worst.reason}`,
      ...(reviewAt ? { reviewAt } : {}),
    }),
  };
}
