export { KafkaConnectClient } from './KafkaConnectClient';
export type {
  ConnectorFilters,
  KafkaConnectClientOptions,
} from './KafkaConnectClient';
