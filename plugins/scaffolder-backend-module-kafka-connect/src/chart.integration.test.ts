import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { requireHelm } from '@kcs/dev-cluster';
import type { KafkaConnectorResource } from '@kcs/plugin-kafka-connect-common';
import { parse } from 'yaml';
import { BlueprintRegistry } from './services/BlueprintRegistry';
import { fakeApplier, fakeDirectory, openAccess } from './__fixtures__/fakes';
import { createConnectorAction } from './actions/createConnector';
import { changeConnectorAction } from './actions/changeConnector';
import {
  comparable,
  copyOfSampleChart,
  renderConnectors,
  SAMPLE_CHART,
} from './__testUtils__/chart';

// The chart's compact blueprints: the built-ins with compact values entries.
const blueprints = BlueprintRegistry.load([
  path.join(SAMPLE_CHART, 'blueprints'),
]);

const TARGET = {
  cluster: 'eu-1',
  namespace: 'orders',
  connectCluster: 'orders-connect',
  owner: 'group:default/team-orders',
  checkCluster: false,
};

async function runAction(
  action: ReturnType<typeof createConnectorAction>,
  workspacePath: string,
  input: Record<string, unknown>,
): Promise<Record<string, any>> {
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath,
    templateInfo: {
      entityRef: 'template:default/connector-chart-entry',
    } as any,
  });
  await action.handler(ctx);
  return Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
  );
}

const actions = {
  create: createConnectorAction({
    blueprints,
    directory: fakeDirectory(),
    applier: fakeApplier(),
    ...openAccess(),
  }),
  change: changeConnectorAction({
    blueprints,
    applier: fakeApplier(),
    ...openAccess(),
  }) as unknown as ReturnType<typeof createConnectorAction>,
};

function readManifest(workspace: string, file: string): KafkaConnectorResource {
  return parse(fs.readFileSync(path.join(workspace, file), 'utf8'));
}

/** New connectors of every type, none of them in the sample values. */
const CREATES: Array<
  [string, Record<string, unknown>, Record<string, unknown>]
> = [
  [
    'debezium-mysql-source',
    {
      instance: 'orders',
      database: 'shop',
      table: 'refunds',
      version: '2025050101',
      serverId: 4294967295,
    },
    { tasksMax: 3 },
  ],
  [
    'debezium-postgres-source',
    {
      instance: 'orders',
      database: 'billing',
      schema: 'sales',
      table: 'credit_notes',
      version: 'v1',
    },
    {},
  ],
  [
    'debezium-mongodb-source',
    {
      instance: 'catalog',
      database: 'products',
      collection: 'reviews',
      version: 'v3',
    },
    { state: 'stopped' },
  ],
  [
    'mirrormaker2-source',
    {
      sourceAlias: 'us',
      targetAlias: 'eu',
      topicGroup: 'payments',
      topics: 'payments\\..*',
    },
    {},
  ],
  [
    'bigquery-sink',
    {
      project: 'shop-analytics',
      dataset: 'refunds',
      topics: 'ordersmysql.shop.refunds',
      version: 'v1',
    },
    { owner: 'group:default/team-analytics' },
  ],
  [
    'http-sink',
    {
      service: 'billing',
      endpoint: 'refunds',
      topics: 'ordersmysql.shop.refunds',
      version: 'v2',
    },
    { state: 'paused', tasksMax: 2 },
  ],
];

