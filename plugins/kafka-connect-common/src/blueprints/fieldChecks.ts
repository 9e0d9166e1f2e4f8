import { normalizeEntityRef } from '../ownership';
import type { FieldError } from './types';

/** Longest Kubernetes object name the suite writes (also a label value). */
export const MAX_NAME_LENGTH = 63;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

// Control characters (newlines included) and Unicode line separators have no
// place in a name, a host or a topic; refusing them stops YAML and log tricks.
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** Shows hostile input in an error message without echoing control characters or megabytes. */
export function printable(value: string): string {
  const shown = JSON.stringify(value.slice(0, 80)).slice(1, -1);
  return value.length > 80 ? `${shown}…` : shown;
}

/** The errors of a required Kubernetes name (a DNS label); none when it is valid. */
export function checkName(
  field: string,
  value: unknown,
  max: number = MAX_NAME_LENGTH,
): FieldError[] {
  if (typeof value !== 'string' || value === '') {
    return [{ field, message: 'is required' }];
  }
  if (value.length > max || !DNS_LABEL.test(value)) {
    return [
      {
        field,
        message: `'${printable(
          value,
        )}' is not a valid Kubernetes name: use at most ${max} lower-case letters, digits and '-', starting and ending with a letter or digit`,
      },
    ];
  }
  return [];
}

/** An entity ref in its full form, or the error that says how to give one. */
export function checkRef(
  field: string,
  value: unknown,
  defaultKind: string,
  allowedKinds: string[],
): { ref: string; errors: [] } | { ref?: undefined; errors: FieldError[] } {
  const result = normalizeEntityRef(value, { defaultKind, allowedKinds });
  if (result.error !== undefined) {
    return {
      errors: [
        {
          field,
          message: `${result.error}; give an entity ref such as ${defaultKind}:default/my-${defaultKind}`,
        },
      ],
    };
  }
  return { ref: result.ref, errors: [] };
}

/** {@link checkRef} for a field that may be left out or empty. */
export function checkOptionalRef(
  field: string,
  value: unknown,
  kind: string,
): { ref?: string; errors: FieldError[] } {
  if (value === undefined || value === '') {
    return { errors: [] };
  }
  return checkRef(field, value, kind, [kind]);
}
