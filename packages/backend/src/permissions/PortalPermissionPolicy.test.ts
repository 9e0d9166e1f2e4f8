import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  kafkaConnectCreatePermission,
  kafkaConnectOperatePermission,
} from '@kcs/plugin-kafka-connect-common';
import {
  ADMIN_GROUP_REF,
  PortalPermissionPolicy,
} from './PortalPermissionPolicy';

function user(ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    identity: {
      type: 'user',
      userEntityRef: ownershipEntityRefs[0],
      ownershipEntityRefs,
    },
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
    credentials: {} as PolicyQueryUser['credentials'],
    token: 'token',
  } as unknown as PolicyQueryUser;
}

describe('PortalPermissionPolicy', () => {
  const policy = new PortalPermissionPolicy();

  it('lets members of the platform team delete catalog entities', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      user(['user:default/admin', ADMIN_GROUP_REF]),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('denies deletes to everyone else, but allows reads', async () => {
    const guest = user(['user:default/guest', 'group:default/team-orders']);
    expect(
      (
        await policy.handle(
          { permission: catalogEntityDeletePermission },
          guest,
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
    expect(
      (await policy.handle({ permission: catalogEntityReadPermission }, guest))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('lets admins operate any connector', async () => {
    const decision = await policy.handle(
      { permission: kafkaConnectOperatePermission },
      user(['user:default/admin', ADMIN_GROUP_REF]),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('lets others operate only connectors owned by one of their refs', async () => {
    const decision = await policy.handle(
      { permission: kafkaConnectOperatePermission },
      user(['user:default/guest', 'group:default/team-orders']),
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'kafka-connect',
      resourceType: 'kafka-connector',
      conditions: {
        rule: 'IS_OWNED_BY_USER',
        resourceType: 'kafka-connector',
        params: {
          claims: ['user:default/guest', 'group:default/team-orders'],
        },
      },
    });
  });

  it('lets admins create connectors for any owner anywhere', async () => {
    const decision = await policy.handle(
      { permission: kafkaConnectCreatePermission },
      user(['user:default/admin', ADMIN_GROUP_REF]),
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it('lets others create only for their own refs, in namespaces open to them', async () => {
    const claims = ['user:default/guest', 'group:default/team-orders'];
    const decision = await policy.handle(
      { permission: kafkaConnectCreatePermission },
      user(claims),
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'kafka-connect',
      resourceType: 'kafka-connector-target',
      conditions: {
        allOf: [
          {
            rule: 'IS_REQUESTED_OWNER_OF_USER',
            resourceType: 'kafka-connector-target',
            params: { claims },
          },
          {
            rule: 'IS_NAMESPACE_OPEN_TO_USER',
            resourceType: 'kafka-connector-target',
            params: { claims },
          },
        ],
      },
    });
  });
});
