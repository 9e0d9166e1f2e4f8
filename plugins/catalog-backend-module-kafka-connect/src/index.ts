/**
 * Catalog entity provider for Kafka connectors, Connect clusters and MirrorMaker 2.
 *
 * @packageDocumentation
 */
export { catalogModuleKafkaConnect as default } from './module';
