/**
 * A backend with the kafka-connect plugin, the permission backend and the
 * portal's owner policy against a local cluster, and a client of its
 * operations route: shared by the operations integration tests.
 */
import {
  AuditorService,
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CustomObjectsApi } from '@kubernetes/client-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { kafkaConnectOperatePermission } from '@kcs/plugin-kafka-connect-common';
import {
  createKafkaConnectorConditionalDecision,
  kafkaConnectorConditions,
} from '@kcs/plugin-kafka-connect-node';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  ClusterAccess,
  connectManifest,
  pollConnector,
  startBackendForCluster,
} from './clusterBackend';

export const OWNER = 'user:default/alice';
export const STRANGER = 'user:default/mallory';
export const ADMIN = 'user:default/admin';
export const FAILED_TASKS = 'simulator.kafka-connect.dev/failed-tasks';

/** The portal's rule, as a policy: admins may operate anything, others what they own. */
export const ownerPolicyModule = createBackendModule({
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
export const onBehalfOfAuth = createServiceFactory({
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

export interface AuditRecord {
  eventId: string;
  actor?: string;
  meta?: Record<string, unknown>;
  outcome?: 'success' | 'fail';
  error?: string;
}

/** Records audit events with the caller the request carried. */
export function recordingAuditor(records: AuditRecord[]) {
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

/** The KafkaConnect `connect` in `apiVersion` (e.g. kafka.strimzi.io/v1beta2). */
export function connectResource(namespace: string, apiVersion: string) {
  return connectManifest(namespace, { version: apiVersion.split('/')[1] });
}

export function connectorResource(
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

export async function startBackend(
  cluster: ClusterAccess,
  options: { strimziVersion?: string } = {},
): Promise<{ server: Server; audit: AuditRecord[] }> {
  const audit: AuditRecord[] = [];
  const { server } = await startBackendForCluster(cluster, {
    ...options,
    extraFeatures: [
      permissionPlugin,
      ownerPolicyModule,
      permissionsServiceFactory,
      onBehalfOfAuth,
      recordingAuditor(audit),
    ],
    extraConfig: { permission: { enabled: true } },
  });
  return { server, audit };
}

export function client(server: Server, clusterName: string, namespace: string) {
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
    until: (
      name: string,
      accept: (summary: Record<string, any>) => boolean,
      timeoutMs = 15_000,
    ): Promise<Record<string, any>> =>
      pollConnector(
        server,
        { name: clusterName },
        namespace,
        name,
        accept,
        timeoutMs,
        { user: OWNER, intervalMs: 150 },
      ),
  };
}

export async function readResource(
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
