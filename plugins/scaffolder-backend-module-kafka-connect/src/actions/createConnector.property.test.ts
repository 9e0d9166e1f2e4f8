import fs from 'node:fs';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { fakeApplier, fakeDirectory, openAccess } from '../__fixtures__/fakes';
import {
  applierCalls,
  changedPaths,
  describeCorruptions,
  hostileNumber,
  rejectedRunProblems,
  hostilePath,
  hostileText,
  hostileValue,
  type Corruption,
  namingRuleOr,
  outsideIsEmpty,
  setField,
  removeOutside,
  removeWorkspace,
  seedWorkspace,
  settle,
  snapshotTree,
} from '../__testUtils__/hostile';
import { manifestProblems } from '../__testUtils__/manifest';
import { createConnectorAction } from './createConnector';

const blueprints = BlueprintRegistry.load([]);
const mysql = blueprints.get('debezium-mysql-source')!;
const CONFIG_KEYS = [
  ...Object.keys(mysql.config),
  ...Object.keys(mysql.secrets),
];

const VALID = {
  blueprint: 'debezium-mysql-source',
  parameters: {
    instance: 'orders',
    database: 'shop',
    table: 'orders',
    version: 'v1',
    serverId: 184054,
  } as Record<string, unknown>,
  cluster: 'eu-1',
  namespace: 'orders',
  connectCluster: 'orders-connect',
  owner: 'group:default/team-orders',
};

// Another team's connector is already there; the valid input adds a new one.
const VALUES = `# shared chart values
connectors:
  - name: other-connector # keep
    tasksMax: 1
`;

type Output = 'manifest' | 'helm-values' | 'apply';
type Input = Record<string, unknown>;

const topLevel = (field: string, arb: fc.Arbitrary<unknown>) =>
  setField([field], arb);

/** A bad parameter may pass the schema and break the naming rule instead. */
const parameter = (key: string, arb: fc.Arbitrary<unknown>) =>
  setField(['parameters', key], arb, namingRuleOr(`parameters.${key}`, key));

/** Well-formed values of each field, so a share of runs exercises the success side. */
const plausible: fc.Arbitrary<Corruption> = fc.oneof(
  topLevel('tasksMax', fc.integer({ min: 1, max: 1000 })),
  topLevel('state', fc.constantFrom('running', 'paused', 'stopped')),
  topLevel('apiVersion', fc.constantFrom('v1', 'v1beta2')),
  topLevel('kubernetesId', fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/)),
  topLevel(
    'owner',
    fc.stringMatching(/^(group|user):default\/[a-z][a-z0-9-]{0,20}$/),
  ),
  topLevel('system', fc.stringMatching(/^(system:)?[a-z][a-z0-9-]{0,20}$/)),
  parameter('table', fc.stringMatching(/^[a-z][a-z0-9]{0,20}$/)),
  parameter('serverId', fc.integer({ min: 1, max: 4294967295 })),
  parameter('snapshotMode', fc.constantFrom('initial', 'never', 'no_data')),
  topLevel(
    'filePath',
    fc.stringMatching(
      /^[a-z][a-z0-9-]{0,10}(\/[a-z][a-z0-9-]{0,10}){0,2}\.yaml$/,
    ),
  ),
  topLevel(
    'valuesPath',
    fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,10}$/), {
      minLength: 1,
      maxLength: 3,
    }),
  ),
  topLevel(
    'configOverrides',
    fc.dictionary(
      fc.stringMatching(/^[a-z][a-z.]{0,20}$/),
      fc.stringMatching(/^[A-Za-z0-9 ${}:/_-]{0,20}$/),
      { maxKeys: 3 },
    ),
  ),
);

