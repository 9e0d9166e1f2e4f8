export {
  KafkaConnectClusterPicker,
  KAFKA_CONNECT_CLUSTER_PICKER,
  validateKafkaConnectClusterChoice,
} from './KafkaConnectClusterPicker';
export type {
  KafkaConnectClusterChoice,
  KafkaConnectClusterPickerOptions,
} from './KafkaConnectClusterPicker';
