import { OWNER_ANNOTATION } from '../names';
import { normalizeEntityRef } from './normalizeEntityRef';

/** Where an owner came from, in the order they are tried. @public */
export type OwnerSource =
  | 'resource'
  | 'namespace'
  | 'config'
  | 'default'
  | 'none';

/** What {@link resolveOwner} looks at. @public */
export interface OwnerResolutionInput {
  /** Annotations of the Strimzi resource itself. */
  resourceAnnotations?: Record<string, string>;
  /** The resource's namespace, to look up in `namespaceOwners`. */
  namespace?: string;
  /** Annotations of the resource's Namespace object, when known. */
  namespaceAnnotations?: Record<string, string>;
  /** Namespace name to owner ref, from config (`kafkaConnect.catalog.namespaceOwners`). */
  namespaceOwners?: Record<string, string>;
  /** The owner of everything else, from config (`kafkaConnect.catalog.defaultOwner`). */
  defaultOwner?: string;
}

/** The owner of a resource and where it came from. @public */
export interface OwnerResolution {
  /** A full, lower-case entity ref (`group:default/team-orders`), absent when nobody owns it. */
  owner?: string;
  source: OwnerSource;
  /** Owners that were set but unusable, each naming where it was set: for a logged warning. */
  warnings: string[];
}

const OWNER_KINDS = ['group', 'user'] as const;

/**
 * Finds a resource's owner, trying in order the resource's owner annotation
 * (written by the templates), its Namespace's owner annotation, the
 * namespace-to-owner map in config, then the configured default. A value that
 * is not a valid Group or User ref is skipped with a warning, so the next
 * source still applies. Bare names mean groups: `team-orders` becomes
 * `group:default/team-orders`.
 * @public
 */
export function resolveOwner(input: OwnerResolutionInput): OwnerResolution {
  const candidates: Array<[Exclude<OwnerSource, 'none'>, string, unknown]> = [
    [
      'resource',
      `annotation ${OWNER_ANNOTATION} of the resource`,
      input.resourceAnnotations?.[OWNER_ANNOTATION],
    ],
    [
      'namespace',
      `annotation ${OWNER_ANNOTATION} of namespace ${
        input.namespace ?? ''
      }`.trim(),
      input.namespaceAnnotations?.[OWNER_ANNOTATION],
    ],
    [
      'config',
      `kafkaConnect.catalog.namespaceOwners.${input.namespace ?? ''}`,
      input.namespace !== undefined &&
      Object.prototype.hasOwnProperty.call(
        input.namespaceOwners ?? {},
        input.namespace,
      )
        ? input.namespaceOwners![input.namespace]
        : undefined,
    ],
    ['default', 'kafkaConnect.catalog.defaultOwner', input.defaultOwner],
  ];
  const warnings: string[] = [];
  for (const [source, where, value] of candidates) {
    if (value === undefined) {
      continue;
    }
    const normalized = normalizeEntityRef(value, {
      defaultKind: 'group',
      allowedKinds: OWNER_KINDS,
    });
    if (normalized.ref) {
      return { owner: normalized.ref, source, warnings };
    }
    warnings.push(
      `Ignored owner in ${where}: ${normalized.error}; use a Group or User ref such as group:default/team-orders`,
    );
  }
  return { source: 'none', warnings };
}
