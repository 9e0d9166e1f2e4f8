import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { planConnector } from '@kcs/plugin-kafka-connect-common';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { fakeApplier, fakeDirectory, openAccess } from '../__fixtures__/fakes';
import { CURRENT } from '../__fixtures__/currentConnector';
import {
  type FailurePoint,
  failingOnce,
  ReplayingCheckpoints,
} from '../__testUtils__/checkpoints';
import { changeConnectorAction } from './changeConnector';
import { createConnectorAction } from './createConnector';

const blueprints = BlueprintRegistry.load([]);

const OLD = 'orders/ordersmysql-shop-orders-v1';
const NEW = 'orders/ordersmysql-shop-orders-v2';

function connectorAt(version: string) {
  const plan = planConnector(blueprints.get(CURRENT.blueprint), {
    ...CURRENT,
    blueprintId: CURRENT.blueprint,
    parameters: { ...CURRENT.parameters, version },
  });
  if (plan.errors) throw new Error(JSON.stringify(plan.errors));
  return plan.connector;
}

function context(
  input: Record<string, unknown>,
  checkpoints: ReplayingCheckpoints,
) {
  const ctx = createMockActionContext({ input: input as any });
  return { ...ctx, checkpoint: checkpoints.checkpoint as any };
}

function outputs(ctx: { output: unknown }) {
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
}

const POINTS: FailurePoint[] = [
  { method: 'apply', when: 'before' },
  { method: 'apply', when: 'after' },
  { method: 'delete', when: 'before' },
  { method: 'delete', when: 'after' },
];

describe('a version roll retried after a partial run', () => {
  const input = { ...CURRENT, change: { version: 'v2' }, output: 'apply' };

  it.each(POINTS.map(point => [`${point.method} fails ${point.when}`, point]))(
    '%s: the retry finishes the roll, a later run answers already done',
    async (_, point) => {
      const store = fakeApplier([connectorAt('v1')]);
      const checkpoints = new ReplayingCheckpoints();
      const action = (applier: typeof store) =>
        changeConnectorAction({ blueprints, applier, ...openAccess() });

      await expect(
        action(failingOnce(store, point)).handler(context(input, checkpoints)),
      ).rejects.toThrow(/injected failure/);

      const retry = context(input, checkpoints);
      await action(store).handler(retry);
      expect([...store.store.keys()]).toEqual([NEW]);
      expect(outputs(retry)).toMatchObject({
        name: 'ordersmysql-shop-orders-v2',
        changed: true,
      });

      // A new task with the same input (no checkpoints) finds it done.
      const again = context(input, new ReplayingCheckpoints());
      await action(store).handler(again);
      expect([...store.store.keys()]).toEqual([NEW]);
      expect(outputs(again)).toMatchObject({ changed: false });
    },
  );

  it('a retry after both steps ran, with all checkpoints recorded, replays and changes nothing', async () => {
    const store = fakeApplier([connectorAt('v1')]);
    const checkpoints = new ReplayingCheckpoints();
    const action = changeConnectorAction({
      blueprints,
      applier: store,
      ...openAccess(),
    });
    await action.handler(context(input, checkpoints));
    const writes = () =>
      (store.apply as jest.Mock).mock.calls.length +
      (store.delete as jest.Mock).mock.calls.length;
    expect(writes()).toBe(2);
    await action.handler(context(input, checkpoints));
    expect(writes()).toBe(2);
    expect([...store.store.keys()]).toEqual([NEW]);
  });

  it('the new connector found beside the old one (old not deleted) without checkpoints: deletes the old one', async () => {
    const store = fakeApplier([connectorAt('v1'), connectorAt('v2')]);
    const ctx = context(input, new ReplayingCheckpoints());
    await changeConnectorAction({
      blueprints,
      applier: store,
      ...openAccess(),
    }).handler(ctx);
    expect([...store.store.keys()]).toEqual([NEW]);
    expect(store.apply).not.toHaveBeenCalled();
  });

  it('neither connector there is still an error naming the connector', async () => {
    const store = fakeApplier([]);
    await expect(
      changeConnectorAction({
        blueprints,
        applier: store,
        ...openAccess(),
      }).handler(context(input, new ReplayingCheckpoints())),
    ).rejects.toThrow(/no KafkaConnector 'ordersmysql-shop-orders-v1'/);
  });
});

