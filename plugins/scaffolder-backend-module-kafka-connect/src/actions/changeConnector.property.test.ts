import path from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import {
  blueprints,
  CURRENT,
  MANIFEST_PATH,
  runChange,
  VALUES,
} from '../__testUtils__/change';
import {
  type Corruption,
  changedPaths,
  describeCorruptions,
  hostileNumber,
  rejectedRunProblems,
  hostilePath,
  hostileText,
  hostileValue,
  namingRuleOr,
  outsideIsEmpty,
  removeOutside,
  setField,
} from '../__testUtils__/hostile';
import { manifestProblems } from '../__testUtils__/manifest';

type Output = 'helm-values' | 'manifest' | 'apply';

const mysql = blueprints.get(CURRENT.blueprint)!;
const CONFIG_KEYS = [
  ...Object.keys(mysql.config),
  ...Object.keys(mysql.secrets),
];
const PARAMETERS = Object.keys(mysql.parameters.properties ?? {});

/** Errors of a changed request may also say the change changes nothing. */
const changeField = (fieldPath: string[], arb: fc.Arbitrary<unknown>) => {
  const field = fieldPath.join('.');
  const key = fieldPath[fieldPath.length - 1];
  return setField(
    fieldPath,
    arb,
    new RegExp(`${namingRuleOr(field, key).source}|change changes nothing`),
  );
};

/** A current name part that matches nothing is reported as the missing connector. */
const currentParameter = (key: string, arb: fc.Arbitrary<unknown>) =>
  setField(
    ['parameters', key],
    arb,
    new RegExp(
      `${namingRuleOr(`parameters.${key}`, key).source}|current parameters`,
    ),
  );

const hostile: fc.Arbitrary<Corruption> = fc.oneof(
  // the connector as it is now
  setField(['blueprint'], hostileValue()),
  setField(['parameters'], hostileValue()),
  ...PARAMETERS.map(key =>
    currentParameter(
      key,
      key === 'serverId' ? hostileNumber() : hostileValue(),
    ),
  ),
  ...['cluster', 'namespace', 'connectCluster', 'owner', 'system', 'state'].map(
    field => setField([field], hostileValue()),
  ),
  setField(['tasksMax'], hostileNumber()),
  // what to change
  setField(['change'], hostileValue()),
  changeField(['change', 'tasksMax'], hostileNumber()),
  changeField(['change', 'state'], hostileValue()),
  changeField(['change', 'version'], fc.oneof(hostileText(), hostileValue())),
  changeField(['change', 'parameters'], hostileValue()),
  ...PARAMETERS.map(key =>
    changeField(
      ['change', 'parameters', key],
      key === 'serverId' ? hostileNumber() : hostileValue(),
    ),
  ),
  fc.tuple(hostileText(), hostileValue()).chain(([key, value]) =>
    // the message shows the key escaped, so look for the field's parent
    setField(
      ['change', 'parameters', key],
      fc.constant(value),
      /change\.parameters|change changes nothing/,
    ),
  ),
  // where it lives
  setField(['filePath'], fc.oneof(hostilePath(), hostileValue())),
  setField(
    ['valuesPath'],
    fc.oneof(hostileValue(), fc.array(hostileText(), { maxLength: 4 })),
  ),
);

/** Well-formed changes, so a share of runs checks the success side. */
const plausible: fc.Arbitrary<Corruption> = fc.oneof(
  changeField(['change', 'tasksMax'], fc.integer({ min: 1, max: 1000 })),
  changeField(
    ['change', 'state'],
    fc.constantFrom('running', 'paused', 'stopped'),
  ),
  changeField(['change', 'version'], fc.stringMatching(/^v[0-9]{1,3}$/)),
  changeField(
    ['change', 'parameters', 'serverId'],
    fc.integer({ min: 1, max: 4294967295 }),
  ),
  changeField(
    ['change', 'parameters', 'table'],
    fc.stringMatching(/^[a-z][a-z0-9]{0,20}$/),
  ),
  setField(['tasksMax'], fc.integer({ min: 1, max: 1000 })),
  setField(['owner'], fc.stringMatching(/^(group|user):[a-z][a-z0-9-]{0,20}$/)),
  setField(['system'], fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)),
);

