export * from './offsetsSupport';
export * from './connectorOffsets';
export * from './offsetsOutcome';
export * from './offsetsApi';
export * from './offsetsRequest';
