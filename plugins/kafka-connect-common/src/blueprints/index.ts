export * from './types';
export { BLUEPRINT_JSON_SCHEMA } from './blueprintSchema';
export {
  parseBlueprint,
  mergeBlueprints,
  BUILT_IN_PLACEHOLDERS,
} from './parseBlueprint';
export type { ParsedBlueprint, BlueprintSet } from './parseBlueprint';
export { isCredentialKey, isConfigProviderReference } from './credentials';
export { planConnector, renderConnector } from './renderConnector';
export { toInputError } from './toInputError';
export { TASKS_MAX_RANGE } from './checkRequest';
export type { ConnectorPlan } from './renderConnector';
export {
  entryConnectorName,
  isCompact,
  valuesEntryNamer,
} from './compactEntry';
export type { ValuesEntryNaming } from './valuesFile';
export { TEMPLATE_FILTERS } from './template';
export {
  appendValuesEntry,
  findValuesEntry,
  connectorManifestYaml,
} from './valuesFile';
export { changeValuesEntry } from './changeValuesEntry';
export type { ValuesEntryChanges } from './changeValuesEntry';
export { planConnectorEdit } from './planChange';
export type { ConnectorEdit, ConnectorEditPlan } from './planChange';