const corruption = fc.oneof(
  { arbitrary: hostile, weight: 3 },
  { arbitrary: plausible, weight: 1 },
);

function valuesList(text: string | undefined): unknown[] | string {
  const docs = parseAllDocuments(text ?? '');
  if (!Array.isArray(docs) || docs.length !== 1 || docs[0].errors.length) {
    return 'values file is not one clean YAML document';
  }
  const list = (docs[0].toJS() as { connectors?: unknown })?.connectors;
  return Array.isArray(list) ? list : 'no connectors list';
}

type Run = Awaited<ReturnType<typeof runChange>> & {
  input: Record<string, any>;
};

/** Everything a success must satisfy for its output. */
function successProblems(output: Output, run: Run): string[] {
  const { input, before, after, calls, outputs, files } = run;
  const changed = changedPaths(before, after);
  const renamed = outputs.name !== outputs.previousName;
  const change = input.change as Record<string, any>;
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => ok || problems.push(problem);
  if (output === 'apply') {
    const onlyTasksMax =
      !renamed &&
      Object.keys(change).every(key => key === 'tasksMax') &&
      change.tasksMax !== undefined;
    expect(changed.length === 0, `workspace changed: ${changed}`);
    expect(
      JSON.stringify(calls) ===
        JSON.stringify({
          apply: onlyTasksMax ? 0 : 1,
          scale: onlyTasksMax ? 1 : 0,
          delete: renamed ? 1 : 0,
        }),
      `applier calls ${JSON.stringify(calls)}`,
    );
    return problems;
  }
  expect(
    calls.apply + calls.scale + calls.delete === 0,
    'applier called for a file output',
  );
  if (output === 'manifest') {
    // Only the connector's own manifest may be rewritten (or renamed beside itself).
    const target = path.normalize(String(outputs.filePath));
    const written = renamed
      ? path.join(path.dirname(MANIFEST_PATH), `${outputs.name}.yaml`)
      : MANIFEST_PATH;
    // A change to what the file already says rewrites it unchanged; either
    // way nothing but the connector's own manifest(s) may differ.
    const allowed = new Set([MANIFEST_PATH, written]);
    expect(
      target === written && changed.every(file => allowed.has(file)),
      `changed ${changed} for ${target}`,
    );
    expect(!renamed || files[MANIFEST_PATH] === undefined, 'old manifest kept');
    problems.push(
      ...manifestProblems(files[target] ?? '', {
        input,
        configKeys: CONFIG_KEYS,
      }),
    );
    return problems;
  }
  // Empty when the change sets what the entry already holds.
  expect(
    changed.every(file => file === 'values.yaml'),
    `changed ${changed}, not values.yaml`,
  );
  const text = files['values.yaml'];
  const list = valuesList(text);
  const previous = valuesList(VALUES) as Array<Record<string, unknown>>;
  if (typeof list === 'string') return [...problems, list];
  expect(list.length === previous.length, `${list.length} entries`);
  expect(
    JSON.stringify(list[0]) === JSON.stringify(previous[0]),
    'the other entry changed',
  );
  const entry = list[1] as Record<string, any>;
  expect(entry?.name === outputs.name, `entry named ${entry?.name}`);
  expect(
    Object.keys(entry ?? {}).every(key =>
      ['name', 'class', 'tasksMax', 'state', 'config'].includes(key),
    ),
    `entry keys ${Object.keys(entry ?? {})}`,
  );
  expect(
    Object.keys(entry?.config ?? {}).every(key => CONFIG_KEYS.includes(key)),
    `config keys ${Object.keys(entry?.config ?? {})}`,
  );
  if (change.tasksMax !== undefined) {
    expect(entry?.tasksMax === change.tasksMax, 'tasksMax not changed');
  }
  if (change.state !== undefined) {
    expect(entry?.state === change.state, 'state not changed');
  }
  for (const comment of ['# shared chart values', '# keep', '# the orders']) {
    expect(Boolean(text?.includes(comment)), `comment '${comment}' lost`);
  }
  return problems;
}

