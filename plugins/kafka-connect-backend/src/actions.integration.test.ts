import {
  AuditorService,
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CustomObjectsApi } from '@kubernetes/client-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { useTestCluster } from '@kcs/dev-cluster';
import { kafkaConnectOperatePermission } from '@kcs/plugin-kafka-connect-common';
import {
  createKafkaConnectorConditionalDecision,
  kafkaConnectorConditions,
} from '@kcs/plugin-kafka-connect-node';
import type { Server } from 'node:http';
import request from 'supertest';
import { kafkaConnectPlugin } from './plugin';

const OWNER = 'user:default/alice';
const STRANGER = 'user:default/mallory';
const ADMIN = 'user:default/admin';
const FAILED_TASKS = 'simulator.kafka-connect.dev/failed-tasks';

/** The portal's rule, as a policy: admins may operate anything, others what they own. */
const ownerPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'owner-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(req, user) {
            const refs = user?.info.ownershipEntityRefs ?? [];
            if (
              refs.includes(ADMIN) ||
              !isPermission(req.permission, kafkaConnectOperatePermission)
            ) {
              return { result: AuthorizeResult.ALLOW };
            }
            return createKafkaConnectorConditionalDecision(
              req.permission,
              kafkaConnectorConditions.isOwnedByUser({ claims: refs }),
            );
          },
        });
      },
    });
  },
});

/**
 * Backstage's mock auth issues on-behalf-of tokens that authenticate as a
 * plain user; the real auth service marks them with the calling plugin as
 * actor, which the permission registry requires before it evaluates
 * conditions. This adds that actor, so conditional decisions run end to end.
 */
const onBehalfOfAuth = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: inner.authenticate.bind(inner),
      getNoneCredentials: inner.getNoneCredentials.bind(inner),
      getOwnServiceCredentials: inner.getOwnServiceCredentials.bind(inner),
      isPrincipal: inner.isPrincipal.bind(inner) as AuthService['isPrincipal'],
      getLimitedUserToken: inner.getLimitedUserToken.bind(inner),
      listPublicServiceKeys: inner.listPublicServiceKeys.bind(inner),
      async getPluginRequestToken(options) {
        const principal = options.onBehalfOf.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.type === 'user' && principal.userEntityRef) {
          return {
            token: mockCredentials.user.token(principal.userEntityRef, {
              actor: { subject: `plugin:${plugin.getId()}` },
            }),
          };
        }
        return inner.getPluginRequestToken(options);
      },
    };
  },
});

interface AuditRecord {
  eventId: string;
  actor?: string;
  meta?: Record<string, unknown>;
  outcome?: 'success' | 'fail';
  error?: string;
}

/** Records audit events with the caller the request carried. */
function recordingAuditor(records: AuditRecord[]) {
  return createServiceFactory({
    service: coreServices.auditor,
    deps: { httpAuth: coreServices.httpAuth },
    factory({ httpAuth }): AuditorService {
      return {
        async createEvent(options) {
          const credentials = options.request
            ? await httpAuth.credentials(options.request as any)
            : undefined;
          const record: AuditRecord = {
            eventId: options.eventId,
            actor: (credentials?.principal as { userEntityRef?: string })
              ?.userEntityRef,
            meta: options.meta as Record<string, unknown>,
          };
          records.push(record);
          return {
            async success(result) {
              record.outcome = 'success';
              record.meta = { ...record.meta, ...result?.meta };
            },
            async fail(result) {
              record.outcome = 'fail';
              record.error = String(result.error?.message ?? result.error);
            },
          };
        },
      };
    },
  });
}

function connectResource(namespace: string, apiVersion: string) {
  return {
    apiVersion,
    kind: 'KafkaConnect',
    metadata: {
      name: 'connect',
      namespace,
      annotations: { 'strimzi.io/use-connector-resources': 'true' },
    },
    spec: {
      replicas: 1,
      bootstrapServers: 'k:9092',
      groupId: 'g',
      configStorageTopic: 'c',
      statusStorageTopic: 's',
      offsetStorageTopic: 'o',
    },
  };
}