describe('helm template of the sample chart matches the manifest output', () => {
  it('renders one connector per sample entry, every type', () => {
    const rendered = renderConnectors(SAMPLE_CHART, 'orders');
    expect([...rendered.values()].map(c => c.spec?.class).sort()).toEqual([
      'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
      'io.aiven.kafka.connect.http.HttpSinkConnector',
      'io.debezium.connector.mongodb.MongoDbConnector',
      'io.debezium.connector.mysql.MySqlConnector',
      'io.debezium.connector.postgresql.PostgresConnector',
      'org.apache.kafka.connect.mirror.MirrorSourceConnector',
    ]);
    expect(rendered.has('instance2mysql-schema2-table2-2025042401')).toBe(true);
  });

  it('passes helm lint, and names the field an entry lacks', () => {
    const lint = spawnSync(requireHelm(), ['lint', SAMPLE_CHART], {
      encoding: 'utf8',
    });
    expect(lint.status).toBe(0);
    const chart = copyOfSampleChart();
    fs.appendFileSync(
      path.join(chart, 'values.yaml'),
      '  - version: v1\n    source: { instance: a }\n',
    );
    expect(() => renderConnectors(chart, 'orders')).toThrow(
      'connectors[6].connectorTemplate is required',
    );
    const other = copyOfSampleChart();
    fs.appendFileSync(
      path.join(other, 'values.yaml'),
      '  - connectorTemplate: connector.debeziumMysqlSourceConnector\n    version: v1\n    source: { instance: a }\n',
    );
    expect(() => renderConnectors(other, 'orders')).toThrow(
      'source.database is required',
    );
  });

  it.each(CREATES)(
    'create %s: the compact entry renders the manifest of the same request',
    async (blueprint, parameters, extra) => {
      const input = { ...TARGET, blueprint, parameters, ...extra };
      const chart = copyOfSampleChart();
      const before = fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8');
      const entry = await runAction(actions.create, chart, {
        ...input,
        output: 'helm-values',
      });
      const manifestDir = fs.mkdtempSync(
        path.join(os.tmpdir(), 'kc-manifest-'),
      );
      const manifest = await runAction(actions.create, manifestDir, {
        ...input,
        output: 'manifest',
      });
      expect(entry.name).toBe(manifest.name);
      // the sample entries and their comments are still there
      const after = fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8');
      for (const comment of before.match(/#.*$/gm)!) {
        expect(after).toContain(comment);
      }
      const added = parse(after).connectors.at(-1);
      expect(added).not.toHaveProperty('name');
      expect(added).not.toHaveProperty('config');
      const rendered = renderConnectors(chart, 'orders');
      expect(rendered.size).toBe(7);
      expect(comparable(rendered.get(entry.name)!)).toEqual(
        comparable(readManifest(manifestDir, manifest.filePath)),
      );
    },
  );

  it('refuses an entry the chart already renders under the same name', async () => {
    const chart = copyOfSampleChart();
    await expect(
      runAction(actions.create, chart, {
        ...TARGET,
        blueprint: 'debezium-mysql-source',
        parameters: {
          instance: 'instance2',
          database: 'schema2',
          table: 'table2',
          version: '2025042401',
          serverId: 77,
        },
        output: 'helm-values',
      }),
    ).rejects.toThrow(
      "already has an entry the chart names 'instance2mysql-schema2-table2-2025042401'",
    );
  });
});

/** The lines of `text` beyond those `other` has (counting repeats). */
function linesNotIn(text: string, other: string): string[] {
  const left = other.split('\n');
  return text.split('\n').filter(line => {
    const index = left.indexOf(line);
    if (index < 0) return true;
    left.splice(index, 1);
    return false;
  });
}

/** The sample's MySQL entry as the change form knows it. */
const CURRENT_MYSQL = {
  ...TARGET,
  blueprint: 'debezium-mysql-source',
  parameters: {
    instance: 'instance2',
    database: 'schema2',
    table: 'table2',
    version: '2025042401',
    serverId: 5400,
  },
};

describe('day-2 changes to a compact entry render what the manifest change renders', () => {
  it.each([
    [
      'scale',
      { tasksMax: 4 },
      'instance2mysql-schema2-table2-2025042401',
      { added: ['    tasksMax: 4'], removed: [] },
    ],
    [
      'pause',
      { state: 'paused' },
      'instance2mysql-schema2-table2-2025042401',
      { added: ['    state: paused'], removed: [] },
    ],
    [
      'roll',
      { version: '2025060101' },
      'instance2mysql-schema2-table2-2025060101',
      {
        added: ['    version: "2025060101"'],
        removed: ['    version: "2025042401"'],
      },
    ],
  ])('%s', async (_label, change, newName, lines) => {
    const chart = copyOfSampleChart();
    const before = fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8');
    const out = await runAction(actions.change, chart, {
      ...CURRENT_MYSQL,
      change,
      output: 'helm-values',
    });
    expect(out.name).toBe(newName);
    // the manifest route: the connector's manifest as created, then changed
    const manifestDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-manifest-'));
    await runAction(actions.create, manifestDir, {
      ...CURRENT_MYSQL,
      output: 'manifest',
    });
    const changed = await runAction(actions.change, manifestDir, {
      ...CURRENT_MYSQL,
      change,
      output: 'manifest',
    });
    const rendered = renderConnectors(chart, 'orders');
    expect(rendered.size).toBe(6);
    expect(comparable(rendered.get(newName)!)).toEqual(
      comparable(readManifest(manifestDir, changed.filePath)),
    );
    // edited in place: only the changed field's line, every comment and entry stays
    const after = fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8');
    expect({
      added: linesNotIn(after, before),
      removed: linesNotIn(before, after),
    }).toEqual(lines);
  });

  it('scales back to the default by leaving tasksMax out of the entry', async () => {
    const chart = copyOfSampleChart();
    const current = {
      ...TARGET,
      blueprint: 'debezium-postgres-source',
      parameters: {
        instance: 'orders',
        database: 'billing',
        schema: 'public',
        table: 'invoices',
        version: 'v2',
      },
      tasksMax: 2,
    };
    await runAction(actions.change, chart, {
      ...current,
      change: { tasksMax: 1 },
      output: 'helm-values',
    });
    const entry = parse(
      fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8'),
    ).connectors[1];
    expect(entry).not.toHaveProperty('tasksMax');
    expect(
      renderConnectors(chart, 'orders').get(
        'orderspostgres-billing-invoices-v2',
      )?.spec?.tasksMax,
    ).toBe(1);
  });
});
