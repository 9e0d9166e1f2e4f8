/**
 * Scaffolder actions that create and change Kafka connectors from blueprints.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKafkaConnect as default } from './module';
