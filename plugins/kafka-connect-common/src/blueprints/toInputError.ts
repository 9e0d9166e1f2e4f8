import { InputError } from '@backstage/errors';
import type { FieldError } from './types';

/**
 * Turns field errors into one `InputError` listing each field and its fix.
 * Control characters are escaped and the text is capped, so hostile input
 * cannot forge log lines or flood them.
 * @public
 */
export function toInputError(errors: FieldError[]): InputError {
  const text = `Invalid connector request: ${errors
    .map(error => `${error.field} ${error.message}`)
    .join('; ')}`;
  const safe = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    char => {
      // JSON.stringify leaves U+007F-U+009F and U+2028/U+2029 raw, and those
      // break lines in logs and viewers too: they get a \uXXXX escape.
      const json = JSON.stringify(char).slice(1, -1);
      return json !== char
        ? json
        : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    },
  );
  return new InputError(safe.length > 4000 ? `${safe.slice(0, 4000)}…` : safe);
}
