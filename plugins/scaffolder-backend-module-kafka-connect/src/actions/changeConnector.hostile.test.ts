import {
  connectorAt,
  CURRENT,
  CURRENT_NAME,
  MANIFEST_PATH,
  runChange,
} from '../__testUtils__/change';
import { rejectionProblems, removeOutside } from '../__testUtils__/hostile';
import { connectorManifestYaml } from '@kcs/plugin-kafka-connect-common';

type Output = 'helm-values' | 'manifest' | 'apply';

interface Case {
  title: string;
  /** Fields over the valid input (CURRENT with `change: { tasksMax: 3 }`). */
  input: Record<string, unknown>;
  field: RegExp;
  outputs?: Output[];
  files?: Record<string, string>;
  inCluster?: boolean;
}

const ALL: Output[] = ['helm-values', 'manifest', 'apply'];
const FILES: Output[] = ['helm-values', 'manifest'];
const withParameters = (parameters: Record<string, unknown>) => ({
  parameters: { ...CURRENT.parameters, ...parameters },
});
const V2_FILES = {
  'values.yaml': `connectors:\n  - name: ${CURRENT_NAME}\n    tasksMax: 2\n  - name: ordersmysql-shop-orders-v2\n    tasksMax: 1\n`,
  'kafka-connectors/orders/ordersmysql-shop-orders-v2.yaml':
    connectorManifestYaml(connectorAt('v2')),
};

