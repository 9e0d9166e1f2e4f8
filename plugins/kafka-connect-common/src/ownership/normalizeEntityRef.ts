import {
  KubernetesValidatorFunctions,
  parseEntityRef,
} from '@backstage/catalog-model';

/** The outcome of {@link normalizeEntityRef}: a ref, or why there is none. @public */
export type NormalizedEntityRef =
  | { ref: string; error?: undefined }
  | { ref?: undefined; error: string };

/**
 * Validates a user-written entity ref (`team-orders`, `group:team-orders`,
 * `Group:default/team-orders`) and returns it in full, lower-case form
 * (`group:default/team-orders`), the form the catalog compares. Refs come
 * from annotations and config anyone can edit, so a bad one is an error value
 * that says what is wrong, never an exception.
 * @public
 */
export function normalizeEntityRef(
  value: unknown,
  options: { defaultKind: string; allowedKinds: readonly string[] },
): NormalizedEntityRef {
  if (typeof value !== 'string' || value.trim() === '') {
    return { error: 'it is empty' };
  }
  let parsed: { kind: string; namespace: string; name: string };
  try {
    parsed = parseEntityRef(value.trim(), {
      defaultKind: options.defaultKind,
      defaultNamespace: 'default',
    });
  } catch (error) {
    return {
      error: `'${value}' is not an entity ref (${String(
        (error as Error).message ?? error,
      )})`,
    };
  }
  if (
    !KubernetesValidatorFunctions.isValidNamespace(
      parsed.namespace.toLocaleLowerCase('en-US'),
    )
  ) {
    return {
      error: `'${value}' has an invalid namespace '${parsed.namespace}'`,
    };
  }
  if (!KubernetesValidatorFunctions.isValidObjectName(parsed.name)) {
    return {
      error: `'${value}' has an invalid name '${parsed.name}': use up to 63 letters, digits, '-', '_' or '.'`,
    };
  }
  const kind = parsed.kind.toLocaleLowerCase('en-US');
  const allowed = options.allowedKinds.map(k => k.toLocaleLowerCase('en-US'));
  if (!allowed.includes(kind)) {
    return {
      error: `'${value}' names a ${parsed.kind}, expected ${allowed.join(
        ' or ',
      )}`,
    };
  }
  return {
    ref: `${kind}:${parsed.namespace}/${parsed.name}`.toLocaleLowerCase(
      'en-US',
    ),
  };
}
