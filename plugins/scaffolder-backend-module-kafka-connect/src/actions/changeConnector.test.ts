import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { fakeApplier, openAccess } from '../__fixtures__/fakes';
import { CURRENT } from '../__fixtures__/currentConnector';
import {
  connectorManifestYaml,
  planConnector,
} from '@kcs/plugin-kafka-connect-common';
import { changeConnectorAction, changeField } from './changeConnector';
import { changeExamples } from './changeConnector.examples';

const blueprints = BlueprintRegistry.load([]);

const VALUES = `# team values
connectors:
  # keep first
  - name: other-connector
    tasksMax: 1
  - name: ordersmysql-shop-orders-v1 # the orders CDC
    tasksMax: 2
    state: running
`;

/** The manifest the create action wrote for CURRENT (at `version`). */
function currentManifest(version = 'v1'): string {
  const plan = planConnector(blueprints.get(CURRENT.blueprint), {
    ...CURRENT,
    blueprintId: CURRENT.blueprint,
    parameters: { ...CURRENT.parameters, version },
  });
  if (plan.errors) throw new Error(JSON.stringify(plan.errors));
  return connectorManifestYaml(plan.connector);
}

async function run(
  workspacePath: string,
  input: Record<string, unknown>,
  isDryRun = false,
) {
  const action = changeConnectorAction({
    blueprints,
    applier: fakeApplier(),
    ...openAccess(),
  });
  const ctx = {
    ...createMockActionContext({ input: input as any, workspacePath }),
    isDryRun,
  };
  await action.handler(ctx);
  return Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
  );
}

