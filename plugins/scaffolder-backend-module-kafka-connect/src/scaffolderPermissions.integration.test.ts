import path from 'node:path';
import type { Server } from 'node:http';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockCredentials } from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { useTestCluster } from '@kcs/dev-cluster';
import { CustomObjectsApi } from '@kubernetes/client-node';
import request from 'supertest';
import {
  ADMIN_GROUP,
  type AuditRecord,
  onBehalfOfAuth,
  portalRulesPolicyModule,
  recordingAuditor,
  userInfoWithGroups,
} from './__testUtils__/permissionBackend';
import {
  ordersConnect,
  startScaffolderBackend,
  templateEntity,
} from './__testUtils__/scaffolderBackend';

const getCluster = useTestCluster();

const ALICE = 'user:default/alice'; // team-orders
const MALLORY = 'user:default/mallory'; // team-analytics
const ADMIN = 'user:default/ada'; // platform-team
const TEAM_ORDERS = 'group:default/team-orders';
const TEAM_ANALYTICS = 'group:default/team-analytics';
const NAME = 'ordersmysql-shop-orders-v1';
// Tasks poll for up to 30 s each on a loaded machine.
jest.setTimeout(120_000);

const TEMPLATE_FILES = ['debezium-mysql-source', 'change-connector'].map(dir =>
  path.resolve(__dirname, `../templates/${dir}/template.yaml`),
);

/**
 * The templates run through the scaffolder's REST API by different users,
 * with the real permission backend deciding (the portal's rules) and the
 * kafka-connect backend resolving owners from its watch of the real API
 * server: another team's member can neither change nor claim a connector.
 */
