#!/usr/bin/env node
// Checks the tarballs scripts/pack-all.sh wrote: each ships every entry of
// its `files` (dist with an entry point and declarations, config.d.ts when it
// has a config schema, blueprints, templates), nothing else besides the files
// npm always adds, no tests, and no `workspace:` ranges an adopter could not
// resolve. Usage: node scripts/check-packed-files.mjs <dir-with-tgz-files>
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: check-packed-files.mjs <dir-with-tgz-files>');
  process.exit(2);
}
const alwaysShipped = new Set(['package.json', 'README.md', 'CHANGELOG.md']);
const tarballs = readdirSync(dir).filter(file => file.endsWith('.tgz'));
const problems = [];
if (tarballs.length !== 6) {
  problems.push(`expected 6 tarballs in ${dir}, found ${tarballs.length}`);
}

for (const tarball of tarballs) {
  const path = join(dir, tarball);
  const entries = execFileSync('tar', ['-tzf', path], { encoding: 'utf8' })
    .split('\n')
    .filter(entry => entry && !entry.endsWith('/'))
    .map(entry => entry.replace(/^package\//, ''));
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', path, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const report = message => problems.push(`${manifest.name}: ${message}`);
  const files = manifest.files ?? [];

  for (const entry of files) {
    if (!entries.some(e => e === entry || e.startsWith(`${entry}/`))) {
      report(`'${entry}' is in files but not in the tarball`);
    }
  }
  for (const entry of entries) {
    const top = entry.split('/')[0];
    if (!alwaysShipped.has(entry) && !files.includes(top)) {
      report(`ships '${entry}', which its files do not list`);
    }
    if (/\.test\.|__fixtures__|__testUtils__|(^|\/)src\//.test(entry)) {
      report(`ships test or source file '${entry}'`);
    }
  }
  for (const required of ['package.json', 'README.md', 'dist/index.d.ts']) {
    if (!entries.includes(required)) report(`'${required}' is missing`);
  }
  if (!entries.some(e => /^dist\/index\.(cjs|esm)\.js$/.test(e))) {
    report('no dist/index.cjs.js or dist/index.esm.js entry point');
  }
  if (manifest.configSchema && !entries.includes(manifest.configSchema)) {
    report(`config schema '${manifest.configSchema}' is missing`);
  }
  for (const field of ['dependencies', 'peerDependencies']) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) {
        report(`${field}.${dep} is still '${range}' (prepack did not run)`);
      }
    }
  }
  // The software templates ship with the scaffolder module; adopters register
  // templates/all.yaml as a catalog location, so every target it names ships.
  if (manifest.name === '@kcs/plugin-scaffolder-backend-module-kafka-connect') {
    if (!entries.includes('templates/all.yaml')) {
      report("'templates/all.yaml' is missing");
    } else {
      const location = execFileSync(
        'tar',
        ['-xzOf', path, 'package/templates/all.yaml'],
        { encoding: 'utf8' },
      );
      const targets = [...location.matchAll(/^\s*-\s*\.\/(\S+)\s*$/gm)];
      if (targets.length === 0) report('templates/all.yaml names no targets');
      for (const [, target] of targets) {
        if (!entries.includes(`templates/${target}`)) {
          report(`templates/all.yaml names '${target}', which does not ship`);
        }
      }
    }
  }
  console.log(`${manifest.name}: ${entries.length} files`);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${tarballs.length} tarballs ship what their files list`);
