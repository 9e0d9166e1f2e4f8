import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of connectors in permission rules. @public */
export const KAFKA_CONNECTOR_RESOURCE_TYPE = 'kafka-connector';

/** Reading connector health and Connect clusters. @public */
export const kafkaConnectReadPermission = createPermission({
  name: 'kafka.connect.read',
  attributes: { action: 'read' },
});

/** Operating a connector (pause, resume, stop, restart). @public */
export const kafkaConnectOperatePermission = createPermission({
  name: 'kafka.connect.operate',
  attributes: { action: 'update' },
  resourceType: KAFKA_CONNECTOR_RESOURCE_TYPE,
});

/** Every permission of the suite. @public */
export const kafkaConnectPermissions = [
  kafkaConnectReadPermission,
  kafkaConnectOperatePermission,
];
