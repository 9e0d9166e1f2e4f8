import { normalizeEntityRef } from '../ownership/normalizeEntityRef';

const OWNER_KINDS = ['group', 'user'] as const;

function normalized(ref: string): string | undefined {
  return normalizeEntityRef(ref, {
    defaultKind: 'group',
    allowedKinds: OWNER_KINDS,
  }).ref;
}

/**
 * True when a resource's owner is among the caller's ownership refs (the user
 * and the groups they belong to). Comparison is on full, lower-case refs; a
 * resource without a valid owner belongs to nobody.
 * @public
 */
export function isOwnedBy(
  owner: string | undefined,
  ownershipRefs: readonly string[],
): boolean {
  const wanted = owner ? normalized(owner) : undefined;
  if (!wanted) {
    return false;
  }
  return ownershipRefs.some(ref => normalized(ref) === wanted);
}
