import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { fakeApplier, fakeDirectory, openAccess } from '../__fixtures__/fakes';
import { createConnectorAction } from './createConnector';

const base = {
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

type Case = [title: string, change: Record<string, unknown>, field: RegExp];

const withParams = (params: Record<string, unknown>) => ({
  parameters: { ...base.parameters, ...params },
});

const NASTY_STRINGS: Array<[string, string]> = [
  ['a newline', 'orders\nkind: Secret'],
  ['a YAML document marker', '---\nkind: Secret'],
  ['a YAML comment', 'orders # x'],
  ['a flow mapping', '{a: b}'],
  ['an anchor', '&a orders'],
  ['an alias', '*a'],
  ['a tag', '!!binary b3JkZXJz'],
  ['a carriage return', 'orders\r'],
  ['a NUL byte', 'orders\u0000'],
  ['a line separator', 'orders\u2028x'],
  ['unicode letters', 'ördérs'],
  ['an emoji', 'orders🔥'],
  ['a right-to-left override', 'orders\u202e'],
  ['a zero-width space', 'or\u200bders'],
  ['spaces', 'my orders'],
  ['upper case', 'Orders'],
  ['a leading dash', '-orders'],
  ['a template placeholder', '{{instance}}'],
  ['a config-provider reference', '${env:X}'],
  ['an empty string', ''],
];

const cases: Case[] = [
  // names and places
  ...NASTY_STRINGS.map(
    ([what, value]): Case => [
      `namespace with ${what}`,
      { namespace: value },
      /namespace/,
    ],
  ),
  ...NASTY_STRINGS.slice(0, 12).map(
    ([what, value]): Case => [
      `connectCluster with ${what}`,
      { connectCluster: value },
      /connectCluster/,
    ],
  ),
  ...NASTY_STRINGS.slice(0, 12).map(
    ([what, value]): Case => [
      `parameter table with ${what}`,
      withParams({ table: value }),
      /parameters\.table/,
    ],
  ),
  ...NASTY_STRINGS.slice(0, 6).map(
    ([what, value]): Case => [`owner with ${what}`, { owner: value }, /owner/],
  ),
  ['cluster with a newline', { cluster: 'eu-1\nx' }, /cluster/],
  [
    'cluster that does not exist',
    { cluster: 'mars-1' },
    /cluster 'mars-1' is not a configured cluster/,
  ],
  ['namespace of 64 characters', { namespace: 'a'.repeat(64) }, /namespace/],
  [
    'namespace of a megabyte',
    { namespace: 'a'.repeat(1_000_000) },
    /namespace/,
  ],
  ['kubernetesId with a slash', { kubernetesId: 'a/b' }, /kubernetesId/],
  ['system of the wrong kind', { system: 'group:default/x' }, /system/],
  ['owner of the wrong kind', { owner: 'component:default/x' }, /owner/],
  // blueprint and parameters
  [
    'unknown blueprint',
    { blueprint: 'oracle-source' },
    /blueprint 'oracle-source' is not a known blueprint/,
  ],
  [
    'blueprint with a newline',
    { blueprint: 'debezium-mysql-source\n' },
    /blueprint/,
  ],
  ['blueprint as a number', { blueprint: 42 }, /blueprint/],
  ['parameters as a list', { parameters: ['a'] }, /parameters/],
  [
    'parameters missing a required one',
    { parameters: { instance: 'orders' } },
    /parameters\.database/,
  ],
  [
    'an extra parameter',
    withParams({ 'x\ny': 1 }),
    /parameters\.x\\ny|parameters\.x\ny/,
  ],
  ['serverId as text', withParams({ serverId: 'one' }), /parameters\.serverId/],
  [
    'serverId of 1e300',
    withParams({ serverId: 1e300 }),
    /parameters\.serverId/,
  ],
  ['serverId negative', withParams({ serverId: -1 }), /parameters\.serverId/],
  [
    'a rendered name longer than 63',
    withParams({ database: 'd'.repeat(31), table: 't'.repeat(31) }),
    /name .*naming rule/,
  ],
  [
    'snapshotMode outside its enum',
    withParams({ snapshotMode: 'always\n' }),
    /parameters\.snapshotMode/,
  ],
  // numbers and enums
  ['tasksMax 0', { tasksMax: 0 }, /tasksMax/],
  ['tasksMax 1001', { tasksMax: 1001 }, /tasksMax/],
  ['tasksMax 1e21', { tasksMax: 1e21 }, /tasksMax/],
  ['tasksMax NaN-like text', { tasksMax: 'NaN' }, /tasksMax/],
  ['tasksMax fractional', { tasksMax: 2.5 }, /tasksMax/],
  ['tasksMax negative', { tasksMax: -3 }, /tasksMax/],
  ['state unknown', { state: 'exploded' }, /state/],
  ['apiVersion unknown', { apiVersion: 'v2' }, /apiVersion/],
  ['output unknown', { output: 'email' }, /output/],
  // credentials and config
  [
    'a literal password override',
    { configOverrides: { 'database.password': 'hunter2' } },
    /configOverrides\.database\.password .*config-provider reference/,
  ],
  [
    'a literal token override',
    { configOverrides: { 'http.auth.token': 'abc' } },
    /configOverrides\.http\.auth\.token/,
  ],
  [
    'a literal keyfile override',
    { configOverrides: { keyfile: '{"private_key":"x"}' } },
    /configOverrides\.keyfile/,
  ],
  [
    'a literal JAAS config',
    { configOverrides: { 'sasl.jaas.config': 'org.x required password="p";' } },
    /sasl\.jaas\.config/,
  ],
  [
    'a reference with a literal beside it',
    { configOverrides: { 'database.password': 'x${env:P}' } },
    /database\.password/,
  ],
  [
    'a config key with a newline',
    { configOverrides: { 'a\nb': 'x' } },
    /configOverrides/,
  ],
  [
    'a config value with a newline',
    { configOverrides: { 'max.retries': '1\n2' } },
    /configOverrides\.max\.retries/,
  ],
  [
    'connector.class override',
    { configOverrides: { 'connector.class': 'x.Y' } },
    /connector\.class/,
  ],
  // paths
  [
    'a manifest path outside the workspace',
    { output: 'manifest', filePath: '../../etc/passwd' },
    /filePath .*leaves the workspace/,
  ],
  [
    'an absolute values path',
    { output: 'helm-values', filePath: '/etc/values.yaml' },
    /filePath .*leaves the workspace/,
  ],
  [
    'a values key path that is not a list',
    { output: 'helm-values', valuesPath: 'connectors' },
    /valuesPath/,
  ],
];

describe('hostile input to kafka-connect:connector:create', () => {
  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases)(
    '%s: InputError naming the field, nothing written',
    async (_title, change, field) => {
      const workspacePath = fs.mkdtempSync(
        path.join(os.tmpdir(), 'kc-hostile-'),
      );
      const applier = fakeApplier();
      const action = createConnectorAction({
        blueprints: BlueprintRegistry.load([]),
        directory: fakeDirectory(),
        applier,
        ...openAccess(),
      });
      const input = { output: 'apply', ...base, ...change };
      const error = await action
        .handler(
          createMockActionContext({ input: input as any, workspacePath }),
        )
        .then(
          () => undefined,
          e => e,
        );
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(field);
      expect(error.message).not.toMatch(/\n/);
      expect(fs.readdirSync(workspacePath)).toEqual([]);
      expect(applier.apply).not.toHaveBeenCalled();
    },
  );
});
