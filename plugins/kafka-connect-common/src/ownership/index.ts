export { normalizeEntityRef } from './normalizeEntityRef';
export type { NormalizedEntityRef } from './normalizeEntityRef';
export { resolveOwner } from './resolveOwner';
export type {
  OwnerResolution,
  OwnerResolutionInput,
  OwnerSource,
} from './resolveOwner';
export { systemOf } from './systemOf';
export type { SystemResolutionInput } from './systemOf';
