import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { parseDocument } from 'yaml';
import { changeValuesEntry } from './changeValuesEntry';

const dir = path.join(__dirname, '__fixtures__/values');
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

/** Lines of `after` that differ from `before`, by line number. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  return b.filter((line, index) => a[index] !== line);
}

describe('changeValuesEntry golden files', () => {
  const input = read('comments-anchors.input.yaml');

  it('scales tasksMax and pauses an entry in place', () => {
    const output = changeValuesEntry(
      input,
      ['connectors'],
      'orderspostgres-billing-invoices-v2',
      { tasksMax: 5, state: 'paused' },
    );
    expect(output).toBe(read('change-scale.golden.yaml'));
    const values = parseDocument(output, { merge: true }).toJS();
    expect(values.connectors[1]).toMatchObject({
      name: 'orderspostgres-billing-invoices-v2',
      tasksMax: 5,
      state: 'paused',
    });
    // the first entry and the comments are untouched
    expect(values.connectors[0].name).toBe('ordersmysql-shop-orders-v1');
    expect(output).toContain('# The first CDC pipeline.');
    expect(output).toContain('# Keep this last: monitoring settings.');
  });

  it('rolls a version: only the name and the changed config key differ', () => {
    const output = changeValuesEntry(
      input,
      ['connectors'],
      'ordersmysql-shop-orders-v1',
      {
        name: 'ordersmysql-shop-orders-2025042401',
        config: { 'topic.prefix': 'ordersmysql2' },
      },
    );
    expect(output).toBe(read('change-roll.golden.yaml'));
    expect(changedLines(input, output)).toEqual([
      '  - name: ordersmysql-shop-orders-2025042401',
      '      topic.prefix: ordersmysql2 # keep in sync with the topics',
    ]);
  });

  it('changes an existing scalar keeping its quoting', () => {
    const text = 'connectors:\n  - name: a\n    tasksMax: 2 # busy\n';
    expect(changeValuesEntry(text, ['connectors'], 'a', { tasksMax: 5 })).toBe(
      'connectors:\n  - name: a\n    tasksMax: 5 # busy\n',
    );
  });

  it('removes a key given as undefined', () => {
    const text =
      'connectors:\n  - name: a\n    state: paused\n    tasksMax: 2\n';
    expect(
      changeValuesEntry(text, ['connectors'], 'a', { state: undefined }),
    ).toBe('connectors:\n  - name: a\n    tasksMax: 2\n');
  });

  it('refuses a missing entry or list naming it', () => {
    expect(() =>
      changeValuesEntry(input, ['connectors'], 'nope', { tasksMax: 2 }),
    ).toThrow(/no entry named 'nope' under 'connectors'/);
    expect(() =>
      changeValuesEntry(input, ['kafka', 'connectors'], 'nope', {}),
    ).toThrow(InputError);
    expect(() =>
      changeValuesEntry('a: [', ['connectors'], 'x', {}, { file: 'v.yaml' }),
    ).toThrow(/^v\.yaml is not valid YAML: [^\n]+; fix the file first$/);
  });
});
