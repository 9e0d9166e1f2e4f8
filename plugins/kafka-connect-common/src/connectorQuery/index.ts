export * from './queryConnectors';
export * from './parseConnectorQuery';
