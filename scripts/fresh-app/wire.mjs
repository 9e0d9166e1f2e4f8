#!/usr/bin/env node
// Wires the suite's packed packages into an app fresh from @backstage/create-app
// the way the packages' READMEs tell an adopter to: the `yarn --cwd <workspace>
// add` lines and the `backend.add(...)` lines are read from the READMEs'
// install sections, so a README that drifts from what works fails this proof.
//
// Usage: node scripts/fresh-app/wire.mjs <app-dir> <tarball-dir> <cluster-config.yaml> <ports: app,backend>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const [appDir, tarballDir, clusterConfigFile, ports = '3100,7107'] =
  process.argv.slice(2);
if (!appDir || !tarballDir || !clusterConfigFile) {
  console.error(
    'usage: wire.mjs <app-dir> <tarball-dir> <cluster-config.yaml> [app-port,backend-port]',
  );
  process.exit(2);
}
const [appPort, backendPort] = ports.split(',');

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
const fail = message => {
  console.error(`fresh app: ${message}`);
  process.exit(1);
};

const packageDirs = fs
  .readdirSync(path.join(repoRoot, 'plugins'))
  .map(dir => path.join(repoRoot, 'plugins', dir))
  .filter(dir => fs.existsSync(path.join(dir, 'package.json')));
const packages = packageDirs.map(dir => {
  const manifest = readJson(path.join(dir, 'package.json'));
  const tarball = path.join(
    tarballDir,
    `${manifest.name.replace('/', '-')}-${manifest.version}.tgz`,
  );
  if (!fs.existsSync(tarball))
    fail(`no tarball ${tarball}; run scripts/pack-all.sh ${tarballDir}`);
  const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
  return { name: manifest.name, version: manifest.version, tarball, readme };
});

// What each README's install section says: which workspace gets the package,
// which lines go into the backend.
const installs = []; // { workspace, name }
const backendLines = new Set();
for (const { name, readme } of packages) {
  for (const match of readme.matchAll(
    /^yarn --cwd (packages\/\w+) add (\S+)$/gm,
  )) {
    if (match[2] === name) installs.push({ workspace: match[1], name });
  }
  for (const match of readme.matchAll(
    /^backend\.add\(import\('(@kcs\/[^']+)'\)\);$/gm,
  )) {
    if (match[1] === name) backendLines.add(match[0]);
  }
}
for (const { name } of packages) {
  if (!installs.some(install => install.name === name)) {
    fail(
      `the README of ${name} has no 'yarn --cwd packages/<workspace> add ${name}' line`,
    );
  }
}

// Root manifest: the registry here lacks some platform builds (see the
// project's ENVIRONMENT notes), and the @kcs packages come from the tarballs
// this run packed, standing in for a release on the registry.
const rootManifestFile = path.join(appDir, 'package.json');
const rootManifest = readJson(rootManifestFile);
rootManifest.resolutions = {
  ...rootManifest.resolutions,
  // Newest @swc/core, unrs-resolver and rollup lack platform packages here.
  '@swc/core': '1.16.18',
  'unrs-resolver': '1.12.2',
  rollup: '4.67.4',
  // 4.9.2 was published with a patch: dependency on a missing local file.
  '@yarnpkg/core': '4.9.1',
  // better-sqlite3 12 can neither fetch a prebuilt binary nor build here.
  'better-sqlite3': '^13.0.0',
  ...Object.fromEntries(packages.map(p => [p.name, `file:${p.tarball}`])),
};
// 13.x ships a linux-x64 binary; node-gyp over it would need Node headers.
rootManifest.dependenciesMeta = {
  ...rootManifest.dependenciesMeta,
  'better-sqlite3': { built: false },
};
writeJson(rootManifestFile, rootManifest);

