export {
  assessConnectStatus,
  countTasks,
  deriveConnectorHealth,
  desiredConnectorState,
  rollUpHealth,
  summarizeHealths,
} from './deriveConnectorHealth';
