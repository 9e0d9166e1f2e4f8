import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { appendByLines } from './appendByLines';

const dir = path.join(__dirname, '__fixtures__/values');
const entry = { name: 'new-one', tasksMax: 1, config: { 'a.b': 'c' } };
const append = (text: string, at: string[] = ['connectors']) =>
  appendByLines(text, at, entry, 'name', 'values.yaml');
const js = (text: string) => parseDocument(text, { merge: true }).toJS();

describe('appendByLines', () => {
  it.each([
    ['comments-anchors', ['connectors']],
    ['odd-indentation', ['connectors']],
    ['nested-path', ['kafkaConnect', 'connectors']],
  ])(
    'handles %s and gives the same values as a YAML document would',
    (name, at) => {
      const input = fs.readFileSync(
        path.join(dir, `${name}.input.yaml`),
        'utf8',
      );
      const output = append(input, at);
      expect(output).toBeDefined();
      const expected = js(input);
      let list = expected;
      for (const key of at) list = list[key];
      list.push(entry);
      expect(js(output!)).toEqual(expected);
    },
  );

  it.each([
    ['a flow list', 'connectors: []\n'],
    ['a list on the key line with an anchor', 'connectors: &c\n  - name: a\n'],
    ['tabs', 'connectors:\n\t- name: a\n'],
    ['several documents', '---\nconnectors:\n  - name: a\n'],
    ['a name with an alias', 'connectors:\n  - name: *n\n'],
    ['a name with escapes', 'connectors:\n  - name: "a\\"b"\n'],
    ['a missing list', 'other: 1\n'],
    ['a scalar at the key', 'connectors: none\n'],
    ['a map at the key', 'connectors:\n  a: 1\n'],
    [
      'items with different gaps after the dash',
      'connectors:\n  - name: a\n  -   name: b\n',
    ],
  ])('leaves %s to the YAML document path', (_title, text) => {
    expect(append(text)).toBeUndefined();
  });

  it('finds duplicates however the name is quoted or placed', () => {
    for (const text of [
      'connectors:\n  - name: new-one\n',
      'connectors:\n  - name: "new-one" # quoted\n',
      "connectors:\n  - class: x\n    name: 'new-one'\n",
      'connectors:\n- name: new-one\n',
    ]) {
      expect(() => append(text)).toThrow(
        /already has an entry named 'new-one'/,
      );
    }
  });

  it('does not take a nested name for an entry name', () => {
    const text = 'connectors:\n  - name: a\n    config:\n      name: new-one\n';
    expect(js(append(text)!).connectors.map((c: any) => c.name)).toEqual([
      'a',
      'new-one',
    ]);
  });

  it('puts the entry before comments and keys that follow the list', () => {
    expect(append('connectors:\n  - name: a\n\n# next\nother: 1\n')).toBe(
      'connectors:\n  - name: a\n  - name: new-one\n    tasksMax: 1\n    config:\n      a.b: c\n\n# next\nother: 1\n',
    );
  });
});
