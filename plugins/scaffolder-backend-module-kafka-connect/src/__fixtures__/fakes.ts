import type { AuditorService } from '@backstage/backend-plugin-api';
import type { SelfServiceGuard } from '../services/SelfServiceGuard';
import type {
  ClusterListResponse,
  KafkaConnectorResource,
} from '@kcs/plugin-kafka-connect-common';
import type { ConnectClusterDirectory } from '../services/ConnectClusterDirectory';
import type { ConnectorApplier } from '../services/ConnectorApplier';

const ALL_PLUGINS = [
  'io.debezium.connector.mysql.MySqlConnector',
  'io.debezium.connector.postgresql.PostgresConnector',
  'io.debezium.connector.mongodb.MongoDbConnector',
  'org.apache.kafka.connect.mirror.MirrorSourceConnector',
  'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
  'io.aiven.kafka.connect.http.HttpSinkConnector',
];

/** One cluster `eu-1` with Connect clusters in namespace `orders`. */
export function clusterList(
  connect: Array<{
    name: string;
    ready?: boolean;
    plugins?: string[];
    resources?: boolean;
  }> = [{ name: 'orders-connect' }],
): ClusterListResponse {
  return {
    items: [
      {
        name: 'eu-1',
        synced: true,
        strimziApiVersion: 'v1',
        connectClusters: connect.map(item => ({
          kind: 'KafkaConnect' as const,
          cluster: 'eu-1',
          namespace: 'orders',
          name: item.name,
          ready: item.ready ?? true,
          reason: item.ready === false ? 'NotReady' : undefined,
          plugins: (item.plugins ?? ALL_PLUGINS).map(c => ({ class: c })),
          connectorResourcesEnabled: item.resources ?? true,
          entityRef: `resource:default/kc.eu-1.orders.${item.name}`,
          stale: false,
        })),
      },
    ],
  };
}

export function fakeDirectory(list = clusterList()): ConnectClusterDirectory {
  return { listClusters: jest.fn(async () => list) };
}

/** An in-memory stand-in for cluster `eu-1`'s KafkaConnectors (unit tests only); other clusters hold none. */
export function fakeApplier(
  existing: KafkaConnectorResource[] = [],
): ConnectorApplier & { store: Map<string, KafkaConnectorResource> } {
  const key = (c: KafkaConnectorResource) =>
    `${c.metadata!.namespace}/${c.metadata!.name}`;
  const store = new Map(existing.map(c => [key(c), c]));
  return {
    store,
    get: jest.fn(async (cluster, c) =>
      cluster === 'eu-1' ? store.get(key(c)) : undefined,
    ),
    apply: jest.fn(async (_cluster, c) => {
      store.set(key(c), c);
      return c;
    }),
    scale: jest.fn(async (_cluster, c, tasksMax) => {
      const found = store.get(key(c));
      if (found)
        store.set(key(c), { ...found, spec: { ...found.spec!, tasksMax } });
    }),
    delete: jest.fn(async (_cluster, c) => {
      store.delete(key(c));
    }),
  };
}

/** A guard that allows everything and records what it was asked (unit tests of other behaviour). */
export function allowingGuard(): SelfServiceGuard & {
  mayOperate: jest.Mock;
  mayCreate: jest.Mock;
} {
  return {
    mayOperate: jest.fn(async () => {}),
    mayCreate: jest.fn(async () => {}),
  };
}

/** An auditor whose events go nowhere. */
export function silentAuditor(): AuditorService {
  return {
    createEvent: jest.fn(async () => ({
      success: jest.fn(async () => {}),
      fail: jest.fn(async () => {}),
    })),
  };
}

/** The security options of both actions for tests of other behaviour: allow all, audit into a mock. */
export function openAccess() {
  return {
    guard: allowingGuard(),
    auditor: silentAuditor(),
  };
}
