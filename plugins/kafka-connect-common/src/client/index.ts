export { KafkaConnectClient } from './KafkaConnectClient';
export type {
  ConnectorFilters,
  KafkaConnectClientOptions,
  OffsetsRef,
} from './KafkaConnectClient';