const hostile: fc.Arbitrary<Corruption> = fc.oneof(
  topLevel('blueprint', hostileValue()),
  topLevel('parameters', hostileValue()),
  ...['instance', 'database', 'table', 'version', 'snapshotMode'].map(key =>
    parameter(key, hostileValue()),
  ),
  parameter('serverId', hostileNumber()),
  fc
    .tuple(hostileText(), hostileValue())
    .chain(([key, value]) =>
      setField(['parameters', key], fc.constant(value), /parameters/),
    ),
  topLevel('cluster', hostileValue()),
  topLevel('namespace', hostileValue()),
  topLevel('connectCluster', hostileValue()),
  topLevel('owner', hostileValue()),
  topLevel('system', hostileValue()),
  topLevel('tasksMax', hostileNumber()),
  topLevel('state', hostileValue()),
  topLevel('kubernetesId', hostileValue()),
  topLevel(
    'configOverrides',
    fc.oneof(
      hostileValue(),
      fc.dictionary(hostileText(), hostileValue(), { maxKeys: 3 }),
      fc.dictionary(hostileText(), hostileText(), { maxKeys: 3 }),
    ),
  ),
  topLevel('apiVersion', hostileValue()),
  topLevel('filePath', fc.oneof(hostilePath(), hostileValue())),
  topLevel(
    'valuesPath',
    fc.oneof(hostileValue(), fc.array(hostileText(), { maxLength: 4 })),
  ),
  topLevel('overwrite', hostileValue()),
  topLevel('checkCluster', hostileValue()),
);

const corruption = fc.oneof(
  { arbitrary: hostile, weight: 3 },
  { arbitrary: plausible, weight: 1 },
);

async function runCreate(
  output: Output,
  corruptions: Corruption[],
  checkCluster = true,
) {
  // without the cluster check, valid other namespaces and names get through
  const input: Input = {
    ...VALID,
    parameters: { ...VALID.parameters },
    output,
    checkCluster,
  };
  for (const item of corruptions) item.apply(input);
  const workspacePath = seedWorkspace({ 'values.yaml': VALUES });
  const before = snapshotTree(workspacePath);
  const applier = fakeApplier();
  const action = createConnectorAction({
    blueprints,
    directory: fakeDirectory(),
    applier,
    ...openAccess(),
  });
  const ctx = createMockActionContext({ input: input as any, workspacePath });
  const result = await settle(action.handler(ctx));
  const after = snapshotTree(workspacePath);
  const outputs: Record<string, any> = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls,
  );
  const written =
    typeof outputs.filePath === 'string'
      ? fs.readFileSync(path.resolve(workspacePath, outputs.filePath), 'utf8')
      : undefined;
  removeWorkspace(workspacePath);
  return {
    input,
    result,
    before,
    after,
    applier,
    calls: applierCalls(applier),
    outputs,
    written,
    workspacePath,
  };
}

type Run = Awaited<ReturnType<typeof runCreate>>;

/** Everything a success must satisfy for its output. */
function successProblems(output: Output, run: Run): string[] {
  const { input, before, after, applier, outputs, written } = run;
  const problems = manifestProblems(String(outputs.manifest), {
    input,
    configKeys: CONFIG_KEYS,
  });
  const changed = changedPaths(before, after);
  const applied = (applier.apply as jest.Mock).mock.calls;
  if (output === 'apply') {
    if (changed.length) problems.push(`workspace changed: ${changed}`);
    if (applied.length !== 1 || applied[0][1].metadata.name !== outputs.name) {
      problems.push(`applied ${applied.length} times`);
    }
    return problems;
  }
  if (applied.length) problems.push('applier called for a file output');
  const target = path.relative(
    run.workspacePath,
    path.resolve(run.workspacePath, String(outputs.filePath)),
  );
  const unexpected = changed.filter(
    key => key !== target && !`${target}/`.startsWith(`${key}/`),
  );
  if (unexpected.length) problems.push(`also changed: ${unexpected}`);
  if (output === 'manifest') {
    if (written !== outputs.manifest) problems.push('file is not the manifest');
    return problems;
  }
  const docs = parseAllDocuments(written ?? '');
  if (!Array.isArray(docs) || docs.length !== 1 || docs[0].errors.length) {
    return [...problems, 'values file is not one clean YAML document'];
  }
  let list: any = docs[0].toJS();
  for (const key of (input.valuesPath as string[]) ?? ['connectors']) {
    list = list?.[key];
  }
  const entry = Array.isArray(list)
    ? list.find(item => item?.name === outputs.name)
    : undefined;
  if (!entry) problems.push('no entry with the name in the values list');
  else if (
    Object.keys(entry).sort().join() !== 'class,config,name,state,tasksMax'
  ) {
    problems.push(`entry keys ${Object.keys(entry)}`);
  }
  if (target === 'values.yaml' && !written?.startsWith(VALUES)) {
    problems.push('the existing values were not kept as they were');
  }
  return problems;
}

