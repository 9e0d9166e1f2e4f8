export {
  KafkaConnectConfigCheck,
  KAFKA_CONNECT_CONFIG_CHECK,
  validateKafkaConnectConfig,
} from './KafkaConnectConfigCheck';
export {
  checkConfig,
  describeValidationErrors,
  formFieldOf,
  validationRequestOf,
} from './configCheck';
export type {
  ConfigCheckOutcome,
  KafkaConnectConfigCheckOptions,
} from './configCheck';
