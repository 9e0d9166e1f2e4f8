export {
  KafkaConnectConfigCheck,
  KAFKA_CONNECT_CONFIG_CHECK,
  validateKafkaConnectConfig,
} from './KafkaConnectConfigCheck';
export type {
  ConnectClusterFormFields,
  KafkaConnectConfigCheckOptions,
} from './configCheck';
