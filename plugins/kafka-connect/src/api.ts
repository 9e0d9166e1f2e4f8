import { createApiRef } from '@backstage/core-plugin-api';
import type { KafkaConnectClient } from '@kcs/plugin-kafka-connect-common';

/** What the frontend asks the kafka-connect backend. @public */
export type KafkaConnectApi = Pick<
  KafkaConnectClient,
  | 'getEntityConnectors'
  | 'getConnectors'
  | 'getConnector'
  | 'getConnectorHistory'
  | 'getClusters'
  | 'runConnectorAction'
  | 'getConnectorOffsets'
  | 'resetConnectorOffsets'
  | 'alterConnectorOffsets'
  | 'validateConnector'
>;

/** The API ref of the kafka-connect client. @public */
export const kafkaConnectApiRef = createApiRef<KafkaConnectApi>({
  id: 'plugin.kafka-connect.service',
});
