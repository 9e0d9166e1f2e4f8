import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { parseDocument } from 'yaml';
import { appendValuesEntry, findValuesEntry } from './valuesFile';

const dir = path.join(__dirname, '__fixtures__/values');
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

const entry = {
  name: 'catalogmongo-products-items-v1',
  class: 'io.debezium.connector.mongodb.MongoDbConnector',
  tasksMax: 1,
  config: {
    'mongodb.password': '${secretManager:catalog:PASSWORD}',
    'topic.prefix': 'catalogmongo',
  },
};

describe('appendValuesEntry golden files', () => {
  it.each([
    ['comments-anchors', ['connectors']],
    ['odd-indentation', ['connectors']],
    ['nested-path', ['kafkaConnect', 'connectors']],
    ['missing-list', ['connectors']],
    ['flow-list', ['connectors']],
  ])('%s', (name, valuesPath) => {
    const input = read(`${name}.input.yaml`);
    const output = appendValuesEntry(input, valuesPath, entry);
    expect(output).toBe(read(`${name}.golden.yaml`));
    // the result is valid YAML with the entry last in the list
    const doc = parseDocument(output, { merge: true });
    expect(doc.errors).toEqual([]);
    let list: any = doc.toJS();
    for (const key of valuesPath) list = list[key];
    expect(list.at(-1)).toEqual(entry);
    // every line of the input that was not touched is still there, in order
    const kept = input.split('\n').filter(line => output.includes(line));
    expect(kept).toEqual(input.split('\n').filter(line => !/\[\]/.test(line)));
  });

  it('keeps anchors and merge keys of the earlier entries working', () => {
    const output = appendValuesEntry(
      read('comments-anchors.input.yaml'),
      ['connectors'],
      entry,
    );
    const values = parseDocument(output, { merge: true }).toJS() as {
      connectors: Array<Record<string, unknown>>;
    };
    expect(values.connectors[0]).toMatchObject({
      tasksMax: 1,
      state: 'running',
    });
    expect(values.connectors).toHaveLength(3);
  });

  it('creates the file contents when the values file is empty', () => {
    expect(appendValuesEntry('', ['connectors'], { name: 'a' })).toBe(
      'connectors:\n  - name: a\n',
    );
  });
});

describe('values file errors', () => {
  const input = read('comments-anchors.input.yaml');

  it('refuses a duplicate name', () => {
    expect(() =>
      appendValuesEntry(input, ['connectors'], {
        name: 'orderspostgres-billing-invoices-v2',
      }),
    ).toThrow(
      new InputError(
        "values file already has an entry named 'orderspostgres-billing-invoices-v2' under 'connectors'; choose another name or change that entry",
      ),
    );
  });

  it('refuses a path that is not a list', () => {
    expect(() =>
      appendValuesEntry(input, ['connect'], entry, { file: 'values.yaml' }),
    ).toThrow(/values.yaml: 'connect' is not a list/);
  });

  it('refuses a file that is not YAML', () => {
    expect(() => appendValuesEntry('a: [', ['connectors'], entry)).toThrow(
      /values file is not valid YAML/,
    );
  });

  it('says where a file is not YAML in one line, without quoting the file', () => {
    const text = 'safe: 1\nkey: [unclosed password-like\n';
    const error = (() => {
      try {
        appendValuesEntry(text, ['connectors'], entry, { file: 'v.yaml' });
        return undefined;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toMatch(
      /^v\.yaml is not valid YAML: .+ at line \d+, column \d+; fix the file first$/,
    );
    expect(error!.message).not.toMatch(/\n|unclosed/);
  });

  it('refuses a document that is not a map', () => {
    expect(() =>
      appendValuesEntry('- a\n- b\n', ['connectors'], entry),
    ).toThrow(/not a map of values/);
  });
});

describe('findValuesEntry', () => {
  const input = read('comments-anchors.input.yaml');

  it('finds an entry by name', () => {
    expect(
      findValuesEntry(
        input,
        ['connectors'],
        'orderspostgres-billing-invoices-v2',
      ),
    ).toBe(1);
    expect(findValuesEntry(input, ['connectors'], 'nope')).toBe(-1);
    expect(findValuesEntry(input, ['missing'], 'nope')).toBe(-1);
  });
});
