import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PLANTED_SECRET_PREFIX } from '../plantedSecrets';
import {
  writePostgresInstances,
  writeSecretManagerInstance,
} from './secretManager';

describe('secretManager instances of the local workers', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-secret-manager-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const read = (instance: string, key: string) =>
    fs.readFileSync(path.join(dir, instance, key), 'utf8');
  const mode = (...parts: string[]) =>
    fs.statSync(path.join(dir, ...parts)).mode & 0o777;

  it('writes HOST, PORT, USER and PASSWORD of a PostgreSQL URL for each instance, readable by the owner only', () => {
    writePostgresInstances(
      dir,
      'postgresql://dbz:s%40cret@127.0.0.1:5433/shop',
      ['shop', 'warehouse'],
    );
    for (const instance of ['shop', 'warehouse']) {
      // Whole files are the values: a trailing newline would break PORT.
      expect(read(instance, 'HOST')).toBe('127.0.0.1');
      expect(read(instance, 'PORT')).toBe('5433');
      expect(read(instance, 'USER')).toBe('dbz');
      expect(read(instance, 'PASSWORD')).toBe('s@cret');
      expect(mode(instance)).toBe(0o700);
      expect(mode(instance, 'PASSWORD')).toBe(0o600);
      expect(mode(instance, 'HOST')).toBe(0o600);
    }
  });

  it('plants a password when the URL has none (the local servers trust loopback), and tightens files written before', () => {
    fs.mkdirSync(path.join(dir, 'shop'), { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'shop', 'PORT'), '1\n', { mode: 0o644 });
    writePostgresInstances(dir, 'postgresql://postgres@127.0.0.1:6000', [
      'shop',
    ]);
    expect(read('shop', 'PASSWORD').startsWith(PLANTED_SECRET_PREFIX)).toBe(
      true,
    );
    expect(read('shop', 'PORT')).toBe('6000');
    expect(mode('shop')).toBe(0o700);
    expect(mode('shop', 'PORT')).toBe(0o600);
  });

  it('refuses an instance name that is not a blueprint instance, so nothing lands outside the folder', () => {
    const workerDir = dir;
    for (const instance of ['../etc', 'Shop', '', 'a/b']) {
      expect(() =>
        writeSecretManagerInstance(workerDir, instance, { HOST: 'x' }),
      ).toThrow(`secretManager instance '${instance}' must match`);
    }
    expect(fs.readdirSync(workerDir)).toEqual([]);
  });
});
