import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  connectorManifestYaml,
  type KafkaConnectorResource,
  planConnector,
} from '@kcs/plugin-kafka-connect-common';
import { changeConnectorAction } from '../actions/changeConnector';
import { fakeApplier, openAccess } from '../__fixtures__/fakes';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import {
  applierCalls,
  removeWorkspace,
  seedWorkspace,
  settle,
  snapshotTree,
} from './hostile';

export const blueprints = BlueprintRegistry.load([]);

/** The connector as it is now: what the change action's form sends. */
export const CURRENT = {
  blueprint: 'debezium-mysql-source',
  parameters: {
    instance: 'orders',
    database: 'shop',
    table: 'orders',
    version: 'v1',
    serverId: 184054,
  } as Record<string, unknown>,
  cluster: 'eu-1',
  namespace: 'orders',
  connectCluster: 'orders-connect',
  owner: 'group:default/team-orders',
  tasksMax: 2,
};

export const CURRENT_NAME = 'ordersmysql-shop-orders-v1';
export const MANIFEST_PATH = `kafka-connectors/orders/${CURRENT_NAME}.yaml`;

/** The current connector rendered at another version, as create made it. */
export function connectorAt(version: string): KafkaConnectorResource {
  const plan = planConnector(blueprints.get(CURRENT.blueprint), {
    ...CURRENT,
    blueprintId: CURRENT.blueprint,
    parameters: { ...CURRENT.parameters, version },
  });
  if (plan.errors) throw new Error(JSON.stringify(plan.errors));
  return plan.connector;
}

export const VALUES = `# shared chart values
connectors:
  - name: other-connector # keep
    tasksMax: 1
  - name: ${CURRENT_NAME} # the orders CDC
    tasksMax: 2
    state: running
`;

/** A workspace with the values file and the manifest of the current connector. */
export function changeWorkspace(extra: Record<string, string> = {}) {
  return seedWorkspace({
    'values.yaml': VALUES,
    [MANIFEST_PATH]: connectorManifestYaml(connectorAt('v1')),
    ...extra,
  });
}

/**
 * Runs kafka-connect:connector:change once against a fresh workspace and an
 * in-memory cluster holding the current connector (and `inCluster` more),
 * and returns the outcome with the workspace before and after.
 */
export async function runChange(
  input: Record<string, unknown>,
  options: {
    files?: Record<string, string>;
    inCluster?: KafkaConnectorResource[];
  } = {},
) {
  const workspacePath = changeWorkspace(options.files);
  const before = snapshotTree(workspacePath);
  const applier = fakeApplier([
    connectorAt('v1'),
    ...(options.inCluster ?? []),
  ]);
  const ctx = createMockActionContext({ input: input as any, workspacePath });
  const result = await settle(
    changeConnectorAction({ blueprints, applier, ...openAccess() }).handler(
      ctx,
    ),
  );
  const after = snapshotTree(workspacePath);
  removeWorkspace(workspacePath);
  // the text of each file after the run, from the snapshot
  const files = Object.fromEntries(
    Object.entries(after)
      .filter(([, entry]) => entry !== 'dir' && !entry.startsWith('link:'))
      .map(([file, hex]) => [file, Buffer.from(hex, 'hex').toString('utf8')]),
  );
  const outputs: Record<string, unknown> = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls,
  );
  const calls = applierCalls(applier);
  return { result, before, after, calls, outputs, files };
}
