import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlueprintRegistry, builtInBlueprintDir } from './BlueprintRegistry';

function logger() {
  return {
    error: jest.fn(),
    warn: jest.fn(),
    info: jest.fn(),
    debug: jest.fn(),
    child: jest.fn(),
  };
}

describe('BlueprintRegistry', () => {
  it('loads the six built-ins from the common package', () => {
    expect(BlueprintRegistry.load([]).ids()).toEqual([
      'bigquery-sink',
      'debezium-mongodb-source',
      'debezium-mysql-source',
      'debezium-postgres-source',
      'http-sink',
      'mirrormaker2-source',
    ]);
  });

  it('adds and overrides from locations, reports a broken file with file and field, and keeps the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-blueprints-'));
    const mysql = fs.readFileSync(
      path.join(builtInBlueprintDir(), 'debezium-mysql-source.yaml'),
      'utf8',
    );
    fs.writeFileSync(
      path.join(dir, 'a-override.yaml'),
      mysql.replace('tasksMax: 1', 'tasksMax: 3'),
    );
    fs.writeFileSync(
      path.join(dir, 'b-oracle.yaml'),
      mysql.replace('id: debezium-mysql-source', 'id: oracle-source'),
    );
    fs.writeFileSync(
      path.join(dir, 'c-broken.yaml'),
      mysql.replace('type: source', 'type: sideways'),
    );
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a blueprint');
    const log = logger();
    const registry = BlueprintRegistry.load(
      [dir, path.join(dir, 'missing')],
      log as any,
    );
    expect(registry.ids()).toContain('oracle-source');
    expect(registry.ids()).toHaveLength(7);
    expect(registry.get('debezium-mysql-source')!.defaults.tasksMax).toBe(3);
    expect(registry.problems).toEqual([
      expect.objectContaining({
        source: path.join(dir, 'missing'),
        field: '(file)',
      }),
      expect.objectContaining({
        source: path.join(dir, 'c-broken.yaml'),
        field: 'connector.type',
      }),
    ]);
    expect(log.error).toHaveBeenCalledWith(
      expect.stringMatching(
        /c-broken\.yaml: connector\.type must be equal to one of the allowed values; the blueprint is skipped/,
      ),
    );
  });
});
