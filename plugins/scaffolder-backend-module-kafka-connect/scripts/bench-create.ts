/**
 * Benchmark of what the create action does before it writes: render and
 * validate a connector from a blueprint, then append it to a Helm values file
 * that already holds N entries (default 2,000). Prints the median of the
 * runs and fails when it is over the goal.
 *
 *   yarn workspace @kcs/plugin-scaffolder-backend-module-kafka-connect bench [N] [runs]
 */
import { performance } from 'node:perf_hooks';
import {
  appendValuesEntry,
  planConnector,
} from '@kcs/plugin-kafka-connect-common';
import { stringify } from 'yaml';
import { BlueprintRegistry } from '../src/services/BlueprintRegistry';

const GOAL_MS = 200;
const entries = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 21);

const blueprint = BlueprintRegistry.load([]).get('debezium-mysql-source')!;
const request = (table: string) => ({
  blueprintId: blueprint.id,
  parameters: {
    instance: 'orders',
    database: 'shop',
    table,
    version: 'v1',
    serverId: 184054,
  },
  cluster: 'eu-1',
  namespace: 'orders',
  connectCluster: 'orders-connect',
  owner: 'group:default/team-orders',
});

// A realistic values file: a comment per entry and full connector configs.
const existing = Array.from({ length: entries }, (_, i) => {
  const plan = planConnector(blueprint, request(`t${i}`));
  if (plan.errors) throw new Error(JSON.stringify(plan.errors));
  return plan.valuesEntry;
});
const values = `# ${entries} connectors\nconnect:\n  replicas: 3\n${stringify(
  { connectors: existing },
  { lineWidth: 0 },
).replace(/\n {2}- name:/g, '\n  # owned by team-orders\n  - name:')}`;

const times: number[] = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  const plan = planConnector(blueprint, request(`new${run}`));
  if (plan.errors) throw new Error(JSON.stringify(plan.errors));
  const updated = appendValuesEntry(
    values,
    blueprint.helmValues.path,
    plan.valuesEntry,
  );
  times.push(performance.now() - start);
  if (updated.length <= values.length) throw new Error('nothing appended');
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `render + validate + append into a values file of ${entries} entries (${(
    values.length /
    1024 /
    1024
  ).toFixed(1)} MiB, ${
    values.split('\n').length
  } lines), ${runs} runs: median ${median.toFixed(
    1,
  )} ms, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(
    1,
  )} ms (goal <= ${GOAL_MS} ms)`,
);
if (median > GOAL_MS) {
  console.error(
    `median ${median.toFixed(1)} ms is over the goal of ${GOAL_MS} ms`,
  );
  process.exitCode = 1;
}
