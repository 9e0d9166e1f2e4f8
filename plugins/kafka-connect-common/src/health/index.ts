export {
  assessConnectStatus,
  countTasks,
  desiredConnectorState,
  failingTasksOf,
} from './assessConnectStatus';
export type {
  ConnectStatusContext,
  ConnectStatusVerdict,
} from './assessConnectStatus';
export {
  assessAutoRestart,
  autoRestartBackoffMinutes,
  describeAutoRestartOutlook,
} from './autoRestart';
export { connectClusterProblem } from './connectClusterHealth';
export { deriveConnectorHealth } from './deriveConnectorHealth';
export type { ConnectorHealthOptions } from './deriveConnectorHealth';
export { deriveMirrorMaker2Health } from './deriveMirrorMaker2Health';
export type { MirrorMaker2Component } from './deriveMirrorMaker2Health';
export { mirrorMaker2ConnectorsInSpec } from './mirrorMaker2Connectors';
export type { MirrorMaker2ConnectorSpecEntry } from './mirrorMaker2Connectors';
export { assessNotReady } from './notReady';
export { rollUpHealth, summarizeHealths } from './rollUpHealth';
export { rootCause } from './rootCause';
export { DEFAULT_SETTLE_TIME_MS } from './statusGate';
export type { HealthClock } from './statusGate';
