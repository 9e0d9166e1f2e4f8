export {
  KafkaConnectOwnerPicker,
  KAFKA_CONNECT_OWNER_PICKER,
} from './KafkaConnectOwnerPicker';
