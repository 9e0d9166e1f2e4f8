export {
  assessConnectStatus,
  countTasks,
  deriveConnectorHealth,
  desiredConnectorState,
  rollUpHealth,
  summarizeHealths,
} from './deriveConnectorHealth';
export { deriveMirrorMaker2Health } from './deriveMirrorMaker2Health';
export type { MirrorMaker2Component } from './deriveMirrorMaker2Health';
