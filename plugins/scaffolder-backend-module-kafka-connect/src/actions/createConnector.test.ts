import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import {
  clusterList,
  fakeApplier,
  fakeDirectory,
  openAccess,
} from '../__fixtures__/fakes';
import { createConnectorAction } from './createConnector';

const blueprints = BlueprintRegistry.load([]);

const MYSQL_INPUT = {
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
};

function setup(
  options: { list?: ReturnType<typeof clusterList>; existing?: any[] } = {},
) {
  const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-action-'));
  const applier = fakeApplier(options.existing);
  const action = createConnectorAction({
    blueprints,
    directory: fakeDirectory(options.list),
    applier,
    ...openAccess(),
  });
  const run = async (
    input: Record<string, unknown>,
    extra: { isDryRun?: boolean } = {},
  ) => {
    const ctx = {
      // the mock leaves isDryRun out, so set it on the context it builds
      ...createMockActionContext({
        input: input as any,
        workspacePath,
        templateInfo: {
          entityRef: 'template:default/debezium-mysql-source',
        } as any,
      }),
      isDryRun: extra.isDryRun,
    };
    await action.handler(ctx);
    return Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
    );
  };
  const files = () =>
    (fs.readdirSync(workspacePath, { recursive: true }) as string[]).filter(f =>
      fs.statSync(path.join(workspacePath, f)).isFile(),
    );
  return { workspacePath, applier, run, files };
}