describe('an in-place change retried', () => {
  it.each([
    [{ tasksMax: 5 }, { method: 'scale', when: 'after' } as FailurePoint],
    [{ state: 'paused' }, { method: 'apply', when: 'after' } as FailurePoint],
  ])(
    '%j whose write landed answers already done on a new run',
    async (change, point) => {
      const store = fakeApplier([connectorAt('v1')]);
      const input = { ...CURRENT, change, output: 'apply' };
      const checkpoints = new ReplayingCheckpoints();
      await expect(
        changeConnectorAction({
          blueprints,
          applier: failingOnce(store, point),
          ...openAccess(),
        }).handler(context(input, checkpoints)),
      ).rejects.toThrow(/injected failure/);
      const again = context(input, new ReplayingCheckpoints());
      await changeConnectorAction({
        blueprints,
        applier: store,
        ...openAccess(),
      }).handler(again);
      expect(outputs(again)).toMatchObject({ changed: false });
      expect([...store.store.keys()]).toEqual([OLD]);
    },
  );
});

describe('create with apply retried after a partial run', () => {
  const input = {
    blueprint: CURRENT.blueprint,
    parameters: CURRENT.parameters,
    cluster: 'eu-1',
    namespace: 'orders',
    connectCluster: 'orders-connect',
    owner: CURRENT.owner,
    output: 'apply',
  };

  it.each(
    (['before', 'after'] as const).map(when => [
      `apply fails ${when}`,
      { method: 'apply', when } as FailurePoint,
    ]),
  )('%s: the retry creates it or answers already present', async (_, point) => {
    const store = fakeApplier([]);
    const checkpoints = new ReplayingCheckpoints();
    const action = (applier: typeof store) =>
      createConnectorAction({
        blueprints,
        directory: fakeDirectory(),
        applier,
        ...openAccess(),
      });
    await expect(
      action(failingOnce(store, point)).handler(context(input, checkpoints)),
    ).rejects.toThrow(/injected failure/);

    const retry = context(input, checkpoints);
    await action(store).handler(retry);
    expect([...store.store.keys()]).toEqual([OLD]);
    // Landed before the failure: the retry finds it and writes nothing;
    // the server saw exactly one apply either way.
    expect(outputs(retry).changed).toBe(point.when === 'before');
    expect(store.apply).toHaveBeenCalledTimes(1);

    const again = context(input, checkpoints);
    await action(store).handler(again);
    expect(outputs(again).changed).toBe(point.when === 'before');
    expect(store.apply).toHaveBeenCalledTimes(1);
  });
});

describe('a retried change and its permission', () => {
  it('is asked again when another user retries the task', async () => {
    const store = fakeApplier([connectorAt('v1')]);
    const checkpoints = new ReplayingCheckpoints();
    const input = { ...CURRENT, change: { state: 'paused' }, output: 'apply' };
    const first = openAccess();
    await expect(
      changeConnectorAction({
        blueprints,
        applier: failingOnce(store, { method: 'apply', when: 'before' }),
        ...first,
      }).handler(context(input, checkpoints)),
    ).rejects.toThrow(/injected failure/);
    expect(first.guard.mayOperate).toHaveBeenCalledTimes(1);

    const second = openAccess();
    second.guard.mayOperate.mockRejectedValue(new Error('not you'));
    const retry = {
      ...context(input, checkpoints),
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/mallory'),
    };
    await expect(
      changeConnectorAction({ blueprints, applier: store, ...second }).handler(
        retry,
      ),
    ).rejects.toThrow('not you');
    expect(store.apply).not.toHaveBeenCalled();
  });
});
