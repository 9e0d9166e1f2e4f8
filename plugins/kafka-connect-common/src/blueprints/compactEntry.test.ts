import { InputError } from '@backstage/errors';
import { parse, stringify } from 'yaml';
import {
  checkCompactSettings,
  dropChartDefaults,
  entryConnectorName,
  valuesEntryNamer,
} from './compactEntry';
import { changeValuesEntry } from './changeValuesEntry';
import { parseBlueprint } from './parseBlueprint';
import { planConnectorEdit } from './planChange';
import { planConnector } from './renderConnector';
import { appendValuesEntry, findValuesEntry } from './valuesFile';
import { loadBuiltIn, sampleRequest } from './__fixtures__/builtIns';
import { CHART_VALUES, compactMysql } from './__fixtures__/compact';

const RULE = compactMysql().helmValues.name!;

describe('entryConnectorName', () => {
  it('names the entry of the issue as the chart does: lowercased, no underscores', () => {
    expect(
      entryConnectorName(RULE, {
        connectorTemplate: 'connector.debeziumMysqlSourceConnector',
        version: '2025042401',
        source: {
          instance: 'Instance_2',
          database: 'schema_2',
          table: 'Table2',
        },
      }),
    ).toBe('instance2mysql-schema2-table2-2025042401');
  });

  it('prints numbers as text and leaves unfiltered marks as they are', () => {
    expect(
      entryConnectorName('{{source.db}}-{{version}}', {
        version: 3,
        source: { db: 'Big_DB' },
      }),
    ).toBe('Big_DB-3');
  });

  it('gives no name to an entry lacking a field of the rule (another kind of entry)', () => {
    expect(entryConnectorName(RULE, { version: 'v1', source: {} })).toBe(
      undefined,
    );
    expect(entryConnectorName(RULE, 'not a map')).toBe(undefined);
    expect(
      entryConnectorName(RULE, {
        version: 'v1',
        source: { instance: { nested: 1 }, database: 'a', table: 'b' },
      }),
    ).toBe(undefined);
  });
});

describe('valuesEntryNamer', () => {
  it('reads the name field of full entries', () => {
    const namer = valuesEntryNamer(loadBuiltIn('debezium-mysql-source'));
    expect(namer({ name: 'a-b' })).toBe('a-b');
    expect(namer({ name: 3 })).toBe(undefined);
  });
});

describe('checkCompactSettings and parseBlueprint', () => {
  const withHelmValues = (helmValues: object) =>
    stringify({
      ...loadBuiltIn('debezium-mysql-source'),
      helmValues,
    });

  it('accepts the compact blueprint', () => {
    const parsed = parseBlueprint(stringify(compactMysql()), 'compact.yaml');
    expect(parsed.problems).toBeUndefined();
    expect(parsed.blueprint?.helmValues.style).toBe('compact');
  });

  it('requires the naming rule of a compact entry', () => {
    const { helmValues } = compactMysql();
    const parsed = parseBlueprint(
      withHelmValues({ ...helmValues, name: undefined }),
      'b.yaml',
    );
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        source: 'b.yaml',
        field: 'helmValues.name',
        message: expect.stringContaining('is required for compact entries'),
      }),
    ]);
  });

  it('names fields the entry lacks, unknown filters and a rule without marks', () => {
    const { helmValues } = compactMysql();
    const problems = checkCompactSettings({
      ...compactMysql(),
      helmValues: {
        ...helmValues,
        name: '{{source.schema}}-{{version | upper}}',
      },
    });
    expect(problems.map(problem => problem.message)).toEqual([
      expect.stringContaining("refers to 'source.schema'"),
      expect.stringContaining("unknown filter 'upper'"),
    ]);
    expect(
      checkCompactSettings({
        ...compactMysql(),
        helmValues: { ...helmValues, name: 'fixed' },
      })[0].message,
    ).toContain('has no {{field}} mark');
  });

  it('refuses a naming rule on a full entry, and an unknown style', () => {
    const builtIn = loadBuiltIn('debezium-mysql-source');
    expect(
      parseBlueprint(
        withHelmValues({ ...builtIn.helmValues, name: '{{name}}' }),
        'f.yaml',
      ).problems?.[0].message,
    ).toContain("add 'style: compact'");
    expect(
      parseBlueprint(
        withHelmValues({ ...builtIn.helmValues, style: 'short' }),
        'f.yaml',
      ).problems?.[0].field,
    ).toBe('helmValues.style');
  });
});

