import type { PermissionsService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { initiatorOf, PermissionsSelfServiceGuard } from './SelfServiceGuard';

/** Permissions that allow exactly the resource refs given, recording the requests. */
function permissionsAllowing(allowed: string[]) {
  const authorize = jest.fn(
    async (
      requests: Array<{ permission: { name: string }; resourceRef?: string }>,
    ) =>
      requests.map(request => ({
        result: allowed.includes(
          `${request.permission.name} ${request.resourceRef}`,
        )
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })),
  );
  return {
    authorize,
    service: { authorize } as unknown as PermissionsService,
  };
}

const alice = mockCredentials.user('user:default/alice');
const connector = { cluster: 'eu-1', namespace: 'orders', name: 'cdc-v1' };
const target = {
  cluster: 'eu-1',
  namespace: 'orders',
  owner: 'group:default/team-analytics',
};

describe('PermissionsSelfServiceGuard', () => {
  it('asks kafka.connect.operate on the connector with the given credentials', async () => {
    const { service, authorize } = permissionsAllowing([
      'kafka.connect.operate eu-1/orders/cdc-v1',
    ]);
    await new PermissionsSelfServiceGuard(service).mayOperate(alice, connector);
    expect(authorize).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'kafka.connect.operate',
          }),
          resourceRef: 'eu-1/orders/cdc-v1',
        }),
      ],
      { credentials: alice },
    );
  });

  it('refuses with a NotAllowedError naming the user, the connector and the reason', async () => {
    const { service } = permissionsAllowing([]);
    const error = await new PermissionsSelfServiceGuard(service)
      .mayOperate(alice, connector)
      .catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toBe(
      'user:default/alice may not change KafkaConnector orders/cdc-v1 in cluster eu-1: only its owner and admins may (permission kafka.connect.operate); nothing was applied. Deliver the change as a pull request instead, or ask its owner',
    );
  });

  it('allows a create the policy allows', async () => {
    const { service } = permissionsAllowing([
      'kafka.connect.create eu-1/orders/group:default/team-analytics',
    ]);
    await expect(
      new PermissionsSelfServiceGuard(service).mayCreate(alice, target),
    ).resolves.toBeUndefined();
  });

  it('names the owner field when the user could create for themself but not for that owner', async () => {
    const { service } = permissionsAllowing([
      'kafka.connect.create eu-1/orders/user:default/alice',
    ]);
    await expect(
      new PermissionsSelfServiceGuard(service).mayCreate(alice, target),
    ).rejects.toThrow(
      /^owner: user:default\/alice may not create a connector owned by 'group:default\/team-analytics'/,
    );
  });

  it('names the namespace field when the namespace is closed to the user', async () => {
    const { service } = permissionsAllowing([]);
    await expect(
      new PermissionsSelfServiceGuard(service).mayCreate(alice, target),
    ).rejects.toThrow(
      /^namespace: user:default\/alice may not create connectors in namespace 'orders' of cluster 'eu-1'/,
    );
  });
});

describe('initiatorOf', () => {
  it('names users by ref, services by subject', () => {
    expect(initiatorOf(alice)).toBe('user:default/alice');
    expect(initiatorOf(mockCredentials.service('plugin:catalog'))).toBe(
      'plugin:catalog',
    );
    expect(initiatorOf(mockCredentials.none())).toBe('none');
  });
});
