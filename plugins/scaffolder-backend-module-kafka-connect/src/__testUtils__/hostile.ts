import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import fc from 'fast-check';

/**
 * Strings built to break YAML, logs or names: document markers, comments,
 * anchors, aliases, tags, flow collections, config-provider and template
 * marks, line breaks of every kind, bidi and zero-width characters.
 */
export const YAML_AND_TEXT_MARKERS = [
  '---',
  '...',
  '#',
  ' # x',
  '&a',
  '*a',
  '!',
  '!!binary',
  '{',
  '}',
  '[',
  ':',
  ': ',
  '- ',
  '|',
  '>',
  '%YAML',
  '"',
  "'",
  '${',
  '${env:X}',
  '${secrets:ns/s:k}',
  '{{instance}}',
  '{{ name }}',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u2028',
  '\u202e',
  '\u200b',
  '\ufeff',
  'ö',
  '🔥',
  '__proto__',
  'constructor',
];

/** Text of every sort, from plausible names to control characters. */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...YAML_AND_TEXT_MARKERS, '', ' ', 'a'.repeat(300)),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    // a plausible name with a marker spliced in
    fc
      .tuple(
        fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
        fc.constantFrom(...YAML_AND_TEXT_MARKERS),
        fc.stringMatching(/^[a-z0-9-]{0,10}$/),
      )
      .map(parts => parts.join('')),
    // plausible names too, so some runs get through and are checked as successes
    fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/),
  );
}

/** Numbers at and beyond every edge, and things that only look like numbers. */
export function hostileNumber(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(
      0,
      -0,
      -1,
      1,
      2,
      1000,
      1001,
      2.5,
      1e21,
      -1e21,
      Number.MAX_SAFE_INTEGER + 2,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      '5',
      'NaN',
      '1e3',
      '',
    ),
    fc.integer({ min: -2_000, max: 2_000 }),
    fc.double(),
  );
}

/** Workspace paths that try to leave it, hide in encodings or hit non-files. */
export function hostilePath(): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '../x.yaml',
        '../../etc/passwd',
        '/etc/passwd',
        '/tmp/values.yaml',
        '%2e%2e/x.yaml',
        '..%2f..%2fx.yaml',
        '%252e%252e%252fx',
        'a/../../x.yaml',
        'a/./../b/../../x.yaml',
        '..\\..\\x.yaml',
        'x\u0000.yaml',
        'x\n.yaml',
        '.',
        './',
        '',
        'kafka-connectors',
        'kafka-connectors/',
        'values.yaml/inside.yaml',
        'not-yaml.txt',
        'escape/x.yaml',
        `${'d'.repeat(300)}.yaml`,
        '~/x.yaml',
        'ok/new.yaml',
        'values.yaml',
        './values.yaml',
        'kafka-connectors/orders/ordersmysql-shop-orders-v1.yaml',
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.constantFrom('..', '.', 'a', '%2e%2e', '%2F', '\\', '', 'b.yaml'),
          { minLength: 1, maxLength: 6 },
        )
        .map(parts => parts.join('/')),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  );
}

/** Any JSON-ish value: what a hand-written template could send. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    hostileText(),
    hostileNumber(),
    fc.constantFrom(null, true, false, [], {}, ['a'], { a: 1 }),
  );
}

const OUTSIDE = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-outside-'));

/**
 * A workspace holding the given files plus traps: a non-YAML file, a
 * directory and a symlink `escape` to a folder outside the workspace.
 */
export function seedWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-prop-'));
  const all = { 'not-yaml.txt': 'key: [unclosed\n', ...files };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.mkdirSync(path.join(dir, 'kafka-connectors'), { recursive: true });
  fs.symlinkSync(OUTSIDE, path.join(dir, 'escape'));
  return dir;
}

/** Every entry under `dir`, with file contents as hex and symlink targets, to compare byte for byte. */
export function snapshotTree(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (relative: string) => {
    const full = path.join(dir, relative);
    const stat = fs.lstatSync(full);
    if (stat.isSymbolicLink()) {
      result[relative] = `link:${fs.readlinkSync(full)}`;
    } else if (stat.isDirectory()) {
      result[relative] = 'dir';
      for (const child of fs.readdirSync(full).sort()) {
        walk(path.join(relative, child));
      }
    } else {
      result[relative] = fs.readFileSync(full).toString('hex');
    }
  };
  walk('.');
  return result;
}

/** Paths whose snapshot entry differs, was added or was removed. */
export function changedPaths(
  before: Record<string, string>,
  after: Record<string, string>,
) {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    key => before[key] !== after[key],
  );
}

