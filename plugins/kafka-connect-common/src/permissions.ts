import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of connectors in permission rules. @public */
export const KAFKA_CONNECTOR_RESOURCE_TYPE = 'kafka-connector';

/**
 * Resource type of the place a new connector goes: cluster, namespace and the
 * owner it is created for (see {@link formatConnectorTargetRef}).
 * @public
 */
export const KAFKA_CONNECTOR_TARGET_RESOURCE_TYPE = 'kafka-connector-target';

/** Reading connector health and Connect clusters. @public */
export const kafkaConnectReadPermission = createPermission({
  name: 'kafka.connect.read',
  attributes: { action: 'read' },
});

/** Operating a connector (pause, resume, stop, restart; changes through the scaffolder). @public */
export const kafkaConnectOperatePermission = createPermission({
  name: 'kafka.connect.operate',
  attributes: { action: 'update' },
  resourceType: KAFKA_CONNECTOR_RESOURCE_TYPE,
});

/**
 * Creating a connector for an owner in a namespace of a cluster (the
 * scaffolder's applied deliveries). The resource is the target, not the
 * connector, which does not exist yet.
 * @public
 */
export const kafkaConnectCreatePermission = createPermission({
  name: 'kafka.connect.create',
  attributes: { action: 'create' },
  resourceType: KAFKA_CONNECTOR_TARGET_RESOURCE_TYPE,
});

/** Every permission of the suite. @public */
export const kafkaConnectPermissions = [
  kafkaConnectReadPermission,
  kafkaConnectOperatePermission,
  kafkaConnectCreatePermission,
];
