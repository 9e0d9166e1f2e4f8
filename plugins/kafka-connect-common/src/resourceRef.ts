import type { StrimziResourceRef } from './api';

/**
 * Formats a resource reference as `<cluster>/<namespace>/<name>`, the value of
 * the suite's resource annotations on catalog entities.
 * @public
 */
export function formatResourceRef(ref: StrimziResourceRef): string {
  return `${ref.cluster}/${ref.namespace}/${ref.name}`;
}

/**
 * Parses `<cluster>/<namespace>/<name>`. Returns undefined for anything else,
 * since the value comes from user-editable catalog annotations.
 * @public
 */
export function parseResourceRef(
  value: string | undefined,
): StrimziResourceRef | undefined {
  if (!value) {
    return undefined;
  }
  const parts = value.trim().split('/');
  if (parts.length !== 3 || parts.some(part => part.length === 0)) {
    return undefined;
  }
  const [cluster, namespace, name] = parts;
  return { cluster, namespace, name };
}