/** How often each applier method was called. */
export function applierCalls(applier: {
  apply: unknown;
  scale: unknown;
  delete: unknown;
}): Record<'apply' | 'scale' | 'delete', number> {
  const count = (method: unknown) => (method as jest.Mock).mock.calls.length;
  return {
    apply: count(applier.apply),
    scale: count(applier.scale),
    delete: count(applier.delete),
  };
}

/**
 * What is wrong with a rejected run: see {@link rejectionProblems}, plus
 * any change to the workspace and any call to the applier.
 */
export function rejectedRunProblems(
  run: {
    result: { ok: boolean; error?: unknown };
    before: Record<string, string>;
    after: Record<string, string>;
    calls: Record<'apply' | 'scale' | 'delete', number>;
  },
  names: RegExp,
): string[] {
  const problems = rejectionProblems(run.result.error, names);
  const changed = changedPaths(run.before, run.after);
  if (changed.length) problems.push(`workspace changed: ${changed}`);
  if (run.calls.apply + run.calls.scale + run.calls.delete) {
    problems.push(`applier called: ${JSON.stringify(run.calls)}`);
  }
  return problems;
}

/** Nothing may ever be written outside the workspace. */
export function outsideIsEmpty(): boolean {
  return fs.readdirSync(OUTSIDE).length === 0;
}

/** Removes the folder the `escape` symlinks point to; call once after all runs. */
export function removeOutside() {
  fs.rmSync(OUTSIDE, { recursive: true, force: true });
}

export function removeWorkspace(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The rejection or the success of an action run, never a throw. */
export async function settle(
  run: Promise<unknown>,
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await run;
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * What is wrong with a rejection: not an InputError, a message that does not
 * name the field, or one that carries a line break or a stack frame.
 */
export function rejectionProblems(error: unknown, field: RegExp): string[] {
  if (!(error instanceof InputError)) {
    return [
      `threw ${(error as Error)?.name ?? typeof error}: ${String(
        (error as Error)?.message ?? error,
      ).slice(0, 300)}`,
    ];
  }
  const problems: string[] = [];
  if (!field.test(error.message)) {
    problems.push(`message does not name ${field}: ${error.message}`);
  }
  const lineBreak = /[\n\r\v\f\u0085\u2028\u2029]/.exec(error.message);
  if (lineBreak) {
    problems.push(
      `message holds line break U+${lineBreak[0]
        .charCodeAt(0)
        .toString(16)
        .padStart(4, '0')}: ${JSON.stringify(error.message)}`,
    );
  }
  if (/\bat .+:\d+:\d+|node_modules|\.ts:\d+/.test(error.message)) {
    problems.push(`message holds a stack frame: ${error.message}`);
  }
  if (error.message.length > 4100) {
    problems.push(`message of ${error.message.length} characters`);
  }
  return problems;
}

/** A regular expression matching `name` as a whole word of a message. */
export function wordOf(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z])${escaped}([^A-Za-z]|$)`);
}

/** One input field set to a generated value, and how a message names it. */
export interface Corruption {
  field: string;
  value: unknown;
  names: RegExp;
  apply(input: Record<string, unknown>): void;
}

/** The corruptions of a run, for the message of a failed property. */
export const describeCorruptions = (items: Corruption[]) =>
  items.map(item => `${item.field}=${JSON.stringify(item.value)}`);

/**
 * Sets the field at `fieldPath` of an input to each generated value. Maps on
 * the way are copied (never the shared valid input's), and made anew where
 * another corruption replaced them with something else.
 */
export function setField(
  fieldPath: string[],
  arb: fc.Arbitrary<unknown>,
  names: RegExp = wordOf(fieldPath.join('.')),
): fc.Arbitrary<Corruption> {
  return arb.map(value => ({
    field: fieldPath.join('.'),
    value,
    names,
    apply: input => {
      let map = input;
      for (const key of fieldPath.slice(0, -1)) {
        const inner = map[key];
        map[key] =
          inner && typeof inner === 'object' && !Array.isArray(inner)
            ? { ...inner }
            : {};
        map = map[key] as Record<string, unknown>;
      }
      // defineProperty, so a key such as __proto__ becomes a plain own key
      Object.defineProperty(map, fieldPath[fieldPath.length - 1], {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    },
  }));
}

/** The field, or the naming rule's `{{key}}` when the value broke the name instead. */
export function namingRuleOr(field: string, key: string): RegExp {
  return new RegExp(`${wordOf(field).source}|\\{\\{${key}\\}\\}`);
}
