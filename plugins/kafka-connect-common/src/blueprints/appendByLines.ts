import { InputError } from '@backstage/errors';
import { stringify } from 'yaml';

const KEY_LINE = /^( *)([A-Za-z0-9_.-]+):\s*(#.*)?$/;
const ITEM_LINE = /^( *)-( +)(.*)$/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

/** A plain or simply quoted scalar, or undefined when it is anything fancier. */
function simpleScalar(text: string): string | undefined {
  const value = text.replace(/\s+#.*$/, '').trim();
  if (/^"[^"\\]*"$/.test(value) || /^'[^']*'$/.test(value)) {
    return value.slice(1, -1);
  }
  if (/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value)) {
    return value;
  }
  return undefined;
}

/**
 * Appends to a block list of a values file by scanning lines, for the common
 * case of a plain block-style file: a linear pass, many times faster than
 * building a YAML document of a large file (docs/benchmarks.md). Returns
 * undefined whenever the layout is anything it does not fully understand
 * (flow lists, tabs, several documents, fancy names), and the caller then
 * takes the Document API path.
 */
export function appendByLines(
  text: string,
  path: string[],
  entry: Record<string, unknown>,
  nameField: string,
  file: string,
): string | undefined {
  if (/\t|^---|^\.\.\.|^%/m.test(text)) {
    return undefined;
  }
  const lines = text.split('\n');
  let line = 0;
  let parentIndent = -1;
  for (const key of path) {
    let found = -1;
    let childIndent = -1;
    for (; line < lines.length; line++) {
      if (!isContent(lines[line])) continue;
      const indent = indentOf(lines[line]);
      if (indent <= parentIndent) break;
      if (childIndent < 0) childIndent = indent;
      if (indent !== childIndent) continue;
      const match = KEY_LINE.exec(lines[line]);
      if (match && match[2] === key) {
        found = line;
        break;
      }
      if (lines[line].slice(indent).startsWith(`${key}:`)) {
        return undefined; // the key with a value on its line: flow list, scalar, anchor
      }
    }
    if (found < 0) return undefined;
    parentIndent = childIndent;
    line = found + 1;
  }
  const keyIndent = parentIndent;
  // The list items: lines starting with `-` at one column, the dash column.
  let dash = -1;
  let step = 2;
  let lastContent = -1;
  let itemContent = -1;
  const names: string[] = [];
  for (; line < lines.length; line++) {
    const current = lines[line];
    if (!isContent(current)) continue;
    const indent = indentOf(current);
    const item = ITEM_LINE.exec(current);
    if (dash < 0) {
      if (!item || indent < keyIndent) return undefined;
      dash = indent;
      step = 1 + item[2].length;
      itemContent = dash + step;
    }
    if (indent < dash || (indent === dash && !item)) break;
    if (indent < itemContent && !(indent === dash && item)) return undefined;
    let candidate: string | undefined;
    if (indent === dash && item) {
      candidate = item[3];
      if (item[2].length + 1 !== step) return undefined;
    } else if (indent === itemContent) {
      candidate = current.slice(indent);
    }
    if (candidate !== undefined && candidate.startsWith(`${nameField}:`)) {
      const name = simpleScalar(candidate.slice(nameField.length + 1));
      if (name === undefined) return undefined;
      names.push(name);
    }
    lastContent = line;
  }
  if (dash < 0) return undefined;
  const name = String(entry[nameField]);
  if (names.includes(name)) {
    throw new InputError(
      `${file} already has an entry named '${name}' under '${path.join(
        '.',
      )}'; choose another name or change that entry`,
    );
  }
  const rendered = stringify(entry, { indent: step, lineWidth: 0 })
    .split('\n')
    .filter(part => part !== '')
    .map((part, index) =>
      index === 0
        ? `${' '.repeat(dash)}-${' '.repeat(step - 1)}${part}`
        : `${' '.repeat(itemContent)}${part}`,
    );
  lines.splice(lastContent + 1, 0, ...rendered);
  return lines.join('\n');
}