const cases: Case[] = [
  // connectors, refs and places that do not exist
  {
    title: 'a connector whose entry is not in the values file',
    input: withParameters({ table: 'items' }),
    field:
      /no entry named 'ordersmysql-shop-items-v1' under 'connectors'.*valuesPath/,
    outputs: ['helm-values'],
  },
  {
    title: 'a connector without a manifest in the workspace',
    input: withParameters({ table: 'items' }),
    field:
      /filePath 'kafka-connectors\/orders\/ordersmysql-shop-items-v1\.yaml' does not exist/,
    outputs: ['manifest'],
  },
  {
    title: 'a connector that is not in the cluster',
    input: withParameters({ table: 'items' }),
    field:
      /name: no KafkaConnector 'ordersmysql-shop-items-v1' in namespace 'orders' of cluster 'eu-1'/,
    outputs: ['apply'],
  },
  {
    title: 'a namespace where the connector is not',
    input: { namespace: 'billing' },
    field: /namespace 'billing'|filePath 'kafka-connectors\/billing\//,
    outputs: ['manifest', 'apply'],
  },
  {
    title: 'a cluster that does not have it',
    input: { cluster: 'mars-1' },
    field: /cluster 'mars-1'/,
    outputs: ['apply'],
  },
  {
    title: 'an unknown blueprint',
    input: { blueprint: 'oracle-source' },
    field: /blueprint 'oracle-source' is not a known blueprint/,
  },
  {
    title: 'a blueprint id with a newline',
    input: { blueprint: 'debezium-mysql-source\nkind: Secret' },
    field: /blueprint 'debezium-mysql-source\\nkind: Secret'/,
  },
  {
    title: 'an owner ref of the wrong kind',
    input: { owner: 'component:default/orders' },
    field: /owner/,
  },
  {
    title: 'an owner ref with a YAML marker',
    input: { owner: 'group:default/---' },
    field: /owner/,
  },
  {
    title: 'a system ref of the wrong kind',
    input: { system: 'group:default/team-orders' },
    field: /system/,
  },
  {
    title: 'a values key path where the list is not',
    input: { valuesPath: ['kafka', 'connectors'] },
    field:
      /name filePath 'values\.yaml' has no entry .* under 'kafka\.connectors'.*valuesPath/,
    outputs: ['helm-values'],
  },
  {
    title: 'a values key path with a newline',
    input: { valuesPath: ['connectors\n- name: x'] },
    field: /valuesPath\.0/,
    outputs: ['helm-values'],
  },
  {
    title: 'a values key path of 100,000 keys',
    input: { valuesPath: Array.from({ length: 100_000 }, () => 'a') },
    field: /valuesPath array must contain at most 20 element/,
    outputs: ['helm-values'],
  },
  {
    title: 'a values file that is not there',
    input: { filePath: 'charts/values.yaml' },
    field: /filePath 'charts\/values\.yaml' does not exist/,
    outputs: ['helm-values'],
  },
  // paths
  ...[
    ['a parent path', '../values.yaml'],
    ['an absolute path', '/etc/passwd'],
    ['a path that climbs out after a folder', 'a/../../values.yaml'],
    ['a path through a symlink out of the workspace', 'escape/values.yaml'],
  ].map(
    ([what, filePath]): Case => ({
      title: `filePath as ${what}`,
      input: { filePath },
      field: /filePath '.*' leaves the workspace/,
      outputs: FILES,
    }),
  ),
  {
    title: 'filePath with percent-encoded dots (a literal name, not there)',
    input: { filePath: '%2e%2e/values.yaml' },
    field: /filePath '%2e%2e\/values\.yaml' does not exist/,
    outputs: FILES,
  },
  {
    title: 'filePath with a NUL byte',
    input: { filePath: 'values.yaml\u0000.txt' },
    field: /filePath must not hold control characters/,
    outputs: FILES,
  },
  {
    title: 'filePath naming a directory',
    input: { filePath: 'kafka-connectors' },
    field: /filePath 'kafka-connectors' is a directory/,
    outputs: FILES,
  },
  {
    title: 'a manifest filePath at the values file',
    input: { filePath: 'values.yaml' },
    field: /filePath 'values\.yaml' is not the manifest of KafkaConnector/,
    outputs: ['manifest'],
  },
  {
    title: 'a values filePath at a file that is not YAML',
    input: { filePath: 'not-yaml.txt' },
    field: /filePath 'not-yaml\.txt' is not valid YAML/,
    outputs: ['helm-values'],
  },
  // tasksMax
  ...[0, -1, 1001, 2.5, 1e21, Number.POSITIVE_INFINITY].map(
    (tasksMax): Case => ({
      title: `change.tasksMax ${tasksMax}`,
      input: { change: { tasksMax } },
      field: /change\.tasksMax must be a whole number from 1 to 1000/,
    }),
  ),
  ...[Number.NaN, '5', null, [3]].map(
    (tasksMax): Case => ({
      title: `change.tasksMax ${JSON.stringify(tasksMax)}`,
      input: { change: { tasksMax } },
      field: /change\.tasksMax expected number/,
    }),
  ),
  {
    title: 'a current tasksMax out of range',
    input: { tasksMax: 0 },
    field: /current\.tasksMax/,
  },
  // state
  ...['exploded', 'Running', 'running\n', '', 'paused # x'].map(
    (state): Case => ({
      title: `change.state ${JSON.stringify(state)}`,
      input: { change: { state } },
      field: /change\.state invalid enum value/,
    }),
  ),
  // version
  ...[
    'v2\nkind: Secret',
    '---',
    'v2 # comment',
    '&anchor v2',
    '*alias',
    '!!binary djI=',
    '{v2: x}',
    '${env:VERSION}',
    'v2\u2028x',
    '',
    'V2',
    'v2/../v3',
  ].map(
    (version): Case => ({
      title: `change.version ${JSON.stringify(version)}`,
      input: { change: { version } },
      field: /change\.version/,
    }),
  ),
  {
    title: 'change.version as a number',
    input: { change: { version: 2 } },
    field: /change\.version expected string/,
  },
  {
    title: 'a version roll onto a connector that already exists',
    input: { change: { version: 'v2' } },
    field: /change\.version.*(already has an entry named|already exists)/,
    files: V2_FILES,
    inCluster: true,
  },
  // parameters against the blueprint's schema
  ...[
    ['serverId negative', { serverId: -1 }, /change\.parameters\.serverId/],
    ['serverId as text', { serverId: 'one' }, /change\.parameters\.serverId/],
    ['serverId of 1e300', { serverId: 1e300 }, /change\.parameters\.serverId/],
    ['table in upper case', { table: 'Orders' }, /change\.parameters\.table/],
    [
      'table of 200 characters',
      { table: 't'.repeat(200) },
      /change\.parameters\.table/,
    ],
    [
      'table with a newline',
      { table: 'orders\nkind: Secret' },
      /change\.parameters\.table/,
    ],
    [
      'snapshotMode outside its enum',
      { snapshotMode: 'always' },
      /change\.parameters\.snapshotMode/,
    ],
    [
      'a parameter the blueprint does not have',
      { replicas: 3 },
      /change\.parameters\.replicas is not a parameter/,
    ],
    [
      'a parameter key with a newline',
      { 'x\ny': 1 },
      /change\.parameters\.x\\ny/,
    ],
  ].map(
    ([what, parameters, field]): Case => ({
      title: `change.parameters: ${what}`,
      input: { change: { parameters } },
      field: field as RegExp,
    }),
  ),
  {
    title: 'change.parameters as a list',
    input: { change: { parameters: ['table'] } },
    field: /change\.parameters expected object/,
  },
  // literal credentials
  ...[
    { 'database.password': 'hunter2' },
    { password: 'hunter2' },
    { 'sasl.jaas.config': 'org.x required password="hunter2";' },
    { token: '${env:X}hunter2' },
  ].map(
    (parameters): Case => ({
      title: `a literal credential in change.parameters: ${Object.keys(
        parameters,
      )}`,
      input: { change: { parameters } },
      field:
        /change\.parameters\..* is not a parameter of blueprint 'debezium-mysql-source'/,
    }),
  ),
  {
    title: 'a literal credential among the current parameters',
    input: withParameters({ 'database.password': 'hunter2' }),
    field: /current\.parameters\.database\.password is not a parameter/,
  },
  // the change itself
  {
    title: 'an empty change',
    input: { change: {} },
    field: /change changes nothing/,
  },
  {
    title: 'a change that sets what is already there',
    input: { change: { tasksMax: 2, state: 'running', version: 'v1' } },
    field: /change changes nothing/,
  },
  {
    title: 'no change at all',
    input: { change: undefined },
    field: /change required/,
  },
  {
    title: 'a change as text',
    input: { change: 'tasksMax: 3' },
    field: /change expected object/,
  },
  {
    title: 'an unknown output',
    input: { output: 'email' },
    field: /output invalid enum value/,
  },
  {
    title: 'a change with 10,000 extra parameters',
    input: {
      change: {
        parameters: Object.fromEntries(
          Array.from({ length: 10_000 }, (_, i) => [`p${i}`, i]),
        ),
      },
    },
    field: /change\.parameters\.p0 is not a parameter/,
    outputs: ['helm-values'],
  },
  {
    title: 'a filePath of a megabyte outside the workspace',
    input: { filePath: `../${'a'.repeat(1_000_000)}.yaml` },
    field: /filePath string must contain at most 1024 character/,
    outputs: FILES,
  },
  {
    title: 'a filePath of a megabyte inside the workspace',
    input: { filePath: `${'a/'.repeat(500_000)}x.yaml` },
    field: /filePath string must contain at most 1024 character/,
    outputs: FILES,
  },
  {
    title: 'a version of a megabyte',
    input: { change: { version: 'v'.repeat(1_000_000) } },
    field: /change\.version/,
    outputs: ['apply'],
  },
  {
    title: 'a namespace of a megabyte',
    input: { namespace: 'a'.repeat(1_000_000) },
    field: /current\.namespace/,
  },
];

