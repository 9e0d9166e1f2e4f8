import {
  type AuditorService,
  type AuthService,
  type BackstageCredentials,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  kafkaConnectCreatePermission,
  kafkaConnectOperatePermission,
} from '@kcs/plugin-kafka-connect-common';
import {
  createKafkaConnectorConditionalDecision,
  createKafkaConnectorTargetConditionalDecision,
  kafkaConnectorConditions,
  kafkaConnectorTargetConditions,
} from '@kcs/plugin-kafka-connect-node';

/** Members of this group may do everything, as in the portal. */
export const ADMIN_GROUP = 'group:default/platform-team';

/**
 * The portal's rules on the suite's permissions (packages/backend's
 * PortalPermissionPolicy, which a plugin package cannot import): admins
 * everything; operate what you own; create for yourself or your groups, in
 * namespaces open to you.
 */
export const portalRulesPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-rules',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(req, user) {
            const claims = user?.info.ownershipEntityRefs ?? [];
            if (claims.includes(ADMIN_GROUP)) {
              return { result: AuthorizeResult.ALLOW };
            }
            if (isPermission(req.permission, kafkaConnectOperatePermission)) {
              return createKafkaConnectorConditionalDecision(
                req.permission,
                kafkaConnectorConditions.isOwnedByUser({ claims }),
              );
            }
            if (isPermission(req.permission, kafkaConnectCreatePermission)) {
              return createKafkaConnectorTargetConditionalDecision(
                req.permission,
                {
                  allOf: [
                    kafkaConnectorTargetConditions.isRequestedOwnerOfUser({
                      claims,
                    }),
                    kafkaConnectorTargetConditions.isNamespaceOpenToUser({
                      claims,
                    }),
                  ],
                },
              );
            }
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

/** User info with group memberships, as the catalog would give them. */
export function userInfoWithGroups(groups: Record<string, string[]>) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: BackstageCredentials) {
        const ref = (credentials.principal as { userEntityRef: string })
          .userEntityRef;
        return {
          userEntityRef: ref,
          ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
        };
      },
    }),
  });
}

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

/** An audit event as recorded, with the plugin that emitted it. */
export interface AuditRecord {
  pluginId: string;
  eventId: string;
  meta: Record<string, unknown>;
  outcome?: 'success' | 'fail';
  error?: string;
}

/** Records every plugin's audit events into `records`. */
export function recordingAuditor(records: AuditRecord[]) {
  return createServiceFactory({
    service: coreServices.auditor,
    deps: { plugin: coreServices.pluginMetadata },
    factory({ plugin }): AuditorService {
      return {
        async createEvent(options) {
          const record: AuditRecord = {
            pluginId: plugin.getId(),
            eventId: options.eventId,
            meta: { ...(options.meta as object) },
          };
          records.push(record);
          return {
            async success(result) {
              record.outcome = 'success';
              Object.assign(record.meta, result?.meta);
            },
            async fail(result) {
              record.outcome = 'fail';
              record.error = String(result.error?.message ?? result.error);
              Object.assign(record.meta, result.meta);
            },
          };
        },
      };
    },
  });
}