describe('templates obey the permissions of the card', () => {
  const audit: AuditRecord[] = [];
  let server: Server;
  let namespace: string;
  const cluster = () => getCluster();

  const as = (user: string) => mockCredentials.user.header(user);

  async function connector(name = NAME) {
    return cluster()
      .kubeConfig()
      .makeApiClient(CustomObjectsApi)
      .getNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        namespace,
        plural: 'kafkaconnectors',
        name,
      })
      .catch(error => {
        if (error.code === 404) return undefined;
        throw error;
      });
  }

  async function runTask(
    user: string,
    templateRef: string,
    values: Record<string, unknown>,
  ) {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', as(user))
      .send({ templateRef, values });
    expect(created.status).toBe(201);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const task = await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set('Authorization', as(user));
      if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
        const events = await request(server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
          .set('Authorization', as(user));
        const log = events.body
          .map((event: any) => event.body?.message ?? '')
          .join('\n');
        return { status: task.body.status as string, log };
      }
      if (Date.now() > deadline) {
        throw new Error(`task stuck: ${JSON.stringify(task.body)}`);
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }

  async function until<T>(
    what: string,
    probe: () => Promise<T | undefined>,
    timeoutMs = 20_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`never: ${what}`);
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }

  const createValues = (owner: string, ns = namespace) => ({
    instance: 'orders',
    database: 'shop',
    table: 'orders',
    version: 'v1',
    serverId: 184054,
    owner,
    connect: { cluster: cluster().name, namespace: ns, name: 'orders-connect' },
    tasksMax: 2,
    delivery: 'apply',
  });

  const changeValues = () => ({
    entityRef: `resource:default/kctr.${cluster().name}.${namespace}.${NAME}`,
    blueprint: 'debezium-mysql-source',
    name: NAME,
    cluster: cluster().name,
    namespace,
    connectCluster: 'orders-connect',
    owner: TEAM_ORDERS,
    currentTasksMax: 2,
    currentParameters: {
      instance: 'orders',
      database: 'shop',
      table: 'orders',
      version: 'v1',
      serverId: 184054,
    },
    delivery: 'apply',
  });

  beforeAll(async () => {
    namespace = await cluster().newNamespace('perm');
    await cluster().apply(ordersConnect(namespace));
    ({ server } = await startScaffolderBackend(cluster(), namespace, {
      templates: TEMPLATE_FILES,
      extraFeatures: [
        permissionPlugin,
        portalRulesPolicyModule,
        permissionsServiceFactory,
        onBehalfOfAuth,
        userInfoWithGroups({
          [ALICE]: [TEAM_ORDERS],
          [MALLORY]: [TEAM_ANALYTICS],
          [ADMIN]: [ADMIN_GROUP],
        }),
        recordingAuditor(audit),
      ],
      extraConfig: { permission: { enabled: true } },
      authorization: as(ALICE),
    }));
  });

  it("refuses a create for another team's owner and applies nothing", async () => {
    const refused = await runTask(
      MALLORY,
      'template:default/debezium-mysql-source',
      createValues(TEAM_ORDERS),
    );
    expect(refused.status).toBe('failed');
    expect(refused.log).toContain(
      `owner: ${MALLORY} may not create a connector owned by '${TEAM_ORDERS}'`,
    );
    expect(await connector()).toBeUndefined();
    expect(
      audit.find(
        record =>
          record.eventId === 'connector-create' &&
          record.meta.initiator === MALLORY,
      ),
    ).toMatchObject({
      pluginId: 'scaffolder',
      outcome: 'fail',
      meta: { owner: TEAM_ORDERS, refused: true, connector: NAME },
    });
  });

  it("creates for the user's own team; another team's member can then neither stop nor roll it; its owner can", async () => {
    const created = await runTask(
      ALICE,
      'template:default/debezium-mysql-source',
      createValues(TEAM_ORDERS),
    );
    expect(created).toMatchObject({ status: 'completed' });
    // The permission rule resolves the owner from the backend's watch.
    await until('the connector in the backend', async () => {
      const response = await request(server)
        .get(
          `/api/kafka-connect/connectors/${
            cluster().name
          }/${namespace}/${NAME}`,
        )
        .set('Authorization', as(ALICE));
      return response.status === 200 && response.body.owner === TEAM_ORDERS
        ? true
        : undefined;
    });
    const before = await connector();

    const stop = await runTask(
      MALLORY,
      'template:default/change-kafka-connector',
      {
        ...changeValues(),
        state: 'stopped',
      },
    );
    expect(stop.status).toBe('failed');
    expect(stop.log).toContain(
      `${MALLORY} may not change KafkaConnector ${namespace}/${NAME} in cluster ${
        cluster().name
      }: only its owner and admins may (permission kafka.connect.operate)`,
    );
    const roll = await runTask(
      MALLORY,
      'template:default/change-kafka-connector',
      {
        ...changeValues(),
        version: '2026120201',
      },
    );
    expect(roll.status).toBe('failed');
    expect(roll.log).toContain('permission kafka.connect.operate');

    // A dry run through the REST API is asked too, and changes nothing.
    const dry = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', as(MALLORY))
      .send({
        template: templateEntity(TEMPLATE_FILES[1]),
        values: { ...changeValues(), state: 'stopped' },
        directoryContents: [],
      });
    expect(JSON.stringify(dry.body)).toContain(
      `${MALLORY} may not change KafkaConnector ${namespace}/${NAME}`,
    );
    expect(JSON.stringify(dry.body)).not.toContain('Dry run: would change');

    const after = await connector();
    expect(after?.metadata.resourceVersion).toBe(
      before?.metadata.resourceVersion,
    );
    expect(after?.spec).toEqual(before?.spec);
    expect(after?.spec.state).toBe('running');
    expect(
      await connector('ordersmysql-shop-orders-2026120201'),
    ).toBeUndefined();
    const refusals = audit.filter(
      record =>
        record.eventId === 'connector-change' &&
        record.meta.initiator === MALLORY,
    );
    expect(refusals.map(r => r.meta.dryRun)).toEqual([false, false, true]);
    expect(refusals.every(r => r.outcome === 'fail' && r.meta.refused)).toBe(
      true,
    );

    const owners = await runTask(
      ALICE,
      'template:default/change-kafka-connector',
      {
        ...changeValues(),
        state: 'stopped',
      },
    );
    expect(owners.status).toBe('completed');
    expect((await connector())?.spec.state).toBe('stopped');
    expect(
      audit.find(
        record =>
          record.eventId === 'connector-change' &&
          record.meta.initiator === ALICE,
      ),
    ).toMatchObject({
      outcome: 'success',
      meta: { connector: NAME, changed: true, output: 'apply' },
    });
  });

  it('lets an admin create for any team', async () => {
    const created = await runTask(
      ADMIN,
      'template:default/debezium-mysql-source',
      { ...createValues(TEAM_ANALYTICS), table: 'refunds' },
    );
    expect(created.status).toBe('completed');
    const applied = await connector('ordersmysql-shop-refunds-v1');
    expect(applied?.metadata.annotations['kafka-connect.dev/owner']).toBe(
      TEAM_ANALYTICS,
    );
  });

  it('refuses a namespace whose owner annotation names another team', async () => {
    const closed = await cluster().newNamespace('closed');
    await cluster().apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: closed,
        annotations: { 'kafka-connect.dev/owner': TEAM_ANALYTICS },
      },
    });
    // The backend learns the annotation through its Namespace watch.
    const refused = await until('the namespace refused', async () => {
      const run = await runTask(
        ALICE,
        'template:default/debezium-mysql-source',
        createValues(TEAM_ORDERS, closed),
      );
      return run.log.includes('namespace: ') ? run : undefined;
    });
    expect(refused.status).toBe('failed');
    expect(refused.log).toContain(
      `namespace: ${ALICE} may not create connectors in namespace '${closed}'`,
    );
    expect(
      await cluster()
        .kubeConfig()
        .makeApiClient(CustomObjectsApi)
        .listNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace: closed,
          plural: 'kafkaconnectors',
        }),
    ).toMatchObject({ items: [] });
  });
});
