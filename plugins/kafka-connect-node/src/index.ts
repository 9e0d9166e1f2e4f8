/**
 * Node library of the Kafka Connect suite: cluster access and extension points.
 *
 * @packageDocumentation
 */
export * from './extensions';
