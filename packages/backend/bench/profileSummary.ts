/* eslint-disable no-console */
/**
 * Where a backend's CPU time went, from a V8 CPU profile (`--cpu-prof`, e.g.
 * KC_BENCH_CPU_PROF=<dir> on the multi-cluster benchmark): self time by
 * package, the functions with the most self time, and the inclusive time of
 * frames whose function or file matches each pattern given.
 *
 * Usage: node bench/profileSummary.ts <file.cpuprofile> [pattern...]
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, ...patterns] = process.argv.slice(2);
const profile: Profile = JSON.parse(fs.readFileSync(file, 'utf8'));

/** The package a script belongs to (`@scope/name`, `name`, or the repo's own folder). */
function packageOf(url: string): string {
  if (!url) {
    return '(native/V8)';
  }
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) {
    return inModules[1];
  }
  if (url.startsWith('node:')) {
    return 'node:*';
  }
  const own = /\/(plugins|packages)\/([^/]+)\//.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

const byId = new Map(profile.nodes.map(node => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) {
  for (const child of node.children ?? []) {
    parentOf.set(child, node.id);
  }
}
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const idleIds = new Set(
  profile.nodes
    .filter(node =>
      ['(idle)', '(program)'].includes(node.callFrame.functionName),
    )
    .map(node => node.id),
);
const busy =
  total - [...idleIds].reduce((sum, id) => sum + (selfUs.get(id) ?? 0), 0);

const add = (map: Map<string, number>, key: string, us: number) =>
  map.set(key, (map.get(key) ?? 0) + us);
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, us] of selfUs) {
  if (idleIds.has(id)) {
    continue;
  }
  const { callFrame } = byId.get(id)!;
  add(byPackage, packageOf(callFrame.url), us);
  add(
    byFunction,
    `${callFrame.functionName || '(anonymous)'} ${packageOf(callFrame.url)}:${
      callFrame.lineNumber + 1
    }`,
    us,
  );
}

const pct = (us: number) => `${((us / busy) * 100).toFixed(1)}%`;
const top = (map: Map<string, number>, count: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([key, us]) =>
        `  ${pct(us).padStart(6)}  ${(us / 1000)
          .toFixed(0)
          .padStart(7)} ms  ${key}`,
    )
    .join('\n');

console.log(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(
    1,
  )} s not idle (shares below are of that)`,
);
console.log(`self time by package:\n${top(byPackage, 25)}`);
console.log(`functions with the most self time:\n${top(byFunction, 30)}`);

// Inclusive time: a sample counts for a pattern when any frame on its stack matches (once per sample).
for (const pattern of patterns) {
  const regex = new RegExp(pattern);
  const matches = new Map<number, boolean>();
  const matchesOnStack = (id: number): boolean => {
    const known = matches.get(id);
    if (known !== undefined) {
      return known;
    }
    const { callFrame } = byId.get(id)!;
    const parent = parentOf.get(id);
    const result =
      regex.test(`${callFrame.functionName} ${callFrame.url}`) ||
      (parent !== undefined && matchesOnStack(parent));
    matches.set(id, result);
    return result;
  };
  let us = 0;
  for (const [id, self] of selfUs) {
    if (!idleIds.has(id) && matchesOnStack(id)) {
      us += self;
    }
  }
  console.log(
    `inclusive /${pattern}/: ${(us / 1000).toFixed(0)} ms, ${pct(us)}`,
  );
}