// A few hundred milliseconds each; room for a busy CI machine.
const PROPERTY_TIMEOUT_MS = 30_000;

describe('kafka-connect:connector:create under generated hostile input', () => {
  afterAll(removeOutside);

  it('accepts the unchanged valid input for every output (the baseline the properties vary)', async () => {
    for (const output of ['manifest', 'helm-values', 'apply'] as const) {
      const run = await runCreate(output, []);
      expect(run.result).toEqual({ ok: true });
      expect(successProblems(output, run)).toEqual([]);
    }
  });

  it.each(['manifest', 'helm-values', 'apply'] as const)(
    'output %s: one bad field is a valid connector or an InputError naming it, with nothing written',
    async output => {
      const seen = { ok: 0, rejected: 0 };
      await fc.assert(
        fc.asyncProperty(corruption, fc.boolean(), async (item, check) => {
          const run = await runCreate(output, [item], check);
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

  it.each(['manifest', 'helm-values'] as const)(
    'output %s: every generated filePath writes one file inside the workspace or is an InputError naming filePath',
    async output => {
      await fc.assert(
        fc.asyncProperty(
          setField(['filePath'], hostilePath()),
          fc.option(
            setField(['valuesPath'], fc.array(hostileText(), { maxLength: 3 })),
          ),
          async (filePath, valuesPath) => {
            const items = valuesPath ? [filePath, valuesPath] : [filePath];
            const run = await runCreate(output, items, false);
            const names = new RegExp(
              [...items.map(item => item.names.source)].join('|'),
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
          fc.constantFrom<Output>('manifest', 'helm-values', 'apply'),
          fc.array(corruption, { minLength: 2, maxLength: 4 }),
          fc.boolean(),
          async (output, items, check) => {
            const run = await runCreate(output, items, check);
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

  it('checks what it claims: a manifest with a second document or a smuggled key fails the check', () => {
    const input = { ...VALID, parameters: VALID.parameters };
    const base =
      'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnector\nmetadata:\n  name: x\n  namespace: orders\n  labels:\n    strimzi.io/cluster: orders-connect\nspec:\n  class: c\n';
    expect(manifestProblems(base, { input, configKeys: [] })).toEqual([]);
    expect(
      manifestProblems(`${base}---\nkind: Secret\n`, { input, configKeys: [] }),
    ).toEqual(['2 YAML documents']);
    expect(
      manifestProblems(`${base}extra: 1\n`, { input, configKeys: [] }),
    ).toEqual(['top-level keys apiVersion,kind,metadata,spec,extra']);
    expect(
      manifestProblems(`${base}  config:\n    "a\\nb": x\n`, {
        input,
        configKeys: [],
      }),
    ).toEqual(['config key "a\\nb"', 'control character in "a\\nb"']);
    expect(
      manifestProblems(
        base.replace(
          'metadata:\n',
          'metadata:\n  annotations:\n    kafka-connect.dev/blueprint-parameters: x\n    "orders\\n": y\n',
        ),
        { input, configKeys: [] },
      ),
    ).toEqual(['orders\n', 'control character in "orders\\n"']);
  });

  it('wrote nothing outside the workspace through the symlink in any run above', () => {
    expect(outsideIsEmpty()).toBe(true);
  });
});
