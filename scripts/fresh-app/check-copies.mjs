#!/usr/bin/env node
// Fails when the suite brings a version of a Backstage library that nothing
// else in the app uses: a copy nested under an @kcs package is fine only if
// the app's own Backstage packages use that same version somewhere.
// Usage: node scripts/fresh-app/check-copies.mjs <app-dir>
import fs from 'node:fs';
import path from 'node:path';

const appDir = process.argv[2];
const copies = []; // { name, version, dir }
function scan(nodeModules) {
  if (!fs.existsSync(nodeModules)) return;
  for (const entry of fs.readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const dirs = entry.startsWith('@')
      ? fs
          .readdirSync(path.join(nodeModules, entry))
          .map(sub => path.join(nodeModules, entry, sub))
      : [path.join(nodeModules, entry)];
    for (const dir of dirs) {
      const manifestFile = path.join(dir, 'package.json');
      if (!fs.existsSync(manifestFile)) continue;
      const { name, version } = JSON.parse(
        fs.readFileSync(manifestFile, 'utf8'),
      );
      copies.push({ name, version, dir: path.relative(appDir, dir) });
      scan(path.join(dir, 'node_modules'));
    }
  }
}
scan(path.join(appDir, 'node_modules'));
for (const workspace of ['packages/app', 'packages/backend']) {
  scan(path.join(appDir, workspace, 'node_modules'));
}

const underSuite = copy => copy.dir.split(path.sep).includes('@kcs');
const problems = copies
  .filter(copy => copy.name?.startsWith('@backstage/') && underSuite(copy))
  .filter(
    copy =>
      !copies.some(
        other =>
          !underSuite(other) &&
          other.name === copy.name &&
          other.version === copy.version,
      ),
  )
  .map(copy => {
    const appVersions = [
      ...new Set(
        copies
          .filter(o => o.name === copy.name && !underSuite(o))
          .map(o => o.version),
      ),
    ];
    return `${copy.dir}: ${copy.version}, the app uses ${
      appVersions.join(', ') || 'none'
    }`;
  });
if (problems.length > 0) {
  console.error(
    `The suite brings Backstage library versions the app does not use (its ranges differ from the app's):\n${problems.join(
      '\n',
    )}`,
  );
  process.exit(1);
}
const nested = copies.filter(
  copy => copy.name?.startsWith('@backstage/') && underSuite(copy),
);
console.log(
  `Backstage libraries: the suite uses the app's versions (${
    copies.filter(c => c.name?.startsWith('@backstage/')).length
  } copies scanned, ${
    nested.length
  } nested under the suite's packages, each a version the app's own plugins use too)`,
);
