import fs from 'node:fs';
import path from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';
import { fakeApplier, openAccess } from '../__fixtures__/fakes';
import {
  blueprints,
  CURRENT_NAME,
  VALUES,
  connectorAt,
} from '../__testUtils__/change';
import { removeWorkspace, seedWorkspace } from '../__testUtils__/hostile';
import { changeConnectorAction } from './changeConnector';
import { changeExamples } from './changeConnector.examples';

const VALUES_PATH = 'charts/connect/values.yaml';

/**
 * Runs one example's step against a workspace holding the connector's entry in
 * a values file at the examples' path, and an in-memory cluster holding the
 * connector at v1.
 */
async function runExample(start: string) {
  const found = changeExamples.find(e => e.description.startsWith(start));
  if (!found) throw new Error(`no example starting '${start}'`);
  const input = parse(found.example).steps[0].input;
  const workspacePath = seedWorkspace({ [VALUES_PATH]: VALUES });
  const applier = fakeApplier([connectorAt('v1')]);
  const ctx = createMockActionContext({ input, workspacePath });
  try {
    await changeConnectorAction({
      blueprints,
      applier,
      ...openAccess(),
    }).handler(ctx);
    const outputs: Record<string, unknown> = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls,
    );
    const values = fs.readFileSync(
      path.join(workspacePath, VALUES_PATH),
      'utf8',
    );
    return { outputs, values, applier };
  } finally {
    removeWorkspace(workspacePath);
  }
}

describe('changeConnector examples', () => {
  it('has the three examples this test runs (a new one needs its own case here)', () => {
    expect(changeExamples).toHaveLength(3);
  });

  it('values-file example: raises tasksMax to 5 in the entry, keeps comments and the other entry, calls no cluster write', async () => {
    const run = await runExample('Raise tasksMax from 2 to 5');
    expect(run.outputs).toMatchObject({
      name: CURRENT_NAME,
      previousName: CURRENT_NAME,
      filePath: VALUES_PATH,
    });
    expect(run.values).toContain('# the orders CDC');
    expect(run.values).toContain('# keep');
    const entries = parse(run.values).connectors;
    expect(entries).toEqual([
      { name: 'other-connector', tasksMax: 1 },
      { name: CURRENT_NAME, tasksMax: 5, state: 'running' },
    ]);
    expect(run.applier.apply).not.toHaveBeenCalled();
    expect(run.applier.scale).not.toHaveBeenCalled();
    expect(run.applier.delete).not.toHaveBeenCalled();
  });

  it('scale example: scales the connector in the cluster to 5 tasks and leaves the workspace as it was', async () => {
    const run = await runExample('Scale a running connector');
    expect(run.outputs).toMatchObject({
      name: CURRENT_NAME,
      previousName: CURRENT_NAME,
    });
    expect(run.outputs).not.toHaveProperty('filePath');
    expect(run.values).toBe(VALUES);
    expect(
      run.applier.store.get(`orders/${CURRENT_NAME}`)?.spec?.tasksMax,
    ).toBe(5);
    expect(run.applier.delete).not.toHaveBeenCalled();
  });

  it('version example: creates ordersmysql-shop-orders-v2 first, then deletes v1', async () => {
    const run = await runExample('Roll the connector to a new version');
    expect(run.outputs).toMatchObject({
      name: 'ordersmysql-shop-orders-v2',
      previousName: CURRENT_NAME,
    });
    expect([...run.applier.store.keys()]).toEqual([
      'orders/ordersmysql-shop-orders-v2',
    ]);
    const apply = run.applier.apply as jest.Mock;
    const remove = run.applier.delete as jest.Mock;
    expect(apply).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledTimes(1);
    expect(apply.mock.invocationCallOrder[0]).toBeLessThan(
      remove.mock.invocationCallOrder[0],
    );
    expect(run.values).toBe(VALUES);
  });
});
