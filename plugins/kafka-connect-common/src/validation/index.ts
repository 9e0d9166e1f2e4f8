export * from './types';
export { configFieldSources } from './configFieldSources';
export type {
  ConfigValueOrigin,
  ConfigValueSource,
} from './configFieldSources';
export { HIDDEN, isSecretSetting, maskConnectMessage } from './maskSecrets';
export {
  mapConnectValidation,
  validationFieldErrors,
} from './mapConnectValidation';
export type { ValidationContext } from './mapConnectValidation';
export { connectConfigOf } from './connectConfigOf';