describe('kafka-connect:connector:create', () => {
  it('writes a manifest and outputs name, namespace, cluster, manifest, path and entity ref', async () => {
    const { run, workspacePath } = setup();
    const out = await run({ ...MYSQL_INPUT, output: 'manifest' });
    expect(out).toMatchObject({
      name: 'ordersmysql-shop-orders-v1',
      namespace: 'orders',
      cluster: 'eu-1',
      filePath: 'kafka-connectors/orders/ordersmysql-shop-orders-v1.yaml',
      entityRef: 'resource:default/kctr.eu-1.orders.ordersmysql-shop-orders-v1',
      changed: true,
    });
    const written = fs.readFileSync(
      path.join(workspacePath, out.filePath),
      'utf8',
    );
    expect(written).toBe(out.manifest);
    expect(parse(written).metadata.annotations).toMatchObject({
      'kafka-connect.dev/owner': 'group:default/team-orders',
      'kafka-connect.dev/template': 'template:default/debezium-mysql-source',
    });
  });

  it('writes spec.autoRestart: enabled by default, as the template asks otherwise', async () => {
    const { run } = setup();
    const byDefault = await run({
      ...MYSQL_INPUT,
      output: 'manifest',
      filePath: 'a.yaml',
    });
    expect(parse(byDefault.manifest).spec.autoRestart).toEqual({
      enabled: true,
    });
    const limited = await run({
      ...MYSQL_INPUT,
      output: 'manifest',
      filePath: 'b.yaml',
      autoRestart: { enabled: true, maxRestarts: 5 },
    });
    expect(parse(limited.manifest).spec.autoRestart).toEqual({
      enabled: true,
      maxRestarts: 5,
    });
    await expect(
      run({
        ...MYSQL_INPUT,
        output: 'manifest',
        filePath: 'c.yaml',
        autoRestart: { maxRestarts: 2.5 },
      }),
    ).rejects.toThrow(/autoRestart\.maxRestarts/);
  });

  it('is a no-op on retry and refuses a different file at the same path', async () => {
    const { run } = setup();
    await run({ ...MYSQL_INPUT, output: 'manifest', filePath: 'c.yaml' });
    expect(
      (await run({ ...MYSQL_INPUT, output: 'manifest', filePath: 'c.yaml' }))
        .changed,
    ).toBe(false);
    await expect(
      run({
        ...MYSQL_INPUT,
        tasksMax: 2,
        output: 'manifest',
        filePath: 'c.yaml',
      }),
    ).rejects.toThrow(/filePath 'c.yaml' already exists with other content/);
  });

  it('appends to a values file, keeps its comments, is a no-op on retry, refuses a different duplicate', async () => {
    const { run, workspacePath } = setup();
    const file = path.join(workspacePath, 'values.yaml');
    fs.writeFileSync(
      file,
      '# our chart\nconnectors:\n  - name: other # keep\n',
    );
    const out = await run({ ...MYSQL_INPUT, output: 'helm-values' });
    expect(out).toMatchObject({ filePath: 'values.yaml', changed: true });
    const text = fs.readFileSync(file, 'utf8');
    expect(
      text.startsWith(
        '# our chart\nconnectors:\n  - name: other # keep\n  - name: ordersmysql-shop-orders-v1\n',
      ),
    ).toBe(true);
    expect((await run({ ...MYSQL_INPUT, output: 'helm-values' })).changed).toBe(
      false,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    await expect(
      run({ ...MYSQL_INPUT, tasksMax: 3, output: 'helm-values' }),
    ).rejects.toThrow(
      /already has an entry named 'ordersmysql-shop-orders-v1'/,
    );
  });

  it('applies, then is a no-op, and refuses to take over a different connector unless asked', async () => {
    const { run, applier } = setup();
    expect((await run({ ...MYSQL_INPUT, output: 'apply' })).changed).toBe(true);
    expect(applier.apply).toHaveBeenCalledTimes(1);
    expect((await run({ ...MYSQL_INPUT, output: 'apply' })).changed).toBe(
      false,
    );
    expect(applier.apply).toHaveBeenCalledTimes(1);
    await expect(
      run({ ...MYSQL_INPUT, tasksMax: 4, output: 'apply' }),
    ).rejects.toThrow(
      /already exists in namespace 'orders' of cluster 'eu-1'.*overwrite/,
    );
    await run({
      ...MYSQL_INPUT,
      tasksMax: 4,
      output: 'apply',
      overwrite: true,
    });
    expect(applier.apply).toHaveBeenLastCalledWith(
      'eu-1',
      expect.objectContaining({
        spec: expect.objectContaining({ tasksMax: 4 }),
      }),
      { force: true },
    );
  });

  it('writes and applies nothing in a dry run but still outputs the manifest', async () => {
    const { run, applier, files } = setup();
    for (const output of ['manifest', 'helm-values', 'apply']) {
      const out = await run({ ...MYSQL_INPUT, output }, { isDryRun: true });
      expect(out.manifest).toContain('kind: KafkaConnector');
    }
    expect(files()).toEqual([]);
    expect(applier.apply).not.toHaveBeenCalled();
  });

  it.each([
    [
      'an unknown Connect cluster',
      clusterList([{ name: 'elsewhere' }]),
      /connectCluster no KafkaConnect 'orders-connect' in namespace 'orders'/,
    ],
    [
      'a Connect cluster that is not ready',
      clusterList([{ name: 'orders-connect', ready: false }]),
      /is not ready \(NotReady\)/,
    ],
    [
      'a Connect cluster without the plugin',
      clusterList([{ name: 'orders-connect', plugins: ['x.Y'] }]),
      /lacks the plugin io.debezium.connector.mysql.MySqlConnector/,
    ],
    [
      'a Connect cluster not managing KafkaConnectors',
      clusterList([{ name: 'orders-connect', resources: false }]),
      /strimzi.io\/use-connector-resources/,
    ],
    [
      'a missing cluster',
      { items: [] },
      /cluster 'eu-1' is not a configured cluster/,
    ],
  ])('refuses %s', async (_title, list, message) => {
    const { run, files } = setup({ list: list as any });
    const error = await run({ ...MYSQL_INPUT, output: 'manifest' }).catch(
      e => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
    expect(files()).toEqual([]);
  });

  it('uses the Strimzi API version the cluster serves unless one is asked for', async () => {
    const list = clusterList();
    list.items[0].strimziApiVersion = 'v1beta2';
    const { run } = setup({ list });
    expect((await run({ ...MYSQL_INPUT, output: 'apply' })).manifest).toContain(
      'apiVersion: kafka.strimzi.io/v1beta2',
    );
    expect(
      (await run({ ...MYSQL_INPUT, apiVersion: 'v1', output: 'manifest' }))
        .manifest,
    ).toContain('apiVersion: kafka.strimzi.io/v1\n');
  });

  it.each([
    ['an existing directory', 'kafka-connectors', 'manifest', /is a directory/],
    ['the workspace itself', '.', 'helm-values', /names a directory/],
    ['a trailing slash', 'new/', 'manifest', /names a directory/],
    ['a path through a file', 'values.yaml/x.yaml', 'manifest', /ENOTDIR/],
    [
      'a name too long for the file system',
      `${'n'.repeat(300)}.yaml`,
      'manifest',
      /ENAMETOOLONG/,
    ],
    ['a line separator', 'a\u2028b.yaml', 'manifest', /control characters/],
    [
      'a megabyte long (echoed in the message otherwise)',
      `../${'a'.repeat(1_000_000)}`,
      'manifest',
      /^Invalid connector request: filePath string must contain at most 1024 character\(s\)/,
    ],
    [
      'a values file that is not YAML',
      'values.yaml',
      'helm-values',
      /^filePath 'values.yaml' is not valid YAML: [^\n]+; fix the file first$/,
    ],
  ])(
    'refuses a filePath that is %s with an InputError naming it, writing nothing',
    async (_title, filePath, output, message) => {
      const { run, workspacePath } = setup();
      fs.mkdirSync(path.join(workspacePath, 'kafka-connectors'));
      fs.writeFileSync(path.join(workspacePath, 'values.yaml'), 'a: [\nb\n');
      const error = await run({ ...MYSQL_INPUT, output, filePath }).catch(
        e => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(/filePath/);
      expect(error.message).toMatch(message);
      expect(fs.readdirSync(workspacePath).sort()).toEqual([
        'kafka-connectors',
        'values.yaml',
      ]);
      expect(
        fs.readdirSync(path.join(workspacePath, 'kafka-connectors')),
      ).toEqual([]);
      expect(
        fs.readFileSync(path.join(workspacePath, 'values.yaml'), 'utf8'),
      ).toBe('a: [\nb\n');
    },
  );

  it('refuses a values style the blueprint does not write, naming valuesStyle and the fix', async () => {
    const { run, workspacePath } = setup();
    const error = await run({
      ...MYSQL_INPUT,
      output: 'helm-values',
      valuesStyle: 'compact',
    }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(
      "valuesStyle blueprint 'debezium-mysql-source' writes full values entries, not compact; for a connectors chart, add the chart's compact blueprints to kafkaConnect.scaffolder.blueprintLocations",
    );
    expect(fs.readdirSync(workspacePath)).toEqual([]);
  });

  it("takes a form's empty tasksMax as the blueprint's default", async () => {
    const { run, workspacePath } = setup();
    await run({ ...MYSQL_INPUT, output: 'helm-values', tasksMax: '' });
    const values = parse(
      fs.readFileSync(path.join(workspacePath, 'values.yaml'), 'utf8'),
    );
    expect(values.connectors[0].tasksMax).toBe(1);
  });
});
