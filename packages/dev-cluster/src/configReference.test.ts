import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import prettier from 'prettier';
import {
  readConfigKeys,
  renderConfigReference,
  withConfigReference,
} from './configReference';

/** Prettier pads Markdown table cells; the content is what must match. */
function normalizeTables(markdown: string): string {
  return markdown
    .split('\n')
    .map(line =>
      line.startsWith('|')
        ? line.replace(/\s*(?<!\\)\|\s*/g, '|').replace(/-{3,}/g, '---')
        : line,
    )
    .join('\n');
}

const repoRoot = path.resolve(__dirname, '../../..');
const packagesWithConfig = fs
  .readdirSync(path.join(repoRoot, 'plugins'))
  .map(name => path.join(repoRoot, 'plugins', name))
  .filter(dir => fs.existsSync(path.join(dir, 'config.d.ts')));

describe('config reference in each README', () => {
  it('finds the packages that declare configuration', () => {
    expect(packagesWithConfig.length).toBeGreaterThanOrEqual(4);
  });

  it('declares each key in one package only (the one that reads it)', () => {
    const declaredBy = new Map<string, string[]>();
    for (const dir of packagesWithConfig) {
      for (const { key } of readConfigKeys(path.join(dir, 'config.d.ts'))) {
        declaredBy.set(key, [
          ...(declaredBy.get(key) ?? []),
          path.basename(dir),
        ]);
      }
    }
    const twice = [...declaredBy].filter(([, dirs]) => dirs.length > 1);
    expect(declaredBy.size).toBeGreaterThan(0);
    expect(twice).toEqual([]);
  });

  it.each(packagesWithConfig.map(dir => [path.basename(dir), dir]))(
    "%s: the README's table is the one config.d.ts gives",
    (_name, dir) => {
      const readmePath = path.join(dir, 'README.md');
      const readme = fs.readFileSync(readmePath, 'utf8');
      const section = renderConfigReference(
        readConfigKeys(path.join(dir, 'config.d.ts')),
      );
      const expected = withConfigReference(readme, section);
      if (expected === undefined) {
        throw new Error(
          `${readmePath} has no config-reference markers; add them under a "Configuration" heading`,
        );
      }
      if (process.env.KC_WRITE_CONFIG_REFERENCE && expected !== readme) {
        // Written as the formatting check wants it.
        fs.writeFileSync(
          readmePath,
          prettier.format(expected, {
            ...prettier.resolveConfig.sync(readmePath),
            filepath: readmePath,
          }),
        );
        return;
      }
      expect(normalizeTables(readme)).toBe(normalizeTables(expected));
    },
  );
});

describe('readConfigKeys', () => {
  it('lists leaf keys with list items, types, required marks, descriptions and visibility', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-config-'));
    const file = path.join(dir, 'config.d.ts');
    fs.writeFileSync(
      file,
      `export interface Config {
  a?: {
    /** Things,
     * one per line. */
    things?: Array<{
      /** Its name. */
      name: string;
      /**
       * A token.
       * @visibility secret
       */
      token?: string;
    }>;
    /** Owners by namespace. */
    owners?: { [namespace: string]: string };
    /** @visibility frontend */
    seconds?: number;
  };
}
`,
    );
    try {
      expect(readConfigKeys(file)).toEqual([
        {
          key: 'a.things[].name',
          type: 'string',
          required: true,
          description: 'Its name.',
          visibility: 'backend',
        },
        {
          key: 'a.things[].token',
          type: 'string',
          required: false,
          description: 'A token.',
          visibility: 'secret',
        },
        {
          key: 'a.owners',
          type: '{ [namespace: string]: string }',
          required: false,
          description: 'Owners by namespace.',
          visibility: 'backend',
        },
        {
          key: 'a.seconds',
          type: 'number',
          required: false,
          description: '',
          visibility: 'frontend',
        },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});
