import fs from 'node:fs';
import path from 'node:path';
import {
  KUBERNETES_ID,
  OWNER_ANNOTATION,
  STRIMZI_CLUSTER_LABEL,
  STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import {
  SECRET_MANAGER_PROVIDER,
  WORKER_CONFIG_PROVIDERS,
} from './kafka/secretManager';
import { REAL_WORKER_ANNOTATION } from './operator/simulation';
import {
  realMirrorMaker2Sample,
  writeMirrorMaker2SampleFiles,
} from './realWorkerMirrorMaker2Sample';

type Manifest = Record<string, any>;

const API_VERSION = 'kafka.strimzi.io/v1';
const NAMESPACE = 'streaming';
const CONNECT = 'local-connect';
/** The sample KafkaConnect the real worker backs, as `namespace/name`. */
export const REAL_WORKER_CONNECT = `${NAMESPACE}/${CONNECT}`;
const TEAM_ORDERS = 'group:default/team-orders';
const FILE_SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const FILE_SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

function fileConnector(
  name: string,
  connectorClass: string,
  config: Record<string, string>,
): Manifest {
  return {
    apiVersion: API_VERSION,
    kind: 'KafkaConnector',
    metadata: {
      name,
      namespace: NAMESPACE,
      labels: {
        [STRIMZI_CLUSTER_LABEL]: CONNECT,
        [KUBERNETES_ID]: 'orders-service',
      },
      annotations: { [OWNER_ANNOTATION]: TEAM_ORDERS },
    },
    spec: {
      class: connectorClass,
      tasksMax: 1,
      autoRestart: { enabled: true, maxRestarts: 3 },
      config,
    },
  };
}

/**
 * The resources that the local cluster's real Kafka Connect worker runs: one
 * KafkaConnect backed by it and FileStream connectors. `order-events-*` copy
 * a file through a real topic; `audit-log-file-source` fails for real (its
 * file is unreadable until `yarn dev-cluster heal <cluster> streaming/audit-log-file-source`).
 */
export function realWorkerSamples(
  bootstrapServers: string,
  options: {
    clusterName?: string;
    postgresUrl?: string;
    /** us-1's broker, which eu-1's MirrorMaker 2 mirrors when it runs. */
    mirrorSourceBootstrapServers?: string;
  } = {},
): Manifest[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: NAMESPACE,
        annotations: { [OWNER_ANNOTATION]: TEAM_ORDERS },
      },
    },
    {
      apiVersion: API_VERSION,
      kind: 'KafkaConnect',
      metadata: {
        name: CONNECT,
        namespace: NAMESPACE,
        annotations: {
          [STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION]: 'true',
          [REAL_WORKER_ANNOTATION]: 'true',
        },
      },
      spec: {
        version: '4.3.1',
        replicas: 1,
        bootstrapServers,
        groupId: 'connect-local',
        configStorageTopic: 'connect-configs',
        offsetStorageTopic: 'connect-offsets',
        statusStorageTopic: 'connect-status',
        // What the worker has (kafka/servers.ts), as Strimzi users declare it.
        config: { ...WORKER_CONFIG_PROVIDERS },
      },
    },
    fileConnector('order-events-file-source', FILE_SOURCE, {
      file: 'order-events.txt',
      topic: 'order-events',
      // Read through the worker's file config provider, so
      // `yarn dev-cluster fail-connector` can make it fail for real.
      'batch.size': '${file:order-events.properties:batch.size}',
    }),
    fileConnector('order-events-file-sink', FILE_SINK, {
      topics: 'order-events',
      file: 'order-events-copy.txt',
    }),
    fileConnector('audit-log-file-source', FILE_SOURCE, {
      file: 'audit-log.txt',
      topic: 'audit-log',
    }),
    ...(options.postgresUrl
      ? [debeziumConnector(options.postgresUrl, options.clusterName ?? 'local')]
      : []),
    ...(options.clusterName === 'eu-1'
      ? [
          realMirrorMaker2Sample({
            namespace: NAMESPACE,
            bootstrapServers,
            sourceBootstrapServers: options.mirrorSourceBootstrapServers,
            owner: TEAM_ORDERS,
          }),
        ]
      : []),
  ];
}

