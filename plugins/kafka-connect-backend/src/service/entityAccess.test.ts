import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  createBackendPlugin,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import request from 'supertest';
import { onBehalfOfAuth } from '../__testUtils__/operationsBackend';
import { EntityAccess, KEPT_ENTITIES } from './entityAccess';

const ALICE = 'user:default/alice';
const MALLORY = 'user:default/mallory';
const EVE = 'user:default/eve';
const ORDERS = 'component:default/orders';

const entity = (name: string, owner = 'group:default/team-orders'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

/** A catalog that records who asked (the principal) and answers from a map. */
function recordingCatalog(entities: Map<string, Entity>) {
  const asked: Array<{ ref: string; principal: string }> = [];
  let failNext = false;
  const catalog = {
    async getEntityByRef(
      ref: string,
      { credentials }: { credentials: BackstageCredentials },
    ) {
      const principal = credentials.principal as {
        type: string;
        subject?: string;
        userEntityRef?: string;
      };
      asked.push({
        ref,
        principal:
          principal.userEntityRef ?? principal.subject ?? principal.type,
      });
      if (failNext) {
        failNext = false;
        throw new Error('catalog unavailable');
      }
      return entities.get(ref);
    },
  } as unknown as CatalogService;
  return { catalog, asked, failOnce: () => (failNext = true) };
}

/** Decisions by permission name; records each request's permission names. */
function scriptedPermissions(decisions: Record<string, PolicyDecision>) {
  const requests: string[][] = [];
  const permissions = {
    async authorizeConditional(
      queries: Array<{ permission: { name: string } }>,
    ) {
      requests.push(queries.map(query => query.permission.name));
      return queries.map(
        query =>
          decisions[query.permission.name] ?? { result: AuthorizeResult.DENY },
      );
    },
    async authorize() {
      throw new Error('EntityAccess asks both decisions in one request');
    },
  } as unknown as PermissionsService;
  return { permissions, requests };
}

const ALLOW = { result: AuthorizeResult.ALLOW } as const;
const DENY = { result: AuthorizeResult.DENY } as const;
const OWNED_ONLY: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims: [MALLORY] },
  },
};

describe('EntityAccess', () => {
  const user = mockCredentials.user(ALICE);
  let clock = 0;
  const setup = (
    decisions: Record<string, PolicyDecision>,
    keepMs = 30_000,
  ) => {
    const catalog = recordingCatalog(new Map([[ORDERS, entity('orders')]]));
    const permissions = scriptedPermissions(decisions);
    const access = new EntityAccess({
      catalog: catalog.catalog,
      permissions: permissions.permissions,
      auth: mockServices.auth({ pluginId: 'kafka-connect' }),
      keepMs,
      now: () => clock,
    });
    return { access, ...catalog, requests: permissions.requests };
  };

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('asks both decisions in one permission request and refuses without kafka.connect.read, asking the catalog nothing', async () => {
    const { access, asked, requests } = setup({ 'catalog.entity.read': ALLOW });

    await expect(access.find(ORDERS, user)).rejects.toThrow(
      /permission kafka.connect.read/,
    );
    expect(requests).toEqual([['kafka.connect.read', 'catalog.entity.read']]);
    expect(asked).toEqual([]);
  });

  it('reads the entity with its own credentials when the user may read every entity, and reuses it for the keep time only', async () => {
    const { access, asked, requests } = setup({
      'kafka.connect.read': ALLOW,
      'catalog.entity.read': ALLOW,
    });

    const first = await access.find(ORDERS, user);
    const other = await access.find(ORDERS, mockCredentials.user(MALLORY));
    clock += 29_999;
    await access.find(ORDERS, user);

    expect(first).toEqual({ entity: entity('orders'), shared: true });
    expect(other.entity).toBe(first.entity);
    expect(asked).toEqual([{ ref: ORDERS, principal: 'plugin:kafka-connect' }]);
    // The decisions are asked on every page view, never kept.
    expect(requests).toHaveLength(3);

    clock += 1;
    await access.find(ORDERS, user);
    expect(asked).toHaveLength(2);
  });

  it('asks the catalog on the user’s behalf, every time, when the catalog decision is conditional', async () => {
    const { access, asked } = setup({
      'kafka.connect.read': ALLOW,
      'catalog.entity.read': OWNED_ONLY,
    });

    await access.find(ORDERS, user);
    await access.find(ORDERS, user);

    expect(asked).toEqual([
      { ref: ORDERS, principal: ALICE },
      { ref: ORDERS, principal: ALICE },
    ]);
  });

  it('finds nothing, and asks the catalog nothing, when the user may read no catalog entity', async () => {
    const { access, asked } = setup({
      'kafka.connect.read': ALLOW,
      'catalog.entity.read': DENY,
    });

    expect(await access.find(ORDERS, user)).toEqual({
      entity: undefined,
      shared: false,
    });
    expect(asked).toEqual([]);
  });

  it('asks the catalog on every page view with a keep time of 0, and keeps no failed lookup', async () => {
    const all = { 'kafka.connect.read': ALLOW, 'catalog.entity.read': ALLOW };
    const uncached = setup(all, 0);
    await uncached.access.find(ORDERS, user);
    await uncached.access.find(ORDERS, user);
    expect(uncached.asked).toHaveLength(2);

    const failing = setup(all);
    failing.failOnce();
    await expect(failing.access.find(ORDERS, user)).rejects.toThrow(
      'catalog unavailable',
    );
    expect((await failing.access.find(ORDERS, user)).entity).toEqual(
      entity('orders'),
    );
    expect(failing.asked).toHaveLength(2);
  });

  it(`keeps at most ${KEPT_ENTITIES} entities, dropping the oldest`, async () => {
    const { access, asked } = setup({
      'kafka.connect.read': ALLOW,
      'catalog.entity.read': ALLOW,
    });
    for (let i = 0; i <= KEPT_ENTITIES; i++) {
      await access.find(`component:default/c${i}`, user);
    }
    await access.find(`component:default/c${KEPT_ENTITIES}`, user);
    expect(asked).toHaveLength(KEPT_ENTITIES + 1);
    await access.find('component:default/c0', user);
    expect(asked).toHaveLength(KEPT_ENTITIES + 2);
  });
});

