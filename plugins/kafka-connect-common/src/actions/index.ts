export {
  CONNECTOR_ACTIONS,
  MAX_TASKS,
  SPEC_CHANGING_ACTIONS,
  validateConnectorAction,
} from './validateConnectorAction';
export type {
  ConnectorActionName,
  ConnectorActionTarget,
} from './validateConnectorAction';
export {
  connectorActionChange,
  connectorStateField,
} from './connectorActionChange';
export type {
  ConnectorChange,
  ConnectorChangeTarget,
  ConnectorStateField,
  JsonPatchOperation,
} from './connectorActionChange';
export { restartOptionsSupported } from './strimziCapabilities';
export { isOwnedBy } from './isOwnedBy';
