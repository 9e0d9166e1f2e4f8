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
