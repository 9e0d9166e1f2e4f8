import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  formatResourceRef,
  kafkaConnectOperatePermission,
  StrimziResourceRef,
} from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';

/**
 * The connector or MirrorMaker 2 an operation is for, once the portal
 * allows operations, it exists, and the user may operate it (owners and
 * admins, `kafka.connect.operate`). Shared by every route that changes one.
 */
export async function authorizeOperation(options: {
  ref: StrimziResourceRef;
  cache: StrimziResourceReader;
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  /** Why operations are refused on this portal, if they are. */
  operationsRefusal?: string;
}): Promise<{
  found: CachedResource;
  kind: 'KafkaConnector' | 'KafkaMirrorMaker2';
}> {
  const { ref, cache, permissions, credentials } = options;
  const { cluster, namespace, name } = ref;
  if (options.operationsRefusal) {
    throw new NotAllowedError(options.operationsRefusal);
  }
  const found =
    cache.get('KafkaConnector', cluster, namespace, name) ??
    cache.get('KafkaMirrorMaker2', cluster, namespace, name);
  if (!found) {
    throw new NotFoundError(
      `No KafkaConnector or KafkaMirrorMaker2 ${namespace}/${name} in cluster ${cluster}`,
    );
  }
  const kind =
    found.kind === 'KafkaMirrorMaker2' ? 'KafkaMirrorMaker2' : 'KafkaConnector';
  const [decision] = await permissions.authorize(
    [
      {
        permission: kafkaConnectOperatePermission,
        resourceRef: formatResourceRef(ref),
      },
    ],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You may not operate ${kind} ${namespace}/${name} in cluster ${cluster}: only its owner and admins may (permission kafka.connect.operate)`,
    );
  }
  return { found, kind };
}