function connectorResource(
  namespace: string,
  name: string,
  apiVersion: string,
  failedTasks?: Record<string, string>,
  owner: string | undefined = OWNER,
) {
  return {
    apiVersion,
    kind: 'KafkaConnector',
    metadata: {
      name,
      namespace,
      labels: { 'strimzi.io/cluster': 'connect' },
      annotations: {
        ...(owner ? { 'kafka-connect.dev/owner': owner } : {}),
        ...(failedTasks ? { [FAILED_TASKS]: JSON.stringify(failedTasks) } : {}),
      },
    },
    spec: {
      class: 'io.debezium.connector.mysql.MySqlConnector',
      tasksMax: 2,
      config: { 'topic.prefix': 'shop' },
    },
  };
}

async function startBackend(cluster: {
  name: string;
  server: string;
  portalToken: string;
  caData?: string;
}) {
  const audit: AuditRecord[] = [];
  const { server } = await startTestBackend({
    features: [
      kafkaConnectPlugin,
      permissionPlugin,
      ownerPolicyModule,
      permissionsServiceFactory,
      onBehalfOfAuth,
      recordingAuditor(audit),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          kafkaConnect: {
            clusters: [
              {
                name: cluster.name,
                url: cluster.server,
                authProvider: 'serviceAccount',
                serviceAccountToken: cluster.portalToken,
                caData: cluster.caData,
              },
            ],
          },
        },
      }),
    ],
  });
  return { server, audit };
}

function client(server: Server, clusterName: string, namespace: string) {
  const path = (name: string) =>
    `/api/kafka-connect/connectors/${clusterName}/${namespace}/${name}`;
  return {
    act: (name: string, body: unknown, user = OWNER) =>
      request(server)
        .post(`${path(name)}/actions`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body as object),
    get: (name: string) =>
      request(server)
        .get(path(name))
        .set('Authorization', mockCredentials.user.header(OWNER)),
    /** Polls the API until the connector's summary satisfies `accept`. */
    async until(
      name: string,
      accept: (summary: Record<string, any>) => boolean,
      timeoutMs = 15_000,
    ): Promise<Record<string, any>> {
      const deadline = Date.now() + timeoutMs;
      let last: unknown;
      for (;;) {
        const response = await request(server)
          .get(path(name))
          .set('Authorization', mockCredentials.user.header(OWNER));
        last = response.body;
        if (response.status === 200 && accept(response.body)) {
          return response.body;
        }
        if (Date.now() > deadline) {
          throw new Error(`${name} never got there: ${JSON.stringify(last)}`);
        }
        await new Promise(resolve => setTimeout(resolve, 150));
      }
    },
  };
}

async function readResource(
  cluster: { kubeConfig(): any },
  plural: string,
  namespace: string,
  name: string,
  version = 'v1',
): Promise<Record<string, any>> {
  return (await cluster
    .kubeConfig()
    .makeApiClient(CustomObjectsApi)
    .getNamespacedCustomObject({
      group: 'kafka.strimzi.io',
      version,
      namespace,
      plural,
      name,
    })) as Record<string, any>;
}

