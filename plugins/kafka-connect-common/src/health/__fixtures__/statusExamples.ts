/**
 * KafkaConnectors shaped like statuses captured from real Strimzi clusters
 * (Connect REST bodies copied into `status.connectorStatus`, nanosecond
 * timestamps, worker ids as host:port), with this project's own values.
 */
import type { KafkaConnectorResource } from '../../strimzi';

const worker = (n: number) =>
  `payments-connect-connect-${n}.payments-connect-connect.payments.svc:8083`;

/** One task running, `Ready`, nothing to report. */
export const runningConnector: KafkaConnectorResource = {
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaConnector',
  metadata: {
    name: 'payments-outbox',
    namespace: 'payments',
    generation: 2,
    labels: { 'strimzi.io/cluster': 'payments-connect' },
  },
  spec: {
    class: 'io.debezium.connector.postgresql.PostgresConnector',
    tasksMax: 1,
    state: 'running',
  },
  status: {
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        lastTransitionTime: '2026-02-11T07:42:03.918273645Z',
      },
    ],
    connectorStatus: {
      name: 'payments-outbox',
      connector: { state: 'RUNNING', worker_id: worker(1) },
      tasks: [{ id: 0, state: 'RUNNING', worker_id: worker(1) }],
      type: 'source',
    },
    observedGeneration: 2,
    tasksMax: 1,
    topics: ['payments.public.outbox'],
  },
};

/**
 * Strimzi marks a connector whose tasks failed `NotReady` with reason
 * `Throwable`, while Connect still reports the connector itself RUNNING.
 */
export const taskFailedConnector: KafkaConnectorResource = {
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaConnector',
  metadata: {
    name: 'ledger-sink',
    namespace: 'payments',
    generation: 3,
    labels: { 'strimzi.io/cluster': 'payments-connect' },
  },
  spec: {
    class: 'io.confluent.connect.jdbc.JdbcSinkConnector',
    tasksMax: 3,
    autoRestart: { enabled: true },
  },
  status: {
    autoRestart: {
      count: 2,
      lastRestartTimestamp: '2026-02-11T09:03:40.117502361Z',
    },
    conditions: [
      {
        type: 'NotReady',
        status: 'True',
        reason: 'Throwable',
        message:
          'The following tasks have failed: 1, see connectorStatus for more details.',
        lastTransitionTime: '2026-02-11T09:05:12.440190726Z',
      },
    ],
    connectorStatus: {
      name: 'ledger-sink',
      connector: { state: 'RUNNING', worker_id: worker(0) },
      tasks: [
        { id: 0, state: 'RUNNING', worker_id: worker(0) },
        {
          id: 1,
          state: 'FAILED',
          worker_id: worker(2),
          trace:
            'org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.\n\tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:632)',
        },
        { id: 2, state: 'RUNNING', worker_id: worker(1) },
      ],
      type: 'sink',
    },
    observedGeneration: 3,
    tasksMax: 3,
    topics: ['payments.ledger'],
  },
};

/**
 * Strimzi's own serialization shape: no conditions yet, `observedGeneration`
 * written as 0, one task FAILED and one PAUSED.
 */
export const unconditionedConnector: KafkaConnectorResource = {
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaConnector',
  metadata: {
    name: 'audit-files',
    labels: { 'strimzi.io/cluster': 'audit-connect' },
  },
  spec: {
    class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    tasksMax: 2,
    autoRestart: { enabled: true },
  },
  status: {
    observedGeneration: 0,
    connectorStatus: {
      name: 'audit-files',
      connector: { state: 'RUNNING', worker_id: 'audit-connect-0:8083' },
      tasks: [
        {
          id: 0,
          state: 'FAILED',
          worker_id: 'audit-connect-0:8083',
          trace: 'org.apache.kafka.common.errors.RecordTooLargeException\n',
        },
        { id: 1, state: 'PAUSED', worker_id: 'audit-connect-0:8083' },
      ],
    },
  },
};
