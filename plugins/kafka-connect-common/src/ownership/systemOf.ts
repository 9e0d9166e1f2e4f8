import { SYSTEM_ANNOTATION } from '../names';
import { normalizeEntityRef } from './normalizeEntityRef';

/** What {@link systemOf} looks at. @public */
export interface SystemResolutionInput {
  /** Annotations of the Strimzi resource itself. */
  resourceAnnotations?: Record<string, string>;
  /** The resource's namespace, to look up in `namespaceSystems`. */
  namespace?: string;
  /** Annotations of the resource's Namespace object, when known. */
  namespaceAnnotations?: Record<string, string>;
  /** Namespace name to System ref, from config (`kafkaConnect.catalog.namespaceSystems`). */
  namespaceSystems?: Record<string, string>;
}

/**
 * The catalog System a resource belongs to: the resource's system annotation,
 * else its Namespace's, else the namespace-to-system map in config. Bare names
 * mean systems (`orders` → `system:default/orders`); an unusable value is
 * skipped with a warning naming where it was set.
 * @public
 */
export function systemOf(input: SystemResolutionInput): {
  system?: string;
  warnings: string[];
} {
  const namespace = input.namespace;
  const candidates: Array<[string, unknown]> = [
    [
      `annotation ${SYSTEM_ANNOTATION} of the resource`,
      input.resourceAnnotations?.[SYSTEM_ANNOTATION],
    ],
    [
      `annotation ${SYSTEM_ANNOTATION} of namespace ${namespace ?? ''}`.trim(),
      input.namespaceAnnotations?.[SYSTEM_ANNOTATION],
    ],
    [
      `kafkaConnect.catalog.namespaceSystems.${namespace ?? ''}`,
      namespace !== undefined &&
      Object.prototype.hasOwnProperty.call(
        input.namespaceSystems ?? {},
        namespace,
      )
        ? input.namespaceSystems![namespace]
        : undefined,
    ],
  ];
  const warnings: string[] = [];
  for (const [where, value] of candidates) {
    if (value === undefined) {
      continue;
    }
    const normalized = normalizeEntityRef(value, {
      defaultKind: 'system',
      allowedKinds: ['system'],
    });
    if (normalized.ref) {
      return { system: normalized.ref, warnings };
    }
    warnings.push(
      `Ignored system in ${where}: ${normalized.error}; use a System ref such as system:default/orders`,
    );
  }
  return { warnings };
}
