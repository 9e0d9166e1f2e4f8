export { startOperatorStandIn } from './standIn';
export type { OperatorStandIn, OperatorStandInOptions } from './standIn';
export {
  reconcileKafkaConnect,
  reconcileKafkaConnector,
  reconcileKafkaMirrorMaker2,
  settleTransitionTimes,
} from './reconcile';
export type { ReconcileResult, Resource } from './reconcile';
export {
  FAILED_CONNECTOR_ANNOTATION,
  FAILED_TASKS_ANNOTATION,
  PLUGINS_ANNOTATION,
} from './simulation';