function workspace(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-change-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('kafka-connect:connector:change', () => {
  it('scales tasksMax in the values file, changing only that line', async () => {
    const dir = workspace({ 'values.yaml': VALUES });
    const out = await run(dir, {
      ...CURRENT,
      change: { tasksMax: 5 },
      valuesPath: ['connectors'],
    });
    expect(out.name).toBe('ordersmysql-shop-orders-v1');
    expect(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8')).toBe(
      VALUES.replace('    tasksMax: 2\n', '    tasksMax: 5\n'),
    );
  });

  it('rolls a version: renames the entry in place', async () => {
    const dir = workspace({ 'values.yaml': VALUES });
    const out = await run(dir, {
      ...CURRENT,
      change: { version: 'v2' },
      valuesPath: ['connectors'],
    });
    expect(out).toMatchObject({
      name: 'ordersmysql-shop-orders-v2',
      previousName: 'ordersmysql-shop-orders-v1',
    });
    const text = fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8');
    expect(text).toBe(
      VALUES.replace(
        'name: ordersmysql-shop-orders-v1 #',
        'name: ordersmysql-shop-orders-v2 #',
      ),
    );
  });

  it("keeps the manifest's component link when rewriting it", async () => {
    const file = 'kafka-connectors/orders/ordersmysql-shop-orders-v1.yaml';
    const dir = workspace({
      [file]: currentManifest().replace(
        'backstage.io/kubernetes-id: ordersmysql-shop-orders-v1',
        'backstage.io/kubernetes-id: orders-service',
      ),
    });
    await run(dir, { ...CURRENT, output: 'manifest', change: { tasksMax: 4 } });
    const manifest = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    expect(manifest.spec.tasksMax).toBe(4);
    expect(manifest.metadata.labels['backstage.io/kubernetes-id']).toBe(
      'orders-service',
    );
  });

  it('rolls a version of a manifest: new file, old one removed', async () => {
    const dir = workspace({
      'kafka-connectors/orders/ordersmysql-shop-orders-v1.yaml':
        currentManifest(),
    });
    await run(dir, {
      ...CURRENT,
      output: 'manifest',
      change: { version: 'v2' },
    });
    expect(
      fs.existsSync(
        path.join(
          dir,
          'kafka-connectors/orders/ordersmysql-shop-orders-v1.yaml',
        ),
      ),
    ).toBe(false);
    const manifest = parse(
      fs.readFileSync(
        path.join(
          dir,
          'kafka-connectors/orders/ordersmysql-shop-orders-v2.yaml',
        ),
        'utf8',
      ),
    );
    expect(manifest.metadata.name).toBe('ordersmysql-shop-orders-v2');
    expect(manifest.spec.tasksMax).toBe(2);
  });

  it.each([
    [
      'a manifest filePath at the values file',
      { output: 'manifest', filePath: 'values.yaml', change: { tasksMax: 3 } },
      /filePath 'values.yaml' is not the manifest of KafkaConnector 'ordersmysql-shop-orders-v1'/,
    ],
    [
      'a manifest filePath at another connector',
      {
        output: 'manifest',
        filePath: 'kafka-connectors/orders/ordersmysql-shop-orders-v2.yaml',
        change: { tasksMax: 3 },
      },
      /filePath .* is not the manifest of KafkaConnector 'ordersmysql-shop-orders-v1'/,
    ],
    [
      'a version roll onto a manifest that exists',
      { output: 'manifest', change: { version: 'v2' } },
      /change\.version 'kafka-connectors\/orders\/ordersmysql-shop-orders-v2.yaml' already exists/,
    ],
    [
      'a version roll onto a values entry that exists',
      { change: { version: 'v2' }, valuesPath: ['connectors'] },
      /change\.version filePath 'values.yaml' already has an entry named 'ordersmysql-shop-orders-v2'/,
    ],
    [
      'a parameter change renaming onto a values entry that exists',
      {
        change: { parameters: { version: 'v2' } },
        valuesPath: ['connectors'],
      },
      /change\.parameters filePath 'values.yaml' already has an entry named 'ordersmysql-shop-orders-v2'/,
    ],
  ])(
    'refuses %s, losing nothing',
    async (_title, input: Record<string, unknown>, message) => {
      const files = {
        'values.yaml': `${VALUES}  - name: ordersmysql-shop-orders-v2\n    tasksMax: 1\n`,
        'kafka-connectors/orders/ordersmysql-shop-orders-v1.yaml':
          currentManifest(),
        'kafka-connectors/orders/ordersmysql-shop-orders-v2.yaml':
          currentManifest('v2'),
      };
      const dir = workspace(files);
      const error = await run(dir, { ...CURRENT, ...input }).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      for (const [file, text] of Object.entries(files)) {
        expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(text);
      }
    },
  );

  it('dry run writes nothing', async () => {
    const dir = workspace({ 'values.yaml': VALUES });
    await run(
      dir,
      { ...CURRENT, change: { state: 'paused' }, valuesPath: ['connectors'] },
      true,
    );
    expect(fs.readFileSync(path.join(dir, 'values.yaml'), 'utf8')).toBe(VALUES);
  });

  it('refuses a missing entry, a missing file and a bad value', async () => {
    const dir = workspace({ 'values.yaml': VALUES });
    await expect(
      run(dir, {
        ...CURRENT,
        parameters: { ...CURRENT.parameters, table: 'items' },
        change: { tasksMax: 3 },
        valuesPath: ['connectors'],
      }),
    ).rejects.toThrow(/no entry named 'ordersmysql-shop-items-v1'/);
    await expect(
      run(dir, { ...CURRENT, output: 'manifest', change: { tasksMax: 3 } }),
    ).rejects.toThrow(/filePath/);
    await expect(
      run(dir, { ...CURRENT, change: { tasksMax: 0 } }),
    ).rejects.toThrow(InputError);
    await expect(run(dir, { ...CURRENT, change: {} })).rejects.toThrow(
      /changes nothing/,
    );
  });
});

describe('changeField', () => {
  it.each([
    ['tasksMax', {}, 'change.tasksMax'],
    ['state', {}, 'change.state'],
    ['version', { version: 'v2' }, 'change.version'],
    ['parameters.version', { version: 'v2' }, 'change.version'],
    ['parameters.version', {}, 'change.parameters.version'],
    ['parameters.serverId', {}, 'change.parameters.serverId'],
    ['parameters', {}, 'change.parameters'],
    ['current.parameters.table', {}, 'current.parameters.table'],
    ['change', {}, 'change'],
    ['name', {}, 'name'],
  ])('%s (change %j) is %s', (field, change, expected) => {
    expect(changeField(field, change)).toBe(expected);
  });
});

describe('kafka-connect:connector:change with output apply', () => {
  function existing(version = 'v1') {
    const plan = planConnector(blueprints.get('debezium-mysql-source'), {
      ...CURRENT,
      blueprintId: CURRENT.blueprint,
      parameters: { ...CURRENT.parameters, version },
    });
    if (plan.errors) throw new Error(JSON.stringify(plan.errors));
    return plan.connector;
  }

  async function apply(
    applier: ReturnType<typeof fakeApplier>,
    change: Record<string, unknown>,
    isDryRun = false,
  ) {
    const ctx = {
      ...createMockActionContext({
        input: { ...CURRENT, change, output: 'apply' } as any,
      }),
      isDryRun,
    };
    await changeConnectorAction({
      blueprints,
      applier,
      ...openAccess(),
    }).handler(ctx);
  }

  const calls = (applier: ReturnType<typeof fakeApplier>) => ({
    apply: (applier.apply as jest.Mock).mock.calls.map(
      ([, c]) => c.metadata.name,
    ),
    scale: (applier.scale as jest.Mock).mock.calls.map(([, c, n]) => [
      c.metadata.name,
      n,
    ]),
    delete: (applier.delete as jest.Mock).mock.calls.map(
      ([, c]) => c.metadata.name,
    ),
  });

  it('scales tasksMax alone through the scale subresource', async () => {
    const applier = fakeApplier([existing()]);
    await apply(applier, { tasksMax: 5 });
    expect(calls(applier)).toEqual({
      apply: [],
      scale: [['ordersmysql-shop-orders-v1', 5]],
      delete: [],
    });
  });

  it('server-side applies a state change', async () => {
    const applier = fakeApplier([existing()]);
    await apply(applier, { state: 'paused', tasksMax: 3 });
    expect(calls(applier)).toEqual({
      apply: ['ordersmysql-shop-orders-v1'],
      scale: [],
      delete: [],
    });
    expect([...applier.store.values()][0].spec).toMatchObject({
      state: 'paused',
      tasksMax: 3,
    });
  });

  it("keeps the existing connector's component link and template, which the change input does not name", async () => {
    const linked = existing();
    linked.metadata!.labels!['backstage.io/kubernetes-id'] = 'orders-service';
    linked.metadata!.annotations!['kafka-connect.dev/template'] =
      'template:default/debezium-mysql-source';
    const applier = fakeApplier([linked]);
    await apply(applier, { state: 'paused' });
    const applied = [...applier.store.values()][0];
    expect(applied.spec).toMatchObject({ state: 'paused' });
    expect(applied.metadata!.labels).toMatchObject({
      'backstage.io/kubernetes-id': 'orders-service',
    });
    expect(applied.metadata!.annotations).toMatchObject({
      'kafka-connect.dev/template': 'template:default/debezium-mysql-source',
    });
  });

  it("keeps the owner's automatic restart setting, and adds none where there was none", async () => {
    const off = existing();
    off.spec!.autoRestart = { enabled: false };
    const applier = fakeApplier([off]);
    await apply(applier, { state: 'paused' });
    expect([...applier.store.values()][0].spec!.autoRestart).toEqual({
      enabled: false,
    });
    const plain = existing();
    delete plain.spec!.autoRestart;
    const other = fakeApplier([plain]);
    await apply(other, { state: 'paused' });
    expect([...other.store.values()][0].spec).not.toHaveProperty('autoRestart');
  });

  it('gives a rolled connector its new name as the default kubernetes-id', async () => {
    const applier = fakeApplier([existing()]);
    await apply(applier, { version: 'v2' });
    const [rolled] = [...applier.store.values()];
    expect(rolled.metadata!.name).toBe('ordersmysql-shop-orders-v2');
    expect(rolled.metadata!.labels!['backstage.io/kubernetes-id']).toBe(
      'ordersmysql-shop-orders-v2',
    );
  });

  it('rolls a version by creating the new resource, then deleting the old', async () => {
    const applier = fakeApplier([existing()]);
    await apply(applier, { version: 'v2' });
    expect(calls(applier)).toEqual({
      apply: ['ordersmysql-shop-orders-v2'],
      scale: [],
      delete: ['ordersmysql-shop-orders-v1'],
    });
    expect([...applier.store.keys()]).toEqual([
      'orders/ordersmysql-shop-orders-v2',
    ]);
  });

  it('refuses a roll onto a name that already exists with other content', async () => {
    const other = existing('v2');
    other.spec = { ...other.spec!, tasksMax: 7 };
    const applier = fakeApplier([existing(), other]);
    await expect(apply(applier, { version: 'v2' })).rejects.toThrow(
      /change\.version: a KafkaConnector 'ordersmysql-shop-orders-v2' already exists/,
    );
    expect(calls(applier)).toEqual({ apply: [], scale: [], delete: [] });
  });

  it('is an InputError when the connector is not in the cluster', async () => {
    const applier = fakeApplier();
    const error = await apply(applier, { tasksMax: 5 }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /no KafkaConnector 'ordersmysql-shop-orders-v1' in namespace 'orders' of cluster 'eu-1'/,
    );
  });

  it('touches nothing on a dry run', async () => {
    const applier = fakeApplier([existing()]);
    for (const change of [
      { tasksMax: 5 },
      { state: 'paused' },
      { version: 'v2' },
    ]) {
      await apply(applier, change, true);
    }
    expect(calls(applier)).toEqual({ apply: [], scale: [], delete: [] });
  });

  it.each(changeExamples.map(e => [e.description, e.example]))(
    'example: %s',
    async (_d, example) => {
      const input = parse(example).steps[0].input;
      const dir = workspace({
        [input.filePath ?? 'values.yaml']: VALUES,
      });
      const applier = fakeApplier([existing()]);
      const ctx = createMockActionContext({
        input: { valuesPath: ['connectors'], ...input },
        workspacePath: dir,
      });
      await changeConnectorAction({
        blueprints,
        applier,
        ...openAccess(),
      }).handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith(
        'previousName',
        'ordersmysql-shop-orders-v1',
      );
    },
  );
});