const runs = cases.flatMap(item =>
  (item.outputs ?? ALL).map(
    output => [`${item.title} (${output})`, item, output] as const,
  ),
);

describe('hostile input to kafka-connect:connector:change', () => {
  afterAll(removeOutside);

  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(runs)(
    '%s: InputError naming the field, files unchanged, nothing applied',
    async (_title, item, output) => {
      const { result, before, after, calls } = await runChange(
        {
          ...CURRENT,
          output,
          change: { tasksMax: 3 },
          ...item.input,
        },
        {
          files: item.files,
          // Another connector under the new name (this change would render
          // tasksMax 2); one just like the rendered one is a retry's own.
          inCluster: item.inCluster
            ? [
                {
                  ...connectorAt('v2'),
                  spec: { ...connectorAt('v2').spec!, tasksMax: 7 },
                },
              ]
            : [],
        },
      );
      expect(result.ok).toBe(false);
      const error = (result as { error: Error }).error;
      expect(rejectionProblems(error, item.field)).toEqual([]);
      expect(error.message).not.toContain('hunter2');
      expect(after).toEqual(before);
      expect(calls).toEqual({ apply: 0, scale: 0, delete: 0 });
    },
  );

  it.each([
    ['helm-values', 'values.yaml', 0],
    ['manifest', MANIFEST_PATH, 0],
    ['apply', undefined, 1],
  ] as const)(
    'the base input with a valid change goes through (%s), so each case fails for its own reason',
    async (output, file, scaled) => {
      const { result, before, after, calls } = await runChange({
        ...CURRENT,
        output,
        change: { tasksMax: 3 },
      });
      expect(result).toEqual({ ok: true });
      expect(calls).toEqual({ apply: 0, scale: scaled, delete: 0 });
      const changed = Object.keys(after).filter(
        key => after[key] !== before[key],
      );
      expect(changed).toEqual(file ? [file] : []);
    },
  );
});
