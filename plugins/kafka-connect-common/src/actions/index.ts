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
export {
  CONNECTOR_STATE_MIN_STRIMZI,
  connectorStateSupport,
  stopUnsupportedReason,
} from './stopSupport';
export type { ConnectorStateSupport } from './stopSupport';
export {
  restartDialectOf,
  restartOptionsSupported,
} from './strimziCapabilities';
export type { RestartDialectInputs } from './strimziCapabilities';
export {
  observeRestartAnnotation,
  RESTART_OBSERVATION_DEFAULTS,
  restartOptionsValueOf,
} from './restartDialect';
export type {
  LearnedRestartDialect,
  RestartEvidence,
  RestartObservationOptions,
  RestartSighting,
} from './restartDialect';
export { isOwnedBy } from './isOwnedBy';
