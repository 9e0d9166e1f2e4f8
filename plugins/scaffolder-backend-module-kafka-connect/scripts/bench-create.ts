/* eslint-disable no-console */
/**
 * Benchmark of the values-file work of the scaffolder actions on a Helm values
 * file that already holds N entries (default 2,000):
 *
 * 1. create: render and validate a connector from a blueprint, then append it
 *    (the functions the create action calls), on a plain block-style file
 *    (the line-scanning path) and on the same file behind a `---` document
 *    marker (which takes the YAML Document API path);
 * 2. create with a compact blueprint (charts/kafka-connectors) on a file of N
 *    compact entries: duplicates are found by the name the chart renders from
 *    each entry, so this takes the Document API path;
 * 3. change: the whole `kafka-connect:connector:change` handler on a real
 *    workspace file (read, the parses that find the entry, the edit, the
 *    write), for a tasksMax change and for a version roll (which also looks
 *    for the new name).
 *
 * Real: the blueprints, the YAML library, the file system. Stubbed: the
 * scaffolder's action context (a plain object), the cluster applier and the
 * permission guard, which a values-file change never calls, and the auditor
 * (records nothing). Prints the first (cold) run apart
 * from the median of the repeated runs; fails when the create path on a plain
 * file is over the goal.
 *
 *   yarn workspace @kcs/plugin-scaffolder-backend-module-kafka-connect bench [N] [runs]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  appendValuesEntry,
  planConnector,
  valuesEntryNamer,
} from '@kcs/plugin-kafka-connect-common';
import { stringify } from 'yaml';
import { changeConnectorAction } from '../src/actions/changeConnector';
import type { ConnectorApplier } from '../src/services/ConnectorApplier';
import { BlueprintRegistry } from '../src/services/BlueprintRegistry';

const GOAL_MS = 200;
const entries = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 21);
/** The Document API paths take seconds per run on a 2,000-entry file: fewer runs keep the test command short. */
const slowRuns = Math.min(runs, 6);

const blueprints = BlueprintRegistry.load([]);
const blueprint = blueprints.get('debezium-mysql-source')!;
const parameters = (table: string, version = 'v1') => ({
  instance: 'orders',
  database: 'shop',
  table,
  version,
  serverId: 184054,
});
const target = {
  cluster: 'eu-1',
  namespace: 'orders',
  connectCluster: 'orders-connect',
  owner: 'group:default/team-orders',
};
const request = (table: string) => ({
  ...target,
  blueprintId: blueprint.id,
  parameters: parameters(table),
});

const compactBlueprint = BlueprintRegistry.load([
  path.resolve(__dirname, '../../../charts/kafka-connectors/blueprints'),
]).get('debezium-mysql-source')!;

// A realistic values file: a comment per entry and full connector configs.
const existing = Array.from({ length: entries }, (_, i) => {
  const plan = planConnector(blueprint, request(`t${i}`));
  if (plan.errors) throw new Error(JSON.stringify(plan.errors));
  return plan.valuesEntry;
});
const plainValues = `# ${entries} connectors\nconnect:\n  replicas: 3\n${stringify(
  { connectors: existing },
  { lineWidth: 0 },
).replace(/\n {2}- name:/g, '\n  # owned by team-orders\n  - name:')}`;
const compactValues = `# ${entries} connectors of the chart\nconnectCluster: orders-connect\n${stringify(
  {
    connectors: Array.from({ length: entries }, (_, i) => {
      const plan = planConnector(compactBlueprint, request(`t${i}`));
      if (plan.errors) throw new Error(JSON.stringify(plan.errors));
      return plan.valuesEntry;
    }),
  },
  { lineWidth: 0 },
)}`;
// The line scanner leaves files with document markers to the Document API.
const documentApiValues = `---\n${plainValues}`;

interface Figures {
  cold: number;
  median: number;
  min: number;
  max: number;
}

async function measure(
  run: (index: number) => Promise<void> | void,
  count = runs,
) {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    await run(index);
    times.push(performance.now() - start);
  }
  const repeated = times.slice(1).sort((a, b) => a - b);
  return {
    cold: times[0],
    median: repeated[Math.floor(repeated.length / 2)] ?? times[0],
    min: repeated[0] ?? times[0],
    max: repeated[repeated.length - 1] ?? times[0],
  };
}

