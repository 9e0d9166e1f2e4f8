import {
  ARGOCD_TRACKING_ANNOTATION,
  BLUEPRINT_ANNOTATION,
  BLUEPRINT_PARAMETERS_ANNOTATION,
  KUBERNETES_ID,
  OWNER_ANNOTATION,
  STRIMZI_CLUSTER_LABEL,
  STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import {
  FAILED_TASKS_ANNOTATION,
  PLUGINS_ANNOTATION,
  sampleTrace,
} from './operator/simulation';
import { plantedSecretsFor } from './plantedSecrets';
import { realWorkerSamplesFor } from './realWorkerSamples';

type Manifest = Record<string, any>;

const API_VERSION = 'kafka.strimzi.io/v1';
const TEAM_ORDERS = 'group:default/team-orders';
const TEAM_ANALYTICS = 'group:default/team-analytics';
const PLATFORM_TEAM = 'group:default/platform-team';

function namespace(name: string, owner?: string): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      ...(owner ? { annotations: { [OWNER_ANNOTATION]: owner } } : {}),
    },
  };
}

function kafkaConnect(
  ns: string,
  name: string,
  replicas: number,
  plugins?: string[],
): Manifest {
  return {
    apiVersion: API_VERSION,
    kind: 'KafkaConnect',
    metadata: {
      name,
      namespace: ns,
      annotations: {
        [STRIMZI_USE_CONNECTOR_RESOURCES_ANNOTATION]: 'true',
        ...(plugins ? { [PLUGINS_ANNOTATION]: plugins.join(',') } : {}),
      },
    },
    spec: {
      version: '4.1.0',
      replicas,
      bootstrapServers: 'kafka-kafka-bootstrap.kafka.svc:9093',
      groupId: `${name}-group`,
      configStorageTopic: `${name}-configs`,
      offsetStorageTopic: `${name}-offsets`,
      statusStorageTopic: `${name}-status`,
      tls: {
        trustedCertificates: [
          { secretName: 'kafka-cluster-ca-cert', pattern: '*.crt' },
        ],
      },
      config: {
        'config.providers': 'secrets',
        'config.providers.secrets.class':
          'io.strimzi.kafka.KubernetesSecretConfigProvider',
        'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      },
    },
  };
}

interface ConnectorSample {
  ns: string;
  name: string;
  connect: string;
  class: string;
  tasksMax?: number;
  state?: 'running' | 'paused' | 'stopped';
  component?: string;
  owner?: string;
  annotations?: Record<string, string>;
  config: Record<string, unknown>;
}

function connector(sample: ConnectorSample): Manifest {
  return {
    apiVersion: API_VERSION,
    kind: 'KafkaConnector',
    metadata: {
      name: sample.name,
      namespace: sample.ns,
      labels: {
        [STRIMZI_CLUSTER_LABEL]: sample.connect,
        ...(sample.component ? { [KUBERNETES_ID]: sample.component } : {}),
      },
      annotations: {
        ...(sample.owner ? { [OWNER_ANNOTATION]: sample.owner } : {}),
        ...sample.annotations,
      },
    },
    spec: {
      class: sample.class,
      tasksMax: sample.tasksMax ?? 1,
      ...(sample.state ? { state: sample.state } : {}),
      autoRestart: { enabled: true, maxRestarts: 10 },
      config: sample.config,
    },
  };
}

// Credentials only ever appear as config-provider references.
const secretRef = (ns: string, secret: string, key: string) =>
  `\${secrets:${ns}/${secret}:${key}}`;

function debeziumMySql(
  ns: string,
  instance: string,
  database: string,
  table: string,
) {
  return {
    'database.hostname': secretRef(ns, `${instance}-mysql`, 'host'),
    'database.port': '3306',
    'database.user': secretRef(ns, `${instance}-mysql`, 'username'),
    'database.password': secretRef(ns, `${instance}-mysql`, 'password'),
    'database.server.id': '184054',
    'topic.prefix': `${instance}mysql`,
    'database.include.list': database,
    'table.include.list': `${database}.${table}`,
    'snapshot.locking.mode': 'none',
    'schema.history.internal.kafka.topic': `schema-changes.${instance}mysql`,
    'schema.history.internal.kafka.bootstrap.servers':
      'kafka-kafka-bootstrap.kafka.svc:9093',
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    transforms: 'unwrap',
    'transforms.unwrap.type': 'io.debezium.transforms.ExtractNewRecordState',
  };
}

function debeziumPostgres(
  ns: string,
  instance: string,
  database: string,
  table: string,
) {
  return {
    'database.hostname': secretRef(ns, `${instance}-postgres`, 'host'),
    'database.port': '5432',
    'database.user': secretRef(ns, `${instance}-postgres`, 'username'),
    'database.password': secretRef(ns, `${instance}-postgres`, 'password'),
    'database.dbname': database,
    'topic.prefix': `${instance}postgres`,
    'table.include.list': `public.${table}`,
    'plugin.name': 'pgoutput',
    'slot.name': `${instance}_${table}`.replace(/-/g, '_'),
    'topic.creation.default.replication.factor': '3',
    'topic.creation.default.partitions': '6',
  };
}

function samplesForEu1(): Manifest[] {
  return [
    namespace('orders', TEAM_ORDERS),
    namespace('analytics'),
    kafkaConnect('orders', 'orders-connect', 2),
    kafkaConnect('analytics', 'analytics-connect', 1, [
      'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
      'io.aiven.kafka.connect.http.HttpSinkConnector',
    ]),
    connector({
      ns: 'orders',
      name: 'ordersmysql-shop-orders-v1',
      connect: 'orders-connect',
      class: 'io.debezium.connector.mysql.MySqlConnector',
      component: 'orders-service',
      owner: TEAM_ORDERS,
      config: debeziumMySql('orders', 'orders', 'shop', 'orders'),
    }),
    connector({
      ns: 'orders',
      name: 'orderspostgres-billing-invoices-v2',
      connect: 'orders-connect',
      class: 'io.debezium.connector.postgresql.PostgresConnector',
      tasksMax: 2,
      component: 'orders-service',
      owner: TEAM_ORDERS,
      annotations: {
        [FAILED_TASKS_ANNOTATION]: JSON.stringify({
          '1': sampleTrace(
            'An exception occurred in the change event producer. This connector will be stopped.',
          ),
        }),
      },
      config: debeziumPostgres('orders', 'orders', 'billing', 'invoices'),
    }),
    connector({
      ns: 'orders',
      name: 'orders-webhook-http-sink',
      connect: 'orders-connect',
      class: 'io.aiven.kafka.connect.http.HttpSinkConnector',
      component: 'orders-service',
      // No owner annotation: the namespace's owner applies.
      config: {
        topics: 'ordersmysql.shop.orders',
        'http.url': secretRef('orders', 'webhook', 'url'),
        'http.authorization.type': 'static',
        'http.headers.authorization': secretRef(
          'orders',
          'webhook',
          'authorization',
        ),
        'batching.enabled': 'true',
        'batch.max.size': '500',
      },
    }),
    connector({
      ns: 'orders',
      name: 'inventorymongodb-stock-items-v1',
      connect: 'orders-connect',
      class: 'io.debezium.connector.mongodb.MongoDbConnector',
      state: 'paused',
      component: 'inventory-service',
      owner: TEAM_ORDERS,
      config: {
        'mongodb.connection.string': secretRef(
          'orders',
          'inventory-mongodb',
          'connection-string',
        ),
        'topic.prefix': 'inventorymongodb',
        'collection.include.list': 'stock.items',
        'capture.mode': 'change_streams_update_full',
      },
    }),
    connector({
      ns: 'analytics',
      name: 'analytics-orders-bigquery-sink',
      connect: 'analytics-connect',
      class: 'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
      tasksMax: 3,
      component: 'analytics-pipeline',
      owner: TEAM_ANALYTICS,
      config: {
        topics: 'ordersmysql.shop.orders,orderspostgres.public.invoices',
        project: 'acme-analytics',
        defaultDataset: 'orders',
        keyfile: secretRef('analytics', 'bigquery', 'keyfile'),
        keySource: 'JSON',
        autoCreateTables: 'true',
        sanitizeTopics: 'true',
      },
    }),
    connector({
      ns: 'analytics',
      name: 'legacy-reporting-http-sink',
      connect: 'legacy-connect',
      class: 'io.aiven.kafka.connect.http.HttpSinkConnector',
      // Nobody owns this one: it shows up as unowned.
      config: {
        topics: 'orderspostgres.public.invoices',
        'http.url': secretRef('analytics', 'legacy-reporting', 'url'),
        'http.authorization.type': 'none',
      },
    }),
  ];
}

function samplesForUs1(): Manifest[] {
  return [
    namespace('replication'),
    kafkaConnect('replication', 'replication-connect', 1, [
      'io.debezium.connector.postgresql.PostgresConnector',
      'org.apache.kafka.connect.mirror.MirrorSourceConnector',
      'org.apache.kafka.connect.mirror.MirrorCheckpointConnector',
    ]),
    connector({
      ns: 'replication',
      name: 'eu-orders-mirror-source',
      connect: 'replication-connect',
      class: 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
      tasksMax: 2,
      component: 'orders-service',
      owner: TEAM_ORDERS,
      config: {
        'source.cluster.alias': 'eu',
        'target.cluster.alias': 'us',
        'source.cluster.bootstrap.servers':
          'kafka-eu-kafka-bootstrap.kafka.svc:9093',
        topics: 'ordersmysql\\..*',
        'replication.factor': '3',
        'sync.topic.acls.enabled': 'false',
      },
    }),
    connector({
      ns: 'replication',
      name: 'inventorypostgres-stock-levels-v1',
      connect: 'replication-connect',
      class: 'io.debezium.connector.postgresql.PostgresConnector',
      state: 'stopped',
      component: 'inventory-service',
      owner: TEAM_ORDERS,
      // Rendered from a blueprint and applied by Argo CD: the portal offers
      // changes to it as pull requests, prefilled from these annotations.
      annotations: {
        [ARGOCD_TRACKING_ANNOTATION]:
          'inventory-connectors:kafka.strimzi.io/KafkaConnector:replication/inventorypostgres-stock-levels-v1',
        [BLUEPRINT_ANNOTATION]: 'debezium-postgres-source',
        [BLUEPRINT_PARAMETERS_ANNOTATION]: JSON.stringify({
          instance: 'inventory',
          database: 'stock',
          schema: 'public',
          table: 'levels',
          version: 'v1',
        }),
      },
      config: debeziumPostgres('replication', 'inventory', 'stock', 'levels'),
    }),
    connector({
      ns: 'replication',
      name: 'analyticsmysql-events-clicks-v1',
      connect: 'replication-connect',
      // replication-connect has no Debezium MySQL plugin: Connect rejects it.
      class: 'io.debezium.connector.mysql.MySqlConnector',
      component: 'analytics-pipeline',
      owner: TEAM_ANALYTICS,
      config: debeziumMySql('replication', 'analytics', 'events', 'clicks'),
    }),
    {
      apiVersion: API_VERSION,
      kind: 'KafkaMirrorMaker2',
      metadata: {
        name: 'eu-to-us',
        namespace: 'replication',
        annotations: { [OWNER_ANNOTATION]: PLATFORM_TEAM },
      },
      spec: {
        version: '4.1.0',
        replicas: 1,
        target: {
          alias: 'us',
          bootstrapServers: 'kafka-us-kafka-bootstrap.kafka.svc:9092',
          groupId: 'eu-to-us-mirrormaker2',
          configStorageTopic: 'mirrormaker2-configs',
          offsetStorageTopic: 'mirrormaker2-offsets',
          statusStorageTopic: 'mirrormaker2-status',
        },
        mirrors: [
          {
            source: {
              alias: 'eu',
              bootstrapServers: 'kafka-eu-kafka-bootstrap.kafka.svc:9092',
            },
            sourceConnector: {
              tasksMax: 2,
              config: {
                'replication.factor': -1,
                'sync.topic.acls.enabled': 'false',
              },
            },
            checkpointConnector: {
              tasksMax: 1,
              config: { 'checkpoints.topic.replication.factor': -1 },
            },
            topicsPattern: 'orders.*',
            groupsPattern: '.*',
          },
        ],
      },
    },
  ];
}

/**
 * The demo's resources for a named cluster (`eu-1`, `us-1`; any other name
 * has none): Connect clusters, connectors of the six types the suite targets
 * in a mix of states, and a MirrorMaker 2, labelled for the sample catalog;
 * and the Secrets their config providers reference, holding planted values.
 * with `bootstrapServers`, what the real worker runs (realWorkerSamples.ts).
 */
export function sampleData(
  clusterName: string,
  options: {
    bootstrapServers?: string;
    postgresUrl?: string;
    mirrorSourceBootstrapServers?: string;
  } = {},
): Manifest[] {
  const manifests = [
    ...samplesWithoutSecrets(clusterName),
    ...realWorkerSamplesFor(clusterName, options),
  ];
  // The Secrets come last: their namespaces are created above.
  return [...manifests, ...plantedSecretsFor(manifests)];
}

function samplesWithoutSecrets(clusterName: string): Manifest[] {
  switch (clusterName) {
    case 'eu-1':
      return samplesForEu1();
    case 'us-1':
      return samplesForUs1();
    default:
      return [];
  }
}