for (const { workspace, name } of installs) {
  const manifestFile = path.join(appDir, workspace, 'package.json');
  const manifest = readJson(manifestFile);
  const { version } = packages.find(p => p.name === name);
  manifest.dependencies[name] = `^${version}`;
  if (workspace === 'packages/backend') {
    // create-app 0.9's template pins 0.18, whose router lacks what its own
    // signals plugin needs at start.
    manifest.dependencies['@backstage/backend-defaults'] = '^0.19.0';
    manifest.dependencies['better-sqlite3'] = '^13.0.0';
  }
  writeJson(manifestFile, manifest);
}

// .yarnrc.yml: the scope line the backend README asks for.
const yarnrcFile = path.join(appDir, '.yarnrc.yml');
const yarnrc = YAML.parseDocument(fs.readFileSync(yarnrcFile, 'utf8'));
const preapproved =
  yarnrc.get('npmPreapprovedPackages') ?? yarnrc.createNode([]);
if (!preapproved.items.some(item => String(item.value ?? item) === '@kcs/*')) {
  preapproved.add('@kcs/*');
}
yarnrc.set('npmPreapprovedPackages', preapproved);
fs.writeFileSync(yarnrcFile, yarnrc.toString());

// Backend: the README lines, before backend.start().
const backendIndexFile = path.join(appDir, 'packages/backend/src/index.ts');
const backendIndex = fs.readFileSync(backendIndexFile, 'utf8');
if (!backendIndex.includes('backend.start();'))
  fail('packages/backend/src/index.ts has no backend.start()');
fs.writeFileSync(
  backendIndexFile,
  backendIndex.replace(
    'backend.start();',
    `// Kafka Connect suite, as its READMEs say\n${[...backendLines].join(
      '\n',
    )}\n\nbackend.start();`,
  ),
);

// Config: the Kubernetes plugin's clusters only (the backend README says they
// are reused), the templates' location from the scaffolder module's README,
// this proof's catalog entity and its ports.
const clusterConfig = YAML.parse(fs.readFileSync(clusterConfigFile, 'utf8'));
const templatesLocation = packages
  .map(p =>
    p.readme.match(
      /target: (\.\.\/\.\.\/node_modules\/@kcs\/[^\s]+\/templates\/all\.yaml)/,
    ),
  )
  .find(Boolean);
if (!templatesLocation)
  fail(
    'no README names the templates location (node_modules/@kcs/.../templates/all.yaml)',
  );
const appConfig = YAML.parse(
  fs.readFileSync(path.join(appDir, 'app-config.yaml'), 'utf8'),
);
const freshConfig = {
  app: {
    baseUrl: `http://localhost:${appPort}`,
    listen: { host: '127.0.0.1', port: Number(appPort) },
  },
  backend: {
    baseUrl: `http://localhost:${backendPort}`,
    listen: { host: '127.0.0.1', port: Number(backendPort) },
    cors: { origin: `http://localhost:${appPort}` },
    database: { client: 'better-sqlite3', connection: ':memory:' },
  },
  kubernetes: clusterConfig.kubernetes,
  catalog: {
    ...appConfig.catalog,
    rules: [
      {
        allow: [
          'Component',
          'System',
          'API',
          'Resource',
          'Location',
          'Group',
          'User',
        ],
      },
    ],
    locations: [
      ...appConfig.catalog.locations,
      {
        type: 'file',
        target: path.join(repoRoot, 'scripts/fresh-app/catalog-info.yaml'),
      },
      {
        type: 'file',
        target: templatesLocation[1],
        rules: [{ allow: ['Template', 'Location'] }],
      },
    ],
  },
};
if (!freshConfig.kubernetes)
  fail(`${clusterConfigFile} has no kubernetes section`);
fs.writeFileSync(
  path.join(appDir, 'app-config.local.yaml'),
  `# Written by scripts/fresh-app/wire.mjs\n${YAML.stringify(freshConfig)}`,
);

console.log(
  `wired ${packages.length} packages: ${installs
    .map(i => `${i.name} -> ${i.workspace}`)
    .join(', ')}; backend lines: ${backendLines.size}`,
);
