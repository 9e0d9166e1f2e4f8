export { startOperatorStandIn } from './standIn';
export type { OperatorStandIn, OperatorStandInOptions } from './standIn';
export { reconcileKafkaConnect, reconcileKafkaConnector } from './reconcile';
export { reconcileKafkaMirrorMaker2 } from './mirrorMaker2';
export { settleTransitionTimes } from './conditions';
export type { ReconcileResult, Resource } from './reconcile';
export {
  FAILED_CONNECTOR_ANNOTATION,
  FAILED_TASKS_ANNOTATION,
  PLUGINS_ANNOTATION,
  REAL_WORKER_ANNOTATION,
} from './simulation';
