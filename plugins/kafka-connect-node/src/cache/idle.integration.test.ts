import { mockServices } from '@backstage/backend-test-utils';
import {
  apiRequestCounts,
  ApiRequestCount,
  RunningCluster,
  startCluster,
} from '@kcs/dev-cluster';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { configFor, eventually } from './__testUtils__/cacheTesting';
import { WATCHED_KINDS } from './ClusterWatcher';
import { StrimziResourceCache } from './StrimziResourceCache';

/**
 * The cache left idle on a real kube-apiserver that ends every watch after
 * 20 to 40 s (`--min-request-timeout=20`): the API server's own
 * apiserver_request_total must show the first LIST of each kind and
 * namespace and nothing after it, only watch renewals. KC_IDLE_MS shortens
 * the idle time while iterating locally.
 */
const IDLE_MS = Number(process.env.KC_IDLE_MS ?? 180_000);
const NAMESPACES = ['idle-a', 'idle-b'];
const PLURALS = Object.values(WATCHED_KINDS);

/** Requests per verb and resource/scope, e.g. `LIST kafkaconnectors namespace`. */
function tally(series: ApiRequestCount[], verbs: string[]) {
  const counts: Record<string, number> = {};
  for (const { verb, resource, scope, group, count } of series) {
    const watched =
      (group === 'kafka.strimzi.io' && PLURALS.includes(resource)) ||
      (group === '' && resource === 'namespaces');
    if (watched && verbs.includes(verb)) {
      const key = `${verb} ${resource} ${scope}`;
      counts[key] = (counts[key] ?? 0) + count;
    }
  }
  return counts;
}

function difference(
  after: Record<string, number>,
  before: Record<string, number>,
) {
  return Object.fromEntries(
    Object.entries(after)
      .map(([key, count]) => [key, count - (before[key] ?? 0)] as const)
      .filter(([, count]) => count > 0),
  );
}

describe('StrimziResourceCache left idle on a real API server', () => {
  let cluster: RunningCluster;
  let cache: StrimziResourceCache | undefined;

  beforeAll(async () => {
    cluster = await startCluster({
      name: 'idle',
      operator: false,
      apiServerArgs: ['--min-request-timeout=20'],
    });
    const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
    for (const name of NAMESPACES) {
      await core.createNamespace({ body: { metadata: { name } } });
    }
    const custom = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    for (const namespace of NAMESPACES) {
      await custom.createNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        namespace,
        plural: 'kafkaconnectors',
        body: {
          apiVersion: 'kafka.strimzi.io/v1',
          kind: 'KafkaConnector',
          metadata: { name: 'quiet', labels: { 'strimzi.io/cluster': 'c' } },
          spec: { class: 'x.Y', tasksMax: 1 },
        },
      });
    }
  }, 180_000);

  afterAll(async () => {
    await cache?.stop();
    await cluster?.stop();
  }, 60_000);

  it(
    `lists each kind and namespace once in ${
      IDLE_MS / 1000
    } s idle, then only renews watches`,
    async () => {
      const before = await apiRequestCounts(cluster);
      // One cache, the same API server twice: all namespaces, and two listed.
      cache = new StrimziResourceCache(
        [
          { ...configFor(cluster), name: 'all' },
          { ...configFor(cluster), name: 'some', namespaces: NAMESPACES },
        ],
        mockServices.logger.mock(),
      );
      cache.start();
      expect(await cache.waitForSync(60_000)).toBe(true);

      await new Promise(resolve => setTimeout(resolve, IDLE_MS));

      const after = await apiRequestCounts(cluster);
      const lists = difference(tally(after, ['LIST']), tally(before, ['LIST']));
      const expectedLists: Record<string, number> = {
        // Cluster-wide Namespace list plus one per configured namespace.
        'LIST namespaces cluster': 1 + NAMESPACES.length,
      };
      for (const plural of PLURALS) {
        expectedLists[`LIST ${plural} cluster`] = 1;
        expectedLists[`LIST ${plural} namespace`] = NAMESPACES.length;
      }
      expect(lists).toEqual(expectedLists);

      // The server did end watches while idle (20 to 40 s each), and the
      // cache renewed them instead of relisting.
      const watches = difference(
        tally(after, ['WATCH']),
        tally(before, ['WATCH']),
      );
      expect(watches['WATCH kafkaconnectors cluster'] ?? 0).toBeGreaterThan(0);
      expect(cache.clusters().every(state => state.synced)).toBe(true);

      // After the idle time the watches are live: a change arrives at once.
      await cluster
        .kubeConfig()
        .makeApiClient(CustomObjectsApi)
        .patchNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace: 'idle-a',
          plural: 'kafkaconnectors',
          name: 'quiet',
          body: [{ op: 'add', path: '/metadata/labels/touched', value: 'yes' }],
        });
      const idleCache = cache;
      for (const name of ['all', 'some']) {
        await eventually(
          () =>
            idleCache.get('KafkaConnector', name, 'idle-a', 'quiet')?.resource
              .metadata.labels.touched === 'yes' || undefined,
          5_000,
          `the change in cluster config '${name}'`,
        );
      }
    },
    IDLE_MS + 120_000,
  );
});
