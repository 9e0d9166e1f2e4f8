/**
 * Domain core of the Kafka Connect suite, shared by its backend, frontend and
 * modules: Strimzi resource shapes, annotation names, the REST contract.
 *
 * @packageDocumentation
 */
export * from './names';
export * from './strimzi';
export * from './api';
export * from './resourceRef';
export * from './targetRef';
export * from './health';
export * from './entityNames';
export * from './entityLinks';
export * from './ownership';
export * from './resources';
export * from './permissions';
export * from './client';
export * from './connectorQuery';
export * from './actions';
export * from './blueprints';
export * from './offsets';
export * from './validation';