async function runWith(output: Output, items: Corruption[]): Promise<Run> {
  const input: Record<string, any> = {
    ...CURRENT,
    output,
    change: { tasksMax: 3 },
  };
  for (const item of items) item.apply(input);
  return { ...(await runChange(input)), input };
}

// A few hundred milliseconds each; room for a busy CI machine.
const PROPERTY_TIMEOUT_MS = 30_000;

describe('kafka-connect:connector:change under generated hostile input', () => {
  afterAll(removeOutside);

  it.each(['helm-values', 'manifest', 'apply'] as const)(
    'output %s: one bad field is a valid change or an InputError naming it, with nothing written or applied',
    async output => {
      const seen = { ok: 0, rejected: 0 };
      await fc.assert(
        fc.asyncProperty(corruption, async item => {
          const run = await runWith(output, [item]);
          seen[run.result.ok ? 'ok' : 'rejected'] += 1;
          const problems = run.result.ok
            ? successProblems(output, run)
            : rejectedRunProblems(run, item.names);
          expect({ input: describeCorruptions([item]), problems }).toEqual({
            input: describeCorruptions([item]),
            problems: [],
          });
        }),
        { numRuns: 150 },
      );
      // the generators reach both sides of the property
      expect(seen.ok).toBeGreaterThanOrEqual(10);
      expect(seen.rejected).toBeGreaterThanOrEqual(75);
    },
    PROPERTY_TIMEOUT_MS,
  );

  it.each(['helm-values', 'manifest'] as const)(
    'output %s: every generated filePath edits the one file it names or is an InputError naming filePath',
    async output => {
      await fc.assert(
        fc.asyncProperty(
          setField(['filePath'], hostilePath()),
          fc.option(
            setField(['valuesPath'], fc.array(hostileText(), { maxLength: 3 })),
          ),
          async (filePath, valuesPath) => {
            const items = valuesPath ? [filePath, valuesPath] : [filePath];
            const run = await runWith(output, items);
            const names = new RegExp(
              [
                ...items.map(item => item.names.source),
                'current parameters',
              ].join('|'),
            );
            const problems = run.result.ok
              ? successProblems(output, run)
              : rejectedRunProblems(run, names);
            expect({ input: describeCorruptions(items), problems }).toEqual({
              input: describeCorruptions(items),
              problems: [],
            });
          },
        ),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'several bad fields at once: the InputError names one of them',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<Output>('helm-values', 'manifest', 'apply'),
          fc.array(corruption, { minLength: 2, maxLength: 4 }),
          async (output, items) => {
            const run = await runWith(output, items);
            const names = new RegExp(
              items.map(item => item.names.source).join('|'),
            );
            const problems = run.result.ok
              ? successProblems(output, run)
              : rejectedRunProblems(run, names);
            expect({ input: describeCorruptions(items), problems }).toEqual({
              input: describeCorruptions(items),
              problems: [],
            });
          },
        ),
        { numRuns: 100 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('a valid change passes the success checks for every output', async () => {
    for (const output of ['helm-values', 'manifest', 'apply'] as const) {
      const run = await runWith(output, []);
      expect(run.result).toEqual({ ok: true });
      expect(successProblems(output, run)).toEqual([]);
    }
  });

  it('wrote nothing outside the workspace through the symlink in any run above', () => {
    expect(outsideIsEmpty()).toBe(true);
  });
});
