import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { fakeApplier } from '../__fixtures__/fakes';
import { changeConnectorAction } from './changeConnector';

const blueprints = BlueprintRegistry.load([]);

const CURRENT = {
  blueprint: 'debezium-mysql-source',
  parameters: {
    instance: 'orders',
    database: 'shop',
    table: 'orders',
    version: 'v1',
    serverId: 184054,
  },
  cluster: 'eu-1',
  namespace: 'orders',
  connectCluster: 'orders-connect',
  owner: 'group:default/team-orders',
  tasksMax: 2,
};

const VALUES = `# team values
connectors:
  # keep first
  - name: other-connector
    tasksMax: 1
  - name: ordersmysql-shop-orders-v1 # the orders CDC
    tasksMax: 2
    state: running
`;

async function run(
  workspacePath: string,
  input: Record<string, unknown>,
  isDryRun = false,
) {
  const action = changeConnectorAction({ blueprints, applier: fakeApplier() });
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

  it('rolls a version of a manifest: new file, old one removed', async () => {
    const dir = workspace({
      'kafka-connectors/orders/ordersmysql-shop-orders-v1.yaml': 'kind: x\n',
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
