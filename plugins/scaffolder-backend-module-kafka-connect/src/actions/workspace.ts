import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { toInputError } from '@kcs/plugin-kafka-connect-common';
import { z } from 'zod';

/**
 * A workspace path as typed in a form: no control characters or line
 * separators, and short enough to echo in an error message.
 */
export const filePathSchema = z
  .string()
  .max(1024)
  .regex(
    // eslint-disable-next-line no-control-regex
    /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/,
    'must not hold control characters',
  );

/** Key path of the connector list in a values file. */
export const valuesPathSchema = z
  .array(
    z
      .string()
      .regex(
        /^[A-Za-z0-9_.-]{1,100}$/,
        "must be keys of letters, digits, '_', '.' or '-'",
      ),
  )
  .max(20);

export function fromZod(error: z.ZodError): InputError {
  return toInputError(
    error.issues.map(issue => ({
      field: issue.path.join('.') || '(input)',
      message: `${issue.message.toLocaleLowerCase(
        'en-US',
      )}; see the action's input schema`,
    })),
  );
}

/**
 * The text of a workspace file, or undefined when there is none. A path that
 * is a directory or runs through a file is the form's mistake: an InputError
 * naming `filePath` (as typed), not a server error.
 */
export async function readIfExists(
  file: string,
  filePath: string,
): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return undefined;
    }
    if (code === 'EISDIR') {
      throw new InputError(
        `filePath '${filePath}' is a directory; give the path of a file`,
      );
    }
    if (code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ELOOP') {
      throw new InputError(
        `filePath '${filePath}' cannot be a file (${code}); give a relative path of a file inside the workspace`,
      );
    }
    throw error;
  }
}

export function workspaceFile(workspace: string, file: string): string {
  let target: string;
  try {
    target = resolveSafeChildPath(workspace, file);
  } catch (error) {
    if ((error as Error).name === 'NotAllowedError') {
      throw new InputError(
        `filePath '${file}' leaves the workspace; give a relative path inside it`,
      );
    }
    // realpath failed on the way, e.g. a name too long or a symlink loop
    throw new InputError(
      `filePath '${file}' cannot be resolved (${
        (error as NodeJS.ErrnoException).code ?? 'invalid'
      }); give a relative path of a file inside the workspace`,
    );
  }
  if (target === path.resolve(workspace) || /[/\\]$/.test(file)) {
    throw new InputError(
      `filePath '${file}' names a directory; give the path of a file in the workspace`,
    );
  }
  return target;
}
