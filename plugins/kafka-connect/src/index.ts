/**
 * Frontend plugin of the Kafka Connect suite.
 *
 * @packageDocumentation
 */
export { kafkaConnectPlugin as default } from './plugin';
