import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  AuditorService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { planConnector } from '@kcs/plugin-kafka-connect-common';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { PermissionsSelfServiceGuard } from '../services/SelfServiceGuard';
import { fakeApplier, fakeDirectory } from '../__fixtures__/fakes';
import { CURRENT } from '../__fixtures__/currentConnector';
import { changeConnectorAction } from './changeConnector';
import { createConnectorAction } from './createConnector';

const blueprints = BlueprintRegistry.load([]);
const MALLORY = 'user:default/mallory';

function connector(version = 'v1') {
  const plan = planConnector(blueprints.get(CURRENT.blueprint), {
    ...CURRENT,
    blueprintId: CURRENT.blueprint,
    parameters: { ...CURRENT.parameters, version },
  });
  if (plan.errors) throw new Error(JSON.stringify(plan.errors));
  return plan.connector;
}

interface Recorded {
  eventId: string;
  meta: Record<string, unknown>;
  outcome?: 'success' | 'fail';
  error?: string;
}

function recordingAuditor() {
  const events: Recorded[] = [];
  const auditor: AuditorService = {
    async createEvent(options) {
      const event: Recorded = {
        eventId: options.eventId,
        meta: { ...(options.meta as object) },
      };
      events.push(event);
      return {
        async success(result) {
          event.outcome = 'success';
          Object.assign(event.meta, result?.meta);
        },
        async fail(result) {
          event.outcome = 'fail';
          event.error = result.error.message;
          Object.assign(event.meta, result.meta);
        },
      };
    },
  };
  return { auditor, events };
}

/** A permissions service that allows only what `allow` says, per request. */
function permissions(allow: (name: string, resourceRef?: string) => boolean) {
  const authorize = jest.fn(
    async (
      requests: Array<{ permission: { name: string }; resourceRef?: string }>,
    ) =>
      requests.map(r => ({
        result: allow(r.permission.name, r.resourceRef)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })),
  );
  return { authorize, service: { authorize } as unknown as PermissionsService };
}

const denyAll = () => permissions(() => false);

function context(
  input: Record<string, unknown>,
  isDryRun = false,
  workspacePath?: string,
) {
  const ctx = createMockActionContext({ input: input as any, workspacePath });
  return {
    ...ctx,
    isDryRun,
    getInitiatorCredentials: async () => mockCredentials.user(MALLORY),
  };
}

describe('the change action with the initiator refused', () => {
  it.each([
    ['scale', { tasksMax: 5 }, false],
    ['stop', { state: 'stopped' }, false],
    ['version roll', { version: 'v2' }, false],
    ['parameter change', { parameters: { table: 'carts' } }, false],
    ['dry run of a stop', { state: 'stopped' }, true],
  ])(
    '%s applies nothing and names the connector and the reason',
    async (_, change, isDryRun) => {
      const applier = fakeApplier([connector()]);
      const { auditor, events } = recordingAuditor();
      const { service, authorize } = denyAll();
      const action = changeConnectorAction({
        blueprints,
        applier,
        guard: new PermissionsSelfServiceGuard(service),
        auditor,
      });
      const error = await action
        .handler(context({ ...CURRENT, change, output: 'apply' }, isDryRun))
        .catch(e => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.message).toMatch(
        /^user:default\/mallory may not change KafkaConnector orders\/ordersmysql-shop-orders-v1 in cluster eu-1: only its owner and admins may \(permission kafka.connect.operate\)/,
      );
      expect(authorize.mock.calls[0][0][0].resourceRef).toBe(
        'eu-1/orders/ordersmysql-shop-orders-v1',
      );
      expect(applier.apply).not.toHaveBeenCalled();
      expect(applier.scale).not.toHaveBeenCalled();
      expect(applier.delete).not.toHaveBeenCalled();
      expect([...applier.store.keys()]).toEqual([
        'orders/ordersmysql-shop-orders-v1',
      ]);
      expect(events).toEqual([
        {
          eventId: 'connector-change',
          meta: expect.objectContaining({
            initiator: MALLORY,
            cluster: 'eu-1',
            namespace: 'orders',
            connector: 'ordersmysql-shop-orders-v1',
            output: 'apply',
            dryRun: isDryRun,
            refused: true,
          }),
          outcome: 'fail',
          error: error.message,
        },
      ]);
    },
  );

  it('a version roll by the owner also needs create for the owner it keeps', async () => {
    const applier = fakeApplier([connector()]);
    const { service, authorize } = permissions(
      name => name === 'kafka.connect.operate',
    );
    const error = await changeConnectorAction({
      blueprints,
      applier,
      guard: new PermissionsSelfServiceGuard(service),
      auditor: recordingAuditor().auditor,
    })
      .handler(
        context({ ...CURRENT, change: { version: 'v2' }, output: 'apply' }),
      )
      .catch(e => e);
    expect(error.message).toMatch(
      /^namespace: user:default\/mallory may not create/,
    );
    expect(authorize.mock.calls[1][0][0].resourceRef).toBe(
      'eu-1/orders/group:default/team-orders',
    );
    expect(applier.apply).not.toHaveBeenCalled();
  });

  it('pull-request deliveries do not ask: review is the gate', async () => {
    const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'perm-'));
    fs.writeFileSync(
      path.join(workspacePath, 'values.yaml'),
      'connectors:\n  - name: ordersmysql-shop-orders-v1\n    tasksMax: 2\n',
    );
    const { service, authorize } = denyAll();
    const { auditor, events } = recordingAuditor();
    await changeConnectorAction({
      blueprints,
      applier: fakeApplier(),
      guard: new PermissionsSelfServiceGuard(service),
      auditor,
    }).handler(
      context(
        { ...CURRENT, change: { tasksMax: 5 }, output: 'helm-values' },
        false,
        workspacePath,
      ),
    );
    expect(authorize).not.toHaveBeenCalled();
    expect(
      fs.readFileSync(path.join(workspacePath, 'values.yaml'), 'utf8'),
    ).toContain('tasksMax: 5');
    expect(events[0]).toMatchObject({
      eventId: 'connector-change',
      outcome: 'success',
      meta: { initiator: MALLORY, output: 'helm-values', changed: true },
    });
    fs.rmSync(workspacePath, { recursive: true, force: true });
  });

  it('an allowed change goes through and is audited as a success', async () => {
    const applier = fakeApplier([connector()]);
    const { service } = permissions(() => true);
    const { auditor, events } = recordingAuditor();
    await changeConnectorAction({
      blueprints,
      applier,
      guard: new PermissionsSelfServiceGuard(service),
      auditor,
    }).handler(
      context({ ...CURRENT, change: { tasksMax: 5 }, output: 'apply' }),
    );
    expect(applier.scale).toHaveBeenCalledTimes(1);
    expect(events[0]).toMatchObject({
      outcome: 'success',
      meta: {
        connector: 'ordersmysql-shop-orders-v1',
        changed: true,
        changes: ['tasksMax'],
      },
    });
  });
});