describe('connector operations against a real cluster (kafka.strimzi.io/v1)', () => {
  const getCluster = useTestCluster();

  async function setUp(prefix: string, extra: object[] = []) {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace(prefix);
    await cluster.apply([
      connectResource(namespace, 'kafka.strimzi.io/v1'),
      connectorResource(namespace, 'orders-cdc', 'kafka.strimzi.io/v1'),
      connectorResource(namespace, 'orders-flaky', 'kafka.strimzi.io/v1', {
        '0': 'java.lang.Exception: zero',
        '1': 'java.lang.Exception: one',
      }),
      ...extra,
    ] as any);
    const { server, audit } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    await api.until('orders-cdc', s => s.health === 'healthy');
    await api.until('orders-flaky', s => s.health === 'failed');
    return { cluster, namespace, api, audit };
  }

  it('pauses, stops and resumes for the owner, each reflected in health, and audits it', async () => {
    const { cluster, namespace, api, audit } = await setUp('ops');
    const before = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );

    const paused = await api.act('orders-cdc', { action: 'pause' });
    expect(paused.status).toBe(202);
    expect(paused.body).toEqual({
      accepted: true,
      action: 'pause',
      generation: before.metadata.generation + 1,
    });
    expect(
      (await readResource(cluster, 'kafkaconnectors', namespace, 'orders-cdc'))
        .spec.state,
    ).toBe('paused');
    await api.until('orders-cdc', s => s.health === 'paused');

    expect((await api.act('orders-cdc', { action: 'stop' })).status).toBe(202);
    const stopped = await api.until('orders-cdc', s => s.health === 'stopped');
    expect(stopped.desiredState).toBe('stopped');

    expect((await api.act('orders-cdc', { action: 'resume' })).status).toBe(
      202,
    );
    const resumed = await api.until('orders-cdc', s => s.health === 'healthy');
    expect(resumed.tasks.running).toBe(2);

    expect(audit.filter(e => e.eventId === 'connector-operate')).toEqual([
      expect.objectContaining({
        actor: OWNER,
        outcome: 'success',
        meta: expect.objectContaining({
          connector: `${cluster.name}/${namespace}/orders-cdc`,
          action: 'pause',
        }),
      }),
      expect.objectContaining({ actor: OWNER, outcome: 'success' }),
      expect.objectContaining({ actor: OWNER, outcome: 'success' }),
    ]);
  });

  it('restarts one task, then all failed tasks; the stand-in removes the annotations', async () => {
    const { cluster, namespace, api } = await setUp('restart');

    const one = await api.act('orders-flaky', {
      action: 'restart-task',
      taskId: 1,
    });
    expect(one.status).toBe(202);
    const degraded = await api.until(
      'orders-flaky',
      s => s.health === 'degraded',
    );
    expect(degraded.failingTasks.map((t: { id: number }) => t.id)).toEqual([0]);
    const afterTask = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-flaky',
    );
    expect(afterTask.metadata.annotations).not.toHaveProperty(
      'strimzi.io/restart-task',
    );

    const all = await api.act('orders-flaky', {
      action: 'restart',
      includeTasks: true,
      onlyFailed: true,
    });
    expect(all.status).toBe(202);
    await api.until('orders-flaky', s => s.health === 'healthy');
    const afterAll = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-flaky',
    );
    expect(afterAll.metadata.annotations).not.toHaveProperty(
      'strimzi.io/restart',
    );
  });

  it('refuses a caller who does not own the connector with 403, and changes nothing', async () => {
    const { cluster, namespace, api, audit } = await setUp('deny');
    const before = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );

    for (const body of [
      { action: 'pause' },
      { action: 'stop' },
      { action: 'restart' },
    ]) {
      const refused = await api.act('orders-cdc', body, STRANGER);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/only its owner and admins/);
    }

    const after = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
    expect(after.spec).toEqual(before.spec);
    expect(audit.filter(e => e.outcome === 'fail')).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actor: STRANGER, outcome: 'fail' });

    // An admin may operate what they do not own.
    expect(
      (await api.act('orders-cdc', { action: 'pause' }, ADMIN)).status,
    ).toBe(202);
    await api.until('orders-cdc', s => s.health === 'paused');
  });

  it("takes the Namespace's owner when the connector names none", async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('nsowner');
    await cluster.apply([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: namespace,
          annotations: { 'kafka-connect.dev/owner': OWNER },
        },
      },
      connectResource(namespace, 'kafka.strimzi.io/v1'),
      connectorResource(
        namespace,
        'unlabelled',
        'kafka.strimzi.io/v1',
        undefined,
        undefined,
      ),
    ] as any);
    const { server } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    await api.until('unlabelled', s => s.health === 'healthy');
    expect(
      (await api.act('unlabelled', { action: 'pause' }, STRANGER)).status,
    ).toBe(403);
    expect((await api.act('unlabelled', { action: 'pause' })).status).toBe(202);
    await api.until('unlabelled', s => s.health === 'paused');
  });

  it('answers 400 for bad requests and 404 for unknown connectors, changing nothing', async () => {
    const { cluster, namespace, api } = await setUp('bad');
    const before = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );

    const unknownAction = await api.act('orders-cdc', { action: 'explode' });
    expect(unknownAction.status).toBe(400);
    expect(unknownAction.body.error.message).toMatch(/Field 'action'/);
    const badTask = await api.act('orders-cdc', {
      action: 'restart-task',
      taskId: 'one',
    });
    expect(badTask.status).toBe(400);
    expect(badTask.body.error.message).toMatch(/'taskId'/);
    expect((await api.act('does-not-exist', { action: 'pause' })).status).toBe(
      404,
    );

    const after = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
    );
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
  });

  it('scales tasks through the scale subresource', async () => {
    const { api } = await setUp('scale');
    const scaled = await api.act('orders-cdc', {
      action: 'scale',
      tasksMax: 3,
    });
    expect(scaled.status).toBe(202);
    const summary = await api.until(
      'orders-cdc',
      s => s.tasks.total === 3 && s.health === 'healthy',
    );
    expect(summary.tasksMax).toBe(3);
  });

  it('restarts a KafkaMirrorMaker2 connector task with its own annotation', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('mm2');
    const source = 'eu->us.MirrorSourceConnector';
    await cluster.apply([
      {
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaMirrorMaker2',
        metadata: {
          name: 'mirror',
          namespace,
          annotations: {
            'kafka-connect.dev/owner': OWNER,
            [FAILED_TASKS]: JSON.stringify({ [`${source}:0`]: 'boom' }),
          },
        },
        spec: {
          version: '4.1.0',
          replicas: 1,
          target: {
            alias: 'us',
            bootstrapServers: 'us:9092',
            groupId: 'g',
            configStorageTopic: 'c',
            offsetStorageTopic: 'o',
            statusStorageTopic: 's',
          },
          mirrors: [
            {
              source: { alias: 'eu', bootstrapServers: 'eu:9092' },
              sourceConnector: { tasksMax: 1, config: {} },
            },
          ],
        },
      },
    ] as any);
    const { server } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    await api.until('mirror', s => s.health === 'failed');

    const refused = await api.act('mirror', { action: 'pause' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/KafkaMirrorMaker2/);

    const restarted = await api.act('mirror', {
      action: 'restart-task',
      connector: source,
      taskId: 0,
    });
    expect(restarted.status).toBe(202);
    await api.until('mirror', s => s.health === 'healthy');
    const after = await readResource(
      cluster,
      'kafkamirrormaker2s',
      namespace,
      'mirror',
    );
    expect(after.metadata.annotations).not.toHaveProperty(
      'strimzi.io/restart-connector-task',
    );
  });
});