const describe = (f: Figures) =>
  `first run (cold) ${f.cold.toFixed(
    1,
  )} ms; repeated: median ${f.median.toFixed(1)} ms, min ${f.min.toFixed(
    1,
  )} ms, max ${f.max.toFixed(1)} ms`;

function appendRun(values: string) {
  return (index: number) => {
    const plan = planConnector(blueprint, request(`new${index}`));
    if (plan.errors) throw new Error(JSON.stringify(plan.errors));
    const updated = appendValuesEntry(
      values,
      blueprint.helmValues.path,
      plan.valuesEntry,
    );
    if (updated.length <= values.length) throw new Error('nothing appended');
  };
}

function compactAppendRun(index: number) {
  const plan = planConnector(compactBlueprint, request(`new${index}`));
  if (plan.errors) throw new Error(JSON.stringify(plan.errors));
  const updated = appendValuesEntry(
    compactValues,
    compactBlueprint.helmValues.path,
    plan.valuesEntry,
    { nameOf: valuesEntryNamer(compactBlueprint) },
  );
  if (updated.length <= compactValues.length) {
    throw new Error('nothing appended');
  }
}

const neverCalled = () => {
  throw new Error('a values-file change called the cluster');
};
const applier: ConnectorApplier = {
  get: neverCalled,
  apply: neverCalled,
  scale: neverCalled,
  delete: neverCalled,
};
const silent = () => undefined;

/** Runs the change action's handler on a fresh copy of the plain values file. */
function changeRun(change: Record<string, unknown>) {
  const action = changeConnectorAction({
    blueprints,
    applier,
    // A values-file delivery asks no permission; the guard must not be reached.
    guard: { mayOperate: neverCalled, mayCreate: neverCalled },
    auditor: {
      createEvent: async () => ({
        success: async () => {},
        fail: async () => {},
      }),
    },
  });
  return async (index: number) => {
    const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-'));
    try {
      fs.writeFileSync(path.join(workspacePath, 'values.yaml'), plainValues);
      const table = `t${index % entries}`;
      await action.handler({
        input: {
          blueprint: blueprint.id,
          parameters: parameters(table),
          ...target,
          tasksMax: 1,
          change,
          output: 'helm-values',
          filePath: 'values.yaml',
        },
        workspacePath,
        logger: { info: silent, warn: silent, error: silent, debug: silent },
        output: silent,
        checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
        // The audit event names the initiator.
        getInitiatorCredentials: async () => ({
          $$type: '@backstage/BackstageCredentials',
          principal: { type: 'user', userEntityRef: 'user:default/bench' },
        }),
        isDryRun: false,
      } as never);
    } finally {
      fs.rmSync(workspacePath, { recursive: true, force: true });
    }
  };
}

async function main() {
  const size = `${(plainValues.length / 1024 / 1024).toFixed(1)} MiB, ${
    plainValues.split('\n').length
  } lines`;
  console.log(
    `real: blueprints, YAML library, file system; stubbed: the action context (a plain object), the cluster applier and the permission guard (neither is called by a values-file change), the auditor (records nothing). Values file of ${entries} entries (${size}), ${runs} runs of the line path, ${slowRuns} of the others:`,
  );
  const plain = await measure(appendRun(plainValues));
  console.log(
    `  create, render + validate + append, plain block file (line path): ${describe(
      plain,
    )} (goal <= ${GOAL_MS} ms on the repeated median)`,
  );
  const documentApi = await measure(appendRun(documentApiValues), slowRuns);
  console.log(
    `  create, render + validate + append, the same file after '---' (Document API path): ${describe(
      documentApi,
    )}`,
  );
  const compact = await measure(compactAppendRun, slowRuns);
  console.log(
    `  create, render + validate + append, ${entries} compact entries (${(
      compactValues.length / 1024
    ).toFixed(
      0,
    )} KiB), found by the chart's naming rule (Document API path): ${describe(
      compact,
    )}`,
  );
  const scale = await measure(changeRun({ tasksMax: 5 }), slowRuns);
  console.log(
    `  change action, tasksMax in place (finds the entry, edits it; whole handler with file read and write): ${describe(
      scale,
    )}`,
  );
  const roll = await measure(changeRun({ version: 'v2' }), slowRuns);
  console.log(
    `  change action, version roll (also checks the new name is free): ${describe(
      roll,
    )}`,
  );
  if (plain.median > GOAL_MS) {
    console.error(
      `create on a plain file: median ${plain.median.toFixed(
        1,
      )} ms is over the goal of ${GOAL_MS} ms`,
    );
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
