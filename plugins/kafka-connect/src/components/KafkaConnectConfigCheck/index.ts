export {
  KafkaConnectConfigCheck,
  KAFKA_CONNECT_CONFIG_CHECK,
  validateKafkaConnectConfig,
} from './KafkaConnectConfigCheck';
export type { KafkaConnectConfigCheckOptions } from './configCheck';