describe('EntityAccess with the real permission backend', () => {
  it('gets both decisions from one request to /api/permission/authorize and follows each', async () => {
    const catalog = recordingCatalog(new Map([[ORDERS, entity('orders')]]));
    const policyModule = createBackendModule({
      pluginId: 'permission',
      moduleId: 'test-policy',
      register(reg) {
        reg.registerInit({
          deps: { policy: policyExtensionPoint },
          async init({ policy }) {
            policy.setPolicy({
              async handle(req, policyUser) {
                const me = policyUser?.info.userEntityRef;
                if (me === EVE) {
                  return DENY;
                }
                if (req.permission.name === 'catalog.entity.read') {
                  return me === MALLORY ? OWNED_ONLY : ALLOW;
                }
                return ALLOW;
              },
            });
          },
        });
      },
    });
    const probe = createBackendPlugin({
      pluginId: 'probe',
      register(reg) {
        reg.registerInit({
          deps: {
            router: coreServices.httpRouter,
            httpAuth: coreServices.httpAuth,
            permissions: coreServices.permissions,
            auth: coreServices.auth,
          },
          async init({ router, httpAuth, permissions, auth }) {
            const access = new EntityAccess({
              catalog: catalog.catalog,
              permissions,
              auth,
              keepMs: 30_000,
            });
            router.use(async (req, res) => {
              try {
                const found = await access.find(
                  String(req.query.ref),
                  await httpAuth.credentials(req),
                );
                res.json({ name: found.entity?.metadata.name ?? null });
              } catch (error) {
                res.status(403).json({ error: String(error) });
              }
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        policyModule,
        probe,
        onBehalfOfAuth,
        permissionsServiceFactory,
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    const ask = (who: string) =>
      request(server)
        .get(`/api/probe/?ref=${ORDERS}`)
        .set('Authorization', mockCredentials.user.header(who));

    expect((await ask(ALICE)).body).toEqual({ name: 'orders' });
    expect((await ask(MALLORY)).body).toEqual({ name: 'orders' });
    const refused = await ask(EVE);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('kafka.connect.read');

    // Alice may read every entity: the plugin's own lookup; Mallory only
    // what she owns: the catalog asked on her behalf; Eve: nothing asked.
    expect(catalog.asked).toEqual([
      { ref: ORDERS, principal: 'plugin:probe' },
      { ref: ORDERS, principal: MALLORY },
    ]);
  });
});
