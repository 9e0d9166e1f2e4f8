import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findHelm, requireHelm } from './helm';

describe('findHelm', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('uses KC_HELM when it is an executable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-helm-test-'));
    const file = path.join(dir, 'helm');
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    process.env.KC_HELM = file;
    expect(findHelm()).toBe(file);
  });

  it('names KC_HELM and the fix when it is not an executable', () => {
    process.env.KC_HELM = path.join(os.tmpdir(), 'no-such-helm');
    expect(() => findHelm()).toThrow(
      /KC_HELM=.*no-such-helm is not an executable file; point it at a helm binary/,
    );
  });

  it('says how to build helm when the cache is empty', () => {
    delete process.env.KC_HELM;
    process.env.KC_BINARY_CACHE = fs.mkdtempSync(
      path.join(os.tmpdir(), 'kc-helm-cache-'),
    );
    expect(findHelm()).toBeUndefined();
    expect(() => requireHelm()).toThrow(
      /helm v3\.22\.0 is not built yet .*run 'yarn dev-cluster build-binaries'/,
    );
  });
});