describe('planConnector with a compact entry', () => {
  const request = sampleRequest('debezium-mysql-source');

  it('writes only what the chart needs, leaving out its defaults', () => {
    const plan = planConnector(compactMysql(), request);
    if (plan.errors) throw new Error(JSON.stringify(plan.errors));
    expect(plan.valuesEntry).toEqual({
      connectorTemplate: 'connector.debeziumMysqlSourceConnector',
      version: 'v1',
      // the parameter keeps its type: the chart prints it as a number
      source: {
        instance: 'orders',
        database: 'shop',
        table: 'orders',
        serverId: 184054,
      },
      connectCluster: 'orders-connect',
      owner: 'group:default/team-orders',
    });
    expect(plan.name).toBe('ordersmysql-shop-orders-v1');
  });

  it('keeps tasksMax and state when they differ from the defaults', () => {
    const plan = planConnector(compactMysql(), {
      ...request,
      tasksMax: 3,
      state: 'paused',
    });
    if (plan.errors) throw new Error(JSON.stringify(plan.errors));
    expect(plan.valuesEntry).toMatchObject({ tasksMax: 3, state: 'paused' });
  });

  it('refuses a blueprint whose naming rule disagrees with its chart', () => {
    const blueprint = compactMysql();
    blueprint.naming = 'mysql-{{instance}}-{{table}}-{{version}}';
    const plan = planConnector(blueprint, request);
    expect(plan.errors).toEqual([
      {
        field: 'helmValues.name',
        message: expect.stringContaining(
          "the chart would name this connector 'ordersmysql-shop-orders-v1' but the blueprint's naming rule gives 'mysql-orders-orders-v1'",
        ),
      },
    ]);
  });

  it('leaves full entries alone', () => {
    const full = loadBuiltIn('debezium-mysql-source');
    const entry = { name: 'x', tasksMax: 1, state: 'running' };
    expect(dropChartDefaults(full, entry)).toBe(entry);
  });
});