/**
 * The names the demo's PostgreSQL answers to through the workers'
 * secretManager provider: `shop`, the sample CDC connector's, and
 * `warehouse`, the instance of the change template's example (its e2e spec).
 */
export const DEMO_POSTGRES_INSTANCES = ['shop', 'warehouse'];

const secretManagerRef = (instance: string, key: string) =>
  `\${${SECRET_MANAGER_PROVIDER}:${instance}:${key}}`;

/**
 * Debezium streaming `public.orders` of the demo's PostgreSQL (logical
 * replication, started by scripts/start.sh) into the real topic
 * `shop.public.orders`; each cluster has its own slot and publication. The
 * server and credentials come through the secretManager provider, as the
 * built-in blueprint renders them (writePostgresInstances).
 */
function debeziumConnector(postgresUrl: string, clusterName: string) {
  const url = new URL(postgresUrl);
  const suffix = clusterName.replace(/[^a-z0-9]/g, '_');
  return {
    ...fileConnector(
      'shop-orders-postgres-cdc',
      'io.debezium.connector.postgresql.PostgresConnector',
      {
        'database.hostname': secretManagerRef('shop', 'HOST'),
        'database.port': secretManagerRef('shop', 'PORT'),
        'database.user': secretManagerRef('shop', 'USER'),
        'database.password': secretManagerRef('shop', 'PASSWORD'),
        'database.dbname': url.pathname.replace(/^\//, ''),
        'topic.prefix': 'shop',
        'table.include.list': 'public.orders',
        'plugin.name': 'pgoutput',
        'slot.name': `shop_orders_${suffix}`,
        'publication.name': `shop_orders_${suffix}`,
        'publication.autocreate.mode': 'filtered',
      },
    ),
  };
}

/** The demo clusters (eu-1, us-1) get the real-worker samples when they run a broker and worker. */
export function realWorkerSamplesFor(
  clusterName: string,
  options: {
    bootstrapServers?: string;
    postgresUrl?: string;
    mirrorSourceBootstrapServers?: string;
  },
): Manifest[] {
  return options.bootstrapServers &&
    (clusterName === 'eu-1' || clusterName === 'us-1')
    ? realWorkerSamples(options.bootstrapServers, {
        clusterName,
        postgresUrl: options.postgresUrl,
        mirrorSourceBootstrapServers: options.mirrorSourceBootstrapServers,
      })
    : [];
}

/**
 * Writes the files the sample connectors read into the worker's folder;
 * `audit-log.txt` is a symbolic link to itself (its content is held aside
 * where `heal` finds it), so its connector's task fails with Connect's trace.
 */
export function writeRealWorkerSampleFiles(filesDir: string) {
  fs.mkdirSync(filesDir, { recursive: true });
  const orders = Array.from(
    { length: 20 },
    (_unused, index) =>
      `{"orderId":${1000 + index},"status":"${
        index % 3 === 0 ? 'shipped' : 'created'
      }"}`,
  );
  fs.writeFileSync(
    path.join(filesDir, 'order-events.txt'),
    `${orders.join('\n')}\n`,
  );
  fs.writeFileSync(
    path.join(filesDir, 'order-events.properties'),
    'batch.size=100\n',
  );
  fs.writeFileSync(
    path.join(filesDir, 'audit-log.txt.held'),
    'user=alice action=login\nuser=bob action=export\n',
  );
  fs.rmSync(path.join(filesDir, 'audit-log.txt'), { force: true });
  fs.symlinkSync('audit-log.txt', path.join(filesDir, 'audit-log.txt'));
  writeMirrorMaker2SampleFiles(filesDir);
}