describe('the create action with the initiator refused', () => {
  const input = {
    blueprint: CURRENT.blueprint,
    parameters: CURRENT.parameters,
    cluster: 'eu-1',
    namespace: 'orders',
    connectCluster: 'orders-connect',
    owner: 'group:default/team-analytics',
    output: 'apply',
  };

  it.each([false, true])(
    "refuses another team's owner before writing anything (dry run: %s)",
    async isDryRun => {
      const applier = fakeApplier();
      const directory = fakeDirectory();
      const { auditor, events } = recordingAuditor();
      const { service } = permissions(
        (_, ref) => ref === `eu-1/orders/${MALLORY}`,
      );
      const error = await createConnectorAction({
        blueprints,
        directory,
        applier,
        guard: new PermissionsSelfServiceGuard(service),
        auditor,
      })
        .handler(context(input, isDryRun))
        .catch(e => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.message).toMatch(
        /^owner: user:default\/mallory may not create a connector owned by 'group:default\/team-analytics'/,
      );
      expect(applier.apply).not.toHaveBeenCalled();
      expect(applier.get).not.toHaveBeenCalled();
      expect(events[0]).toMatchObject({
        eventId: 'connector-create',
        outcome: 'fail',
        meta: {
          initiator: MALLORY,
          owner: 'group:default/team-analytics',
          connector: 'ordersmysql-shop-orders-v1',
          refused: true,
        },
      });
    },
  );

  it('taking over an existing connector needs operate on it', async () => {
    const other = connector();
    other.spec = { ...other.spec!, tasksMax: 9 };
    const applier = fakeApplier([other]);
    const { service } = permissions(name => name === 'kafka.connect.create');
    const error = await createConnectorAction({
      blueprints,
      directory: fakeDirectory(),
      applier,
      guard: new PermissionsSelfServiceGuard(service),
      auditor: recordingAuditor().auditor,
    })
      .handler(context({ ...input, owner: CURRENT.owner, overwrite: true }))
      .catch(e => e);
    expect(error.message).toMatch(
      /may not change KafkaConnector orders\/ordersmysql-shop-orders-v1/,
    );
    expect(applier.apply).not.toHaveBeenCalled();
  });

  it('manifest deliveries do not ask', async () => {
    const { service, authorize } = denyAll();
    await createConnectorAction({
      blueprints,
      directory: fakeDirectory(),
      applier: fakeApplier(),
      guard: new PermissionsSelfServiceGuard(service),
      auditor: recordingAuditor().auditor,
    }).handler(context({ ...input, output: 'manifest' }));
    expect(authorize).not.toHaveBeenCalled();
  });

  it('refuses a namespace outside the configured targets, naming the field', async () => {
    const applier = fakeApplier();
    const { service, authorize } = permissions(() => true);
    await expect(
      createConnectorAction({
        blueprints,
        directory: fakeDirectory(),
        applier,
        guard: new PermissionsSelfServiceGuard(service),
        auditor: recordingAuditor().auditor,
        targets: [{ cluster: 'eu-1', namespaces: ['analytics'] }],
      }).handler(context(input)),
    ).rejects.toThrow(
      /namespace 'orders' is not open to self-service in cluster 'eu-1'/,
    );
    expect(authorize).not.toHaveBeenCalled();
    expect(applier.apply).not.toHaveBeenCalled();
  });
});
