import {
  type Entity,
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** One owner the picker offers. */
export interface OwnerChoice {
  ref: string;
  label: string;
  /** One of the signed-in user's own groups (or the user). */
  mine: boolean;
}

/**
 * The groups to offer as owners: the user's own first (those among their
 * ownership refs), then the rest, each part sorted by label. Only the user's
 * own groups pass the create permission for non-admins; the others stay
 * listed for admins.
 */
export function orderOwnerChoices(
  groups: Entity[],
  ownershipRefs: readonly string[],
): OwnerChoice[] {
  const own = new Set(ownershipRefs.map(ref => ref.toLocaleLowerCase('en-US')));
  const choices = groups.map(group => {
    const ref = stringifyEntityRef(group);
    const name =
      group.metadata.namespace && group.metadata.namespace !== DEFAULT_NAMESPACE
        ? `${group.metadata.namespace}/${group.metadata.name}`
        : group.metadata.name;
    const title =
      (group.spec?.profile as { displayName?: string } | undefined)
        ?.displayName ?? group.metadata.title;
    return {
      ref,
      label: title && title !== name ? `${title} (${name})` : name,
      mine: own.has(ref.toLocaleLowerCase('en-US')),
    };
  });
  return choices.sort(
    (a, b) =>
      Number(b.mine) - Number(a.mine) ||
      a.label.localeCompare(b.label, 'en-US'),
  );
}
