import {
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
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

/** Members of this group may do everything in the portal. */
export const ADMIN_GROUP_REF = 'group:default/platform-team';

/**
 * The portal's permission policy: admins may do everything; everybody else may
 * read and create, but not remove what the catalog holds, may operate only
 * the connectors they (or their groups) own, and may create connectors only
 * for themselves or their groups, in namespaces that name no owner or one of
 * theirs.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ownership = user?.info.ownershipEntityRefs ?? [];
    if (ownership.includes(ADMIN_GROUP_REF)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      isPermission(request.permission, catalogEntityDeletePermission) ||
      isPermission(request.permission, catalogLocationDeletePermission)
    ) {
      return { result: AuthorizeResult.DENY };
    }
    if (isPermission(request.permission, kafkaConnectOperatePermission)) {
      return createKafkaConnectorConditionalDecision(
        request.permission,
        kafkaConnectorConditions.isOwnedByUser({ claims: ownership }),
      );
    }
    if (isPermission(request.permission, kafkaConnectCreatePermission)) {
      return createKafkaConnectorTargetConditionalDecision(request.permission, {
        allOf: [
          kafkaConnectorTargetConditions.isRequestedOwnerOfUser({
            claims: ownership,
          }),
          kafkaConnectorTargetConditions.isNamespaceOpenToUser({
            claims: ownership,
          }),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
