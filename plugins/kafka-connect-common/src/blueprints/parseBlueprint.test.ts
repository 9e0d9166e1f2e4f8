import fs from 'node:fs';
import path from 'node:path';
import { mergeBlueprints, parseBlueprint } from './parseBlueprint';
import { BUILT_IN_DIR } from './__fixtures__/builtIns';

const builtInFiles = fs
  .readdirSync(BUILT_IN_DIR)
  .filter(file => file.endsWith('.yaml'))
  .map(file => ({
    source: path.join(BUILT_IN_DIR, file),
    text: fs.readFileSync(path.join(BUILT_IN_DIR, file), 'utf8'),
  }));

const mysql = builtInFiles.find(f =>
  f.source.endsWith('debezium-mysql-source.yaml'),
)!.text;

describe('parseBlueprint', () => {
  it('accepts the six built-in blueprints, each named after its file', () => {
    const { blueprints, problems } = mergeBlueprints(builtInFiles);
    expect(problems).toEqual([]);
    expect([...blueprints.keys()].sort()).toEqual([
      'bigquery-sink',
      'debezium-mongodb-source',
      'debezium-mysql-source',
      'debezium-postgres-source',
      'http-sink',
      'mirrormaker2-source',
    ]);
    for (const [id, { source }] of blueprints) {
      expect(path.basename(source)).toBe(`${id}.yaml`);
    }
  });

  it.each([
    ['not YAML', 'id: [unclosed', '(file)', /not YAML/],
    [
      'a missing field',
      mysql.replace(/^naming:.*$/m, ''),
      'naming',
      /required/,
    ],
    [
      'a bad id',
      mysql.replace('id: debezium-mysql-source', 'id: Bad_Id'),
      'id',
      /pattern/,
    ],
    [
      'a bad connector type',
      mysql.replace('type: source', 'type: both'),
      'connector.type',
      /allowed/,
    ],
    [
      'tasksMax out of range',
      mysql.replace('tasksMax: 1', 'tasksMax: 0'),
      'defaults.tasksMax',
      />= 1/,
    ],
    [
      'an unknown placeholder',
      mysql.replace("'{{database}}.{{table}}'", "'{{databse}}.{{table}}'"),
      'config.table.include.list',
      /unknown placeholder '\{\{databse\}\}'/,
    ],
    [
      'a name placeholder in the naming rule',
      mysql.replace("naming: '{{instance}}", "naming: '{{name}}"),
      'naming',
      /unknown placeholder/,
    ],
    [
      'a secret that is not a reference',
      mysql.replace(
        "database.password: '${secretManager:{{instance}}:PASSWORD}'",
        'database.password: hunter2',
      ),
      'secrets.database.password',
      /pattern/,
    ],
    [
      'a secret also in config',
      mysql.replace(
        'snapshot.locking.mode: minimal',
        "database.password: '${env:X}'",
      ),
      'secrets.database.password',
      /also set in config/,
    ],
    [
      'a required parameter that does not exist',
      mysql.replace('required: [instance,', 'required: [nothing, instance,'),
      'parameters.required',
      /nothing/,
    ],
    [
      'an unknown top-level key',
      `${mysql}\nextra: 1\n`,
      '(root)',
      /additional/,
    ],
  ])('reports %s with file and field', (_title, text, field, message) => {
    const result = parseBlueprint(text, 'custom/broken.yaml');
    expect(result.blueprint).toBeUndefined();
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'custom/broken.yaml',
          field,
          message: expect.stringMatching(message),
        }),
      ]),
    );
  });
});

describe('mergeBlueprints', () => {
  it('lets a later file override a built-in and keeps the others when one is broken', () => {
    const override = mysql.replace(
      'title: Debezium MySQL source',
      'title: Our MySQL CDC',
    );
    const { blueprints, problems } = mergeBlueprints([
      ...builtInFiles,
      { source: 'platform/mysql.yaml', text: override },
      { source: 'platform/broken.yaml', text: 'id: broken' },
    ]);
    expect(blueprints.size).toBe(6);
    expect(blueprints.get('debezium-mysql-source')).toMatchObject({
      source: 'platform/mysql.yaml',
      blueprint: { title: 'Our MySQL CDC' },
    });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every(p => p.source === 'platform/broken.yaml')).toBe(true);
  });
});
