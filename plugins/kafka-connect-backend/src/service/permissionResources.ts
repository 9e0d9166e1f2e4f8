import type { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import {
  kafkaConnectCreatePermission,
  kafkaConnectOperatePermission,
  kafkaConnectPermissions,
} from '@kcs/plugin-kafka-connect-common';
import {
  kafkaConnectorPermissionResourceRef,
  kafkaConnectorPermissionRules,
  kafkaConnectorTargetPermissionResourceRef,
  kafkaConnectorTargetPermissionRules,
  type StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import { permissionResourceOf } from './connectors';
import { targetResourceOf } from './targets';

/**
 * The suite's permissions, and the two resource types policies decide on:
 * connectors (operate) and where the scaffolder may create them (create),
 * both resolved from the watch cache.
 */
export function addPermissionResources(
  permissionsRegistry: PermissionsRegistryService,
  cache: StrimziResourceReader,
): void {
  permissionsRegistry.addPermissions(kafkaConnectPermissions);
  permissionsRegistry.addResourceType({
    resourceRef: kafkaConnectorPermissionResourceRef,
    permissions: [kafkaConnectOperatePermission],
    rules: Object.values(kafkaConnectorPermissionRules),
    getResources: async resourceRefs =>
      resourceRefs.map(ref => permissionResourceOf(ref, cache)),
  });
  // Where the scaffolder may create connectors, and for whom.
  permissionsRegistry.addResourceType({
    resourceRef: kafkaConnectorTargetPermissionResourceRef,
    permissions: [kafkaConnectCreatePermission],
    rules: Object.values(kafkaConnectorTargetPermissionRules),
    getResources: async resourceRefs =>
      resourceRefs.map(ref => targetResourceOf(ref, cache)),
  });
}
