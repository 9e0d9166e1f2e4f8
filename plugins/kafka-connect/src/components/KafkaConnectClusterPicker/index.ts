export {
  KafkaConnectClusterPicker,
  KAFKA_CONNECT_CLUSTER_PICKER,
  unusableReason,
  validateKafkaConnectClusterChoice,
} from './KafkaConnectClusterPicker';
export type {
  KafkaConnectClusterChoice,
  KafkaConnectClusterPickerOptions,
} from './KafkaConnectClusterPicker';
