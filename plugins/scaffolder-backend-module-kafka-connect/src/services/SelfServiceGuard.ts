import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  type ConnectorTarget,
  formatConnectorTargetRef,
  formatResourceRef,
  kafkaConnectCreatePermission,
  kafkaConnectOperatePermission,
  type StrimziResourceRef,
} from '@kcs/plugin-kafka-connect-common';

/**
 * Asks the permission framework, with the credentials of the user who
 * started the task, whether they may change or create a connector. Each
 * method throws a NotAllowedError that names the connector or the refused
 * field and the reason.
 */
export interface SelfServiceGuard {
  mayOperate(
    credentials: BackstageCredentials,
    connector: StrimziResourceRef,
  ): Promise<void>;
  mayCreate(
    credentials: BackstageCredentials,
    target: ConnectorTarget,
  ): Promise<void>;
}

/** The user's entity ref, or a word for who else started the task. */
export function initiatorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal?.type === 'user' && principal.userEntityRef) {
    return principal.userEntityRef;
  }
  if (principal?.type === 'service' && principal.subject) {
    return principal.subject;
  }
  return principal?.type ?? 'unknown';
}

/** The guard the module uses: the same permissions the REST API and card ask. */
export class PermissionsSelfServiceGuard implements SelfServiceGuard {
  constructor(private readonly permissions: PermissionsService) {}

  async mayOperate(
    credentials: BackstageCredentials,
    connector: StrimziResourceRef,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [
        {
          permission: kafkaConnectOperatePermission,
          resourceRef: formatResourceRef(connector),
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${initiatorOf(credentials)} may not change KafkaConnector ${
          connector.namespace
        }/${connector.name} in cluster ${
          connector.cluster
        }: only its owner and admins may (permission kafka.connect.operate); nothing was applied. Deliver the change as a pull request instead, or ask its owner`,
      );
    }
  }

  async mayCreate(
    credentials: BackstageCredentials,
    target: ConnectorTarget,
  ): Promise<void> {
    const initiator = initiatorOf(credentials);
    // The same target for the user themself tells a refused owner apart
    // from a namespace closed to the user: one round trip for both.
    const [decision, forThemself] = await this.permissions.authorize(
      [
        {
          permission: kafkaConnectCreatePermission,
          resourceRef: formatConnectorTargetRef(target),
        },
        {
          permission: kafkaConnectCreatePermission,
          resourceRef: formatConnectorTargetRef({
            ...target,
            owner: initiator,
          }),
        },
      ],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return;
    }
    if (forThemself.result === AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `owner: ${initiator} may not create a connector owned by '${target.owner}': pick yourself or one of your groups as owner (permission kafka.connect.create); nothing was applied`,
      );
    }
    throw new NotAllowedError(
      `namespace: ${initiator} may not create connectors in namespace '${target.namespace}' of cluster '${target.cluster}': the namespace's owner annotation (kafka-connect.dev/owner) reserves it for another team, or the policy refuses it (permission kafka.connect.create); nothing was applied`,
    );
  }
}
