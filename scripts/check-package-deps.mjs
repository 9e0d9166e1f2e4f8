#!/usr/bin/env node
// Fails when a published package imports a package it does not declare.
// Shipped code (src without tests) and the type declarations `yarn tsc` wrote
// to dist-types must resolve through dependencies or peerDependencies: an
// adopter's install has no devDependencies and no hoisting from this repo.
// Test files may also use devDependencies. Run after `yarn tsc`.
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));

const importPatterns = [
  /\bfrom\s+['"]([^'"]+)['"]/g,
  /\bimport\s+['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\/\/\/\s*<reference\s+types=['"]([^'"]+)['"]/g,
];

function packageNameOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  if (builtins.has(specifier) || builtins.has(specifier.split('/')[0])) {
    return undefined;
  }
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isTestFile(path) {
  return (
    /\.test\.tsx?$/.test(path) ||
    /\.test\.d\.ts$/.test(path) ||
    /(^|\/)(__testUtils__|__fixtures__|__mocks__)\//.test(path) ||
    /(^|\/)setupTests\.(ts|d\.ts)$/.test(path)
  );
}

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(tsx?|mts|cts|js|mjs|cjs)$/.test(entry)) yield path;
  }
}

function importsOf(file) {
  // Comments are dropped first so that examples in doc comments do not count.
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/(?!\/\s*<reference).*$/gm, '');
  const names = new Set();
  for (const pattern of importPatterns) {
    for (const match of text.matchAll(pattern)) {
      const name = packageNameOf(match[1]);
      if (name) names.add(name);
    }
  }
  return names;
}

function declares(declared, name) {
  if (declared.has(name)) return true;
  // Type-only imports of an untyped package resolve through DefinitelyTyped.
  const typesName = name.startsWith('@')
    ? `@types/${name.slice(1).replace('/', '__')}`
    : `@types/${name}`;
  return declared.has(typesName);
}

const problems = [];
const pluginsDir = join(root, 'plugins');
for (const dirName of readdirSync(pluginsDir).sort()) {
  const packageDir = join(pluginsDir, dirName);
  const manifestPath = join(packageDir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) continue;
  const shipped = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  const forTests = new Set([
    ...shipped,
    ...Object.keys(manifest.devDependencies ?? {}),
  ]);

  const typesDir = join(root, 'dist-types', 'plugins', dirName, 'src');
  if (!existsSync(typesDir)) {
    problems.push(
      `${manifest.name}: no type declarations in ${relative(
        root,
        typesDir,
      )}; run \`yarn tsc\` first`,
    );
  }
  const sources = [
    ...[...walk(join(packageDir, 'src'))].map(file => ({ file, kind: 'src' })),
    ...[...walk(typesDir)].map(file => ({ file, kind: 'dist-types' })),
  ];
  for (const { file, kind } of sources) {
    const test = isTestFile(file);
    const allowed = test ? forTests : shipped;
    for (const name of importsOf(file)) {
      if (name === manifest.name || declares(allowed, name)) continue;
      const where = test ? 'devDependencies' : 'dependencies';
      problems.push(
        `${manifest.name}: ${relative(
          root,
          file,
        )} (${kind}) imports '${name}', which is not in its ${where}; add it to plugins/${dirName}/package.json`,
      );
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} undeclared import(s)`);
  process.exit(1);
}
console.log('every import of the published packages is declared');
