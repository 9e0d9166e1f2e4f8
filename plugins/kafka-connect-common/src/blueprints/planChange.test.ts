import { planConnectorEdit } from './planChange';
import { changeValuesEntry } from './changeValuesEntry';
import { appendValuesEntry } from './valuesFile';
import { loadBuiltIn, sampleRequest } from './__fixtures__/builtIns';

const mysql = loadBuiltIn('debezium-mysql-source');
const current = sampleRequest('debezium-mysql-source', { tasksMax: 2 });

describe('planConnectorEdit', () => {
  it('scales tasksMax without renaming', () => {
    const result = planConnectorEdit(mysql, current, { tasksMax: 5 });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    expect(result.renamed).toBe(false);
    expect(result.previousName).toBe('ordersmysql-shop-orders-v1');
    expect(result.plan.connector.spec?.tasksMax).toBe(5);
    expect(result.valuesChanges).toEqual({ tasksMax: 5 });
  });

  it('rolls a version to a new name by the naming rule', () => {
    const result = planConnectorEdit(mysql, current, {
      version: 'v2',
    });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    expect(result.renamed).toBe(true);
    expect(result.plan.name).toBe('ordersmysql-shop-orders-v2');
    expect(result.plan.connector.metadata?.name).toBe(
      'ordersmysql-shop-orders-v2',
    );
    expect(result.valuesChanges.name).toBe('ordersmysql-shop-orders-v2');
    // the change applied in place to a values file renames the one entry
    const values = appendValuesEntry('connectors: []\n', ['connectors'], {
      ...planConnectorEditEntry(),
    });
    const edited = changeValuesEntry(
      values,
      ['connectors'],
      result.previousName,
      result.valuesChanges,
    );
    expect(edited).toContain('name: ordersmysql-shop-orders-v2');
    expect(edited).not.toContain('ordersmysql-shop-orders-v1');
  });

  it('rolls to a date-stamped version, as the teams name their rollouts', () => {
    const result = planConnectorEdit(mysql, current, { version: '2025042401' });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    expect(result.renamed).toBe(true);
    expect(result.previousName).toBe('ordersmysql-shop-orders-v1');
    expect(result.plan.name).toBe('ordersmysql-shop-orders-2025042401');
    // and from that one to the next
    const next = planConnectorEdit(
      mysql,
      sampleRequest('debezium-mysql-source', {
        parameters: {
          ...current.parameters,
          version: '2025042401',
        },
      }),
      { version: '2025042402' },
    );
    if (next.errors) throw new Error(JSON.stringify(next.errors));
    expect(next.previousName).toBe('ordersmysql-shop-orders-2025042401');
    expect(next.plan.name).toBe('ordersmysql-shop-orders-2025042402');
  });

  it.each(['v', 'v1234', '202504', '20250424010', '2025-04-24', 'v1\n'])(
    'refuses the version %p, naming the field',
    version => {
      const result = planConnectorEdit(mysql, current, { version });
      expect(result.errors?.map(e => e.field)).toContain('parameters.version');
    },
  );

  it('validates like creation and names the field', () => {
    const bad = planConnectorEdit(mysql, current, { tasksMax: 0 });
    expect(bad.errors?.map(e => e.field)).toContain('tasksMax');
    const badVersion = planConnectorEdit(mysql, current, {
      version: 'V 2!',
    });
    expect(badVersion.errors?.length).toBeGreaterThan(0);
  });

  it('refuses an empty change and a version on a blueprint without one', () => {
    expect(planConnectorEdit(mysql, current, {}).errors).toEqual([
      expect.objectContaining({ field: 'change' }),
    ]);
    const mm2 = loadBuiltIn('mirrormaker2-source');
    const result = planConnectorEdit(
      mm2,
      sampleRequest('mirrormaker2-source'),
      { version: 'v2' },
    );
    expect(result.errors).toEqual([
      expect.objectContaining({ field: 'version' }),
    ]);
  });
});

function planConnectorEditEntry(): Record<string, unknown> {
  const result = planConnectorEdit(mysql, current, { state: 'paused' });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  // the entry as it is before the change: undo the state change
  return { ...result.plan.valuesEntry, state: current.state ?? 'running' };
}
