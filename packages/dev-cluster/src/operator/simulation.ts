/**
 * Annotations only the operator stand-in reads: they inject the faults a real
 * Connect cluster would report, so demos and tests can produce them on demand.
 */

/** JSON object: task id → trace. Those tasks report FAILED. */
export const FAILED_TASKS_ANNOTATION =
  'simulator.kafka-connect.dev/failed-tasks';

/** A trace: the connector itself reports FAILED. */
export const FAILED_CONNECTOR_ANNOTATION =
  'simulator.kafka-connect.dev/failed-connector';

/** Comma-separated connector classes a KafkaConnect offers (else the defaults). */
export const PLUGINS_ANNOTATION = 'simulator.kafka-connect.dev/plugins';

/**
 * On a KafkaConnect: `"true"` backs it with the local cluster's real Kafka
 * Connect worker instead of simulating it. The sample data sets it on one
 * KafkaConnect per local cluster.
 */
export const REAL_WORKER_ANNOTATION =
  'dev-cluster.kafka-connect.dev/real-worker';

/** A plugin a Connect cluster offers, as Connect's REST API lists it. */
export interface ConnectorPlugin {
  class: string;
  type: 'source' | 'sink';
  version: string;
}

const KNOWN_PLUGINS: ConnectorPlugin[] = [
  {
    class: 'io.debezium.connector.mysql.MySqlConnector',
    type: 'source',
    version: '3.2.1.Final',
  },
  {
    class: 'io.debezium.connector.postgresql.PostgresConnector',
    type: 'source',
    version: '3.2.1.Final',
  },
  {
    class: 'io.debezium.connector.mongodb.MongoDbConnector',
    type: 'source',
    version: '3.2.1.Final',
  },
  {
    class: 'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
    type: 'sink',
    version: '2.5.7',
  },
  {
    class: 'io.aiven.kafka.connect.http.HttpSinkConnector',
    type: 'sink',
    version: '0.9.0',
  },
  {
    class: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
    type: 'sink',
    version: '4.1.0',
  },
  {
    class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    type: 'source',
    version: '4.1.0',
  },
  {
    class: 'org.apache.kafka.connect.mirror.MirrorCheckpointConnector',
    type: 'source',
    version: '4.1.0',
  },
  {
    class: 'org.apache.kafka.connect.mirror.MirrorHeartbeatConnector',
    type: 'source',
    version: '4.1.0',
  },
  {
    class: 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
    type: 'source',
    version: '4.1.0',
  },
];

/** The plugins of a KafkaConnect: its plugins annotation, else every known plugin. */
export function pluginsOf(
  annotations: Record<string, string> | undefined,
): ConnectorPlugin[] {
  const listed = annotations?.[PLUGINS_ANNOTATION];
  if (listed === undefined) {
    return KNOWN_PLUGINS;
  }
  return listed
    .split(',')
    .map(entry => entry.trim())
    .filter(Boolean)
    .map(
      className =>
        KNOWN_PLUGINS.find(plugin => plugin.class === className) ?? {
          class: className,
          type: /sink/i.test(className) ? 'sink' : 'source',
          version: '1.0.0',
        },
    );
}

/** Parses the failed-tasks annotation; a malformed value fails no task. */
export function failedTasksOf(
  annotations: Record<string, string> | undefined,
): Record<string, string> {
  const raw = annotations?.[FAILED_TASKS_ANNOTATION];
  if (!raw) {
    return {};
  }
  try {
    const parsed = JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? Object.fromEntries(
          Object.entries(parsed).map(([key, value]) => [key, String(value)]),
        )
      : {};
  } catch {
    return {};
  }
}

/** A trace that reads like Connect's. */
export function sampleTrace(message: string): string {
  return [
    `org.apache.kafka.connect.errors.ConnectException: ${message}`,
    '\tat org.apache.kafka.connect.runtime.WorkerTask.doRun(WorkerTask.java:234)',
    '\tat org.apache.kafka.connect.runtime.WorkerTask.run(WorkerTask.java:259)',
    '\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:572)',
    '\tat java.base/java.util.concurrent.FutureTask.run(FutureTask.java:317)',
    '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
  ].join('\n');
}