describe('connector operations on a v1beta2 cluster without spec.state', () => {
  const getCluster = useTestCluster({ strimziApi: 'v1beta2-only' });

  it('pauses and resumes with spec.pause, and refuses stop with a clear error', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('old');
    await cluster.apply([
      connectResource(namespace, 'kafka.strimzi.io/v1beta2'),
      connectorResource(namespace, 'orders-cdc', 'kafka.strimzi.io/v1beta2'),
    ] as any);
    const { server } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    await api.until('orders-cdc', s => s.health === 'healthy');

    expect((await api.act('orders-cdc', { action: 'pause' })).status).toBe(202);
    const read = () =>
      readResource(
        cluster,
        'kafkaconnectors',
        namespace,
        'orders-cdc',
        'v1beta2',
      );
    expect((await read()).spec.pause).toBe(true);
    await api.until('orders-cdc', s => s.health === 'paused');

    const before = await read();
    const stop = await api.act('orders-cdc', { action: 'stop' });
    expect(stop.status).toBe(400);
    expect(stop.body.error.message).toMatch(
      /needs spec.state.*pause the connector instead, or upgrade Strimzi/,
    );
    expect((await read()).metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );

    expect((await api.act('orders-cdc', { action: 'resume' })).status).toBe(
      202,
    );
    expect((await read()).spec.pause).toBe(false);
    await api.until('orders-cdc', s => s.health === 'healthy');
  });
});
