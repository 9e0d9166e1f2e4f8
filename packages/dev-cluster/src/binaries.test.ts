import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBinaries, requireBinaries } from './binaries';

function folderWith(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bin-test-'));
  for (const file of files) {
    fs.writeFileSync(path.join(dir, file), '#!/bin/sh\n', { mode: 0o755 });
  }
  return dir;
}

describe('findBinaries', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('uses KUBEBUILDER_ASSETS when it holds both programs', () => {
    const dir = folderWith(['kube-apiserver', 'etcd']);
    process.env.KUBEBUILDER_ASSETS = dir;
    expect(findBinaries()).toEqual({
      kubeApiServer: path.join(dir, 'kube-apiserver'),
      etcd: path.join(dir, 'etcd'),
      source: 'KUBEBUILDER_ASSETS',
    });
  });

  it('names the missing program when KUBEBUILDER_ASSETS is incomplete', () => {
    process.env.KUBEBUILDER_ASSETS = folderWith(['kube-apiserver']);
    expect(() => findBinaries()).toThrow(/lacks etcd/);
  });

  it('finds binaries in the version-keyed cache', () => {
    delete process.env.KUBEBUILDER_ASSETS;
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-cache-test-'));
    process.env.KC_BINARY_CACHE = cache;
    expect(findBinaries()).toBeUndefined();
    expect(() => requireBinaries()).toThrow(/yarn dev-cluster build-binaries/);
  });

  it('ignores cached files that are not executable', () => {
    delete process.env.KUBEBUILDER_ASSETS;
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-cache-test-'));
    process.env.KC_BINARY_CACHE = cache;
    const { binaryCacheDir } = jest.requireActual('./paths');
    const dir = binaryCacheDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'kube-apiserver'), '', { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'etcd'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findBinaries()).toBeUndefined();
    fs.chmodSync(path.join(dir, 'kube-apiserver'), 0o755);
    expect(findBinaries()?.source).toBe('cache');
  });
});
