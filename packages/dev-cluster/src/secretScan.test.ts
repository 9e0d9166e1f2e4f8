import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { plantedSecretsFor, plantedSecretValue } from './plantedSecrets';
import { sampleData } from './samples';
import { scanForPlantedSecrets } from './secretScan';

describe('planted secrets', () => {
  it('plants a value for every config-provider reference of the sample connectors', () => {
    const secrets = sampleData('eu-1').filter(item => item.kind === 'Secret');
    const references = [
      ...JSON.stringify(sampleData('eu-1')).matchAll(
        /\$\{secrets:([^/]+)\/([^:]+):([^}]+)\}/g,
      ),
    ];
    expect(references.length).toBeGreaterThan(5);
    for (const [, namespace, name, key] of references) {
      const secret = secrets.find(
        item =>
          item.metadata.namespace === namespace && item.metadata.name === name,
      );
      expect(secret?.stringData[key]).toBe(
        plantedSecretValue(namespace, name, key),
      );
    }
  });

  it('keeps the planted values out of the connector manifests themselves', () => {
    const connectors = sampleData('eu-1').filter(
      item => item.kind !== 'Secret',
    );
    expect(JSON.stringify(connectors)).not.toContain('kcs-planted-secret');
    expect(plantedSecretsFor([{ config: 'no references' }])).toEqual([]);
  });
});

describe('scanForPlantedSecrets', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-scan-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds planted values, literal or base64-encoded, with file and line, and passes clean output', () => {
    const value = plantedSecretValue('orders', 'shop-mysql', 'password');
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(
      path.join(dir, 'logs', 'clean.log'),
      'all good\n${secrets:orders/shop-mysql:password}\n',
    );
    expect(scanForPlantedSecrets([dir])).toEqual({ filesScanned: 1, hits: [] });

    fs.writeFileSync(
      path.join(dir, 'logs', 'leaky.log'),
      `one\ntwo password=${value}\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'responses.jsonl'),
      JSON.stringify({
        data: { password: Buffer.from(value).toString('base64') },
      }),
    );
    const { filesScanned, hits } = scanForPlantedSecrets([
      dir,
      path.join(dir, 'missing'),
    ]);
    expect(filesScanned).toBe(3);
    expect(hits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: path.join(dir, 'logs', 'leaky.log'),
          line: 2,
          form: 'literal',
        }),
        expect.objectContaining({
          file: path.join(dir, 'responses.jsonl'),
          line: 1,
          form: 'base64',
        }),
      ]),
    );
    expect(hits).toHaveLength(2);
  });
});