describe('values files with compact entries', () => {
  const blueprint = compactMysql();
  const naming = { nameOf: valuesEntryNamer(blueprint), file: 'values.yaml' };

  it('finds entries by the name the chart renders, hand-written ones too', () => {
    expect(
      findValuesEntry(
        CHART_VALUES,
        ['connectors'],
        'instance2mysql-schema2-table2-2025042401',
        naming,
      ),
    ).toBe(0);
    expect(
      findValuesEntry(
        CHART_VALUES,
        ['connectors'],
        'ordersmysql-shop-orders-v1',
        naming,
      ),
    ).toBe(1);
    expect(
      findValuesEntry(
        CHART_VALUES,
        ['connectors'],
        'ordersmysql-shop-orders-v2',
        naming,
      ),
    ).toBe(-1);
  });

  it('refuses a duplicate: an entry the chart would render under the same name', () => {
    const plan = planConnector(blueprint, {
      ...sampleRequest('debezium-mysql-source'),
      parameters: {
        instance: 'instance2',
        database: 'schema2',
        table: 'table2',
        version: '2025042401',
        serverId: 9,
      },
    });
    if (plan.errors) throw new Error(JSON.stringify(plan.errors));
    expect(() =>
      appendValuesEntry(CHART_VALUES, ['connectors'], plan.valuesEntry, naming),
    ).toThrow(
      new InputError(
        "values.yaml already has an entry the chart names 'instance2mysql-schema2-table2-2025042401' under 'connectors'; choose another name or change that entry",
      ),
    );
  });

  it('appends a new entry keeping every comment', () => {
    const plan = planConnector(blueprint, {
      ...sampleRequest('debezium-mysql-source'),
      parameters: {
        instance: 'orders',
        database: 'shop',
        table: 'refunds',
        version: 'v1',
        serverId: 5,
      },
    });
    if (plan.errors) throw new Error(JSON.stringify(plan.errors));
    const text = appendValuesEntry(
      CHART_VALUES,
      ['connectors'],
      plan.valuesEntry,
      naming,
    );
    for (const comment of CHART_VALUES.match(/#.*$/gm)!) {
      expect(text).toContain(comment);
    }
    expect(parse(text).connectors[2]).toEqual(plan.valuesEntry);
    expect(parse(text).connectors.slice(0, 2)).toEqual(
      parse(CHART_VALUES).connectors,
    );
  });

  it.each([
    ['scale', { tasksMax: 4 }, { tasksMax: 4 }, 'ordersmysql-shop-orders-v1'],
    [
      'back to the default tasksMax',
      { tasksMax: 1 },
      { tasksMax: undefined },
      'ordersmysql-shop-orders-v1',
    ],
    [
      'pause',
      { state: 'paused' as const },
      { state: 'paused' },
      'ordersmysql-shop-orders-v1',
    ],
    [
      'roll',
      { version: 'v2' },
      { version: 'v2' },
      'ordersmysql-shop-orders-v2',
    ],
  ])(
    '%s edits the one entry in place, comments kept',
    (_label, change, expected, newName) => {
      const current = {
        ...sampleRequest('debezium-mysql-source'),
        tasksMax: 2,
      };
      const edit = planConnectorEdit(blueprint, current, change);
      if (edit.errors) throw new Error(JSON.stringify(edit.errors));
      expect(edit.plan.name).toBe(newName);
      const text = changeValuesEntry(
        CHART_VALUES,
        ['connectors'],
        edit.previousName,
        edit.valuesChanges,
        naming,
      );
      // removing tasksMax removes the comment on its line, and only that one
      const removesTasksMax =
        'tasksMax' in expected && expected.tasksMax === undefined;
      const keptComments = CHART_VALUES.match(/#.*$/gm)!.filter(
        comment => !(removesTasksMax && comment.includes('raised')),
      );
      expect(keptComments.filter(comment => !text.includes(comment))).toEqual(
        [],
      );
      const after = parse(text).connectors;
      const before = parse(CHART_VALUES).connectors;
      expect(after[0]).toEqual(before[0]);
      const changed = { ...before[1], ...expected };
      for (const key of Object.keys(changed))
        if (changed[key] === undefined) delete changed[key];
      expect(after[1]).toEqual(changed);
      expect(findValuesEntry(text, ['connectors'], newName, naming)).toBe(1);
    },
  );

  it('says which entry is missing when the chart renders no such name', () => {
    expect(() =>
      changeValuesEntry(
        CHART_VALUES,
        ['connectors'],
        'ordersmysql-shop-nothing-v1',
        { state: 'paused' },
        naming,
      ),
    ).toThrow("values.yaml has no entry named 'ordersmysql-shop-nothing-v1'");
  });
});

describe('filters in blueprint templates', () => {
  it('make a naming rule name connectors as the chart does', () => {
    const blueprint = compactMysql();
    blueprint.naming =
      '{{instance | lower | noUnderscores}}mysql-{{database|lower|noUnderscores}}-{{table | noUnderscores}}-{{version}}';
    const plan = planConnector(blueprint, {
      ...sampleRequest('debezium-mysql-source'),
      parameters: {
        instance: 'orders',
        database: 'shop_eu',
        table: 'credit_notes',
        version: 'v1',
        serverId: 3,
      },
    });
    if (plan.errors) throw new Error(JSON.stringify(plan.errors));
    expect(plan.name).toBe('ordersmysql-shopeu-creditnotes-v1');
    // the config keeps the parameters as given
    expect(plan.connector.spec?.config?.['table.include.list']).toBe(
      'shop_eu.credit_notes',
    );
    expect(plan.valuesEntry.source).toMatchObject({
      database: 'shop_eu',
      table: 'credit_notes',
    });
  });

  it('refuses an unknown filter, naming the field', () => {
    const blueprint = { ...compactMysql(), naming: '{{table | upper}}-x' };
    expect(parseBlueprint(stringify(blueprint), 'u.yaml').problems).toEqual([
      expect.objectContaining({
        field: 'naming',
        message: "uses unknown filter 'upper'; use lower or noUnderscores",
      }),
    ]);
  });
});
