/**
 * Frontend plugin of the Kafka Connect suite: the new frontend system plugin
 * is the default export; the legacy exports sit beside it.
 *
 * @packageDocumentation
 */
export {
  kafkaConnectPlugin as default,
  legacyKafkaConnectPlugin,
  KafkaConnectPage,
  kafkaConnectRootRouteRef,
  KafkaConnectClusterPickerFieldExtension,
  KafkaConnectOwnerPickerFieldExtension,
  KafkaConnectConfigCheckFieldExtension,
} from './plugin';
export * from './components/KafkaConnectClusterPicker';
export * from './components/KafkaConnectOwnerPicker';
export * from './components/KafkaConnectConfigCheck';
export { kafkaConnectApiRef } from './api';
export type { KafkaConnectApi } from './api';
export { isKafkaConnectAvailable } from './filter';
export { EntityKafkaConnectCard } from './components/EntityKafkaConnectCard';
export { EntityKafkaConnectContent } from './components/EntityKafkaConnectContent';
export { KafkaConnectOwnershipPage } from './components/OwnershipPage/KafkaConnectOwnershipPage';
