import type {
  KafkaConnectResource,
  KafkaMirrorMaker2Resource,
} from '../../strimzi';

/** A KafkaConnect as Strimzi 1.x reports it once ready (values are made up). */
export const readyConnect: KafkaConnectResource = {
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaConnect',
  metadata: {
    name: 'orders-connect',
    namespace: 'orders',
    generation: 4,
    annotations: {
      'strimzi.io/use-connector-resources': 'true',
      'kafka-connect.dev/owner': 'team-orders',
    },
  },
  spec: { replicas: 3, bootstrapServers: 'orders-kafka-bootstrap:9093' },
  status: {
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        lastTransitionTime: '2026-03-02T08:14:51.203911552Z',
      },
    ],
    observedGeneration: 4,
    url: 'http://orders-connect-connect-api.orders.svc:8083',
    replicas: 3,
    labelSelector:
      'strimzi.io/cluster=orders-connect,strimzi.io/name=orders-connect-connect,strimzi.io/kind=KafkaConnect',
    connectorPlugins: [
      {
        class: 'io.debezium.connector.postgresql.PostgresConnector',
        type: 'source',
        version: '3.1.2.Final',
      },
      {
        class: 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
        type: 'source',
        version: '4.1.0',
      },
    ],
  },
};

/** An old-style KafkaConnect status: only conditions, generation and URL. */
export const legacyConnect: KafkaConnectResource = {
  apiVersion: 'kafka.strimzi.io/v1beta2',
  kind: 'KafkaConnect',
  metadata: { name: 'legacy', namespace: 'ops', generation: 1 },
  status: {
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        lastTransitionTime: '2021-06-01T10:00:00Z',
      },
    ],
    observedGeneration: 1,
    url: 'http://legacy-connect-api.ops.svc:8083',
  },
};

/** A KafkaConnect the operator could not deploy. */
export const brokenConnect: KafkaConnectResource = {
  kind: 'KafkaConnect',
  metadata: { name: 'broken', namespace: 'ops', generation: 2 },
  status: {
    conditions: [
      {
        type: 'NotReady',
        status: 'True',
        reason: 'TimeoutException',
        message: 'Exceeded timeout of 300000ms while waiting for Deployment',
        lastTransitionTime: '2026-03-02T09:00:00Z',
      },
    ],
    observedGeneration: 2,
    replicas: 0,
  },
};

/** A KafkaMirrorMaker2, which is its own Connect cluster. */
export const readyMirrorMaker2: KafkaMirrorMaker2Resource = {
  kind: 'KafkaMirrorMaker2',
  metadata: { name: 'eu-to-us', namespace: 'mirror', generation: 1 },
  status: {
    conditions: [{ type: 'Ready', status: 'True' }],
    observedGeneration: 1,
    replicas: 1,
    url: 'http://eu-to-us-mirrormaker2-api.mirror.svc:8083',
    connectorPlugins: [
      { class: 'org.apache.kafka.connect.mirror.MirrorCheckpointConnector' },
    ],
  },
};
