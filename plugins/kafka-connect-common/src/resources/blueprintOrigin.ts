import type { BlueprintOrigin } from '../api';
import {
  BLUEPRINT_ANNOTATION,
  BLUEPRINT_PARAMETERS_ANNOTATION,
} from '../names';
import type { ObjectMeta } from '../strimzi';

/**
 * The blueprint a resource was rendered from and the parameters it was
 * rendered with, read from the annotations the templates write. A hand-made
 * resource has none; unreadable parameters are left out rather than guessed,
 * so a change form asks for them.
 * @public
 */
export function blueprintOrigin(
  resource: { metadata?: ObjectMeta } | undefined,
): BlueprintOrigin | undefined {
  const annotations = resource?.metadata?.annotations ?? {};
  const id = annotations[BLUEPRINT_ANNOTATION];
  if (typeof id !== 'string' || !id.trim()) {
    return undefined;
  }
  const parameters = parseParameters(
    annotations[BLUEPRINT_PARAMETERS_ANNOTATION],
  );
  return { id: id.trim(), ...(parameters ? { parameters } : {}) };
}

function parseParameters(
  text: unknown,
): Record<string, string | number | boolean> | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return undefined;
  }
  // Only scalars: blueprint parameters are names, numbers and flags.
  const entries = Object.entries(parsed).filter(
    ([, value]) =>
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean',
  );
  return Object.fromEntries(entries) as Record<
    string,
    string | number | boolean
  >;
}
