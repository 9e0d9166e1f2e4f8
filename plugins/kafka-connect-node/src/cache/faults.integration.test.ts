import { mockServices } from '@backstage/backend-test-utils';
import {
  apiRequestCounts,
  RunningCluster,
  startCluster,
} from '@kcs/dev-cluster';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { configFor, eventually } from './__testUtils__/cacheTesting';
import type { ResourceChange } from './ClusterWatcher';
import { StrimziResourceCache } from './StrimziResourceCache';

/**
 * Fault suite: real etcd and kube-apiserver processes are killed and restarted
 * under a running cache. The outage of the third cluster lasts 60 s; set
 * KC_FAULT_OUTAGE_MS to shorten it while iterating locally.
 */
const OUTAGE_MS = Number(process.env.KC_FAULT_OUTAGE_MS ?? 60_000);
const NAMESPACE = 'faults';
// The cache backs off up to 30 s between reconnects, and an attempt can meet
// the API server while it is still starting: allow two full backoffs.
const RECOVERY_MS = 70_000;

const logger = mockServices.logger.mock();

function connectorsOf(cluster: RunningCluster) {
  const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
  const target = {
    group: 'kafka.strimzi.io',
    version: 'v1',
    namespace: NAMESPACE,
    plural: 'kafkaconnectors',
  };
  return {
    create: (name: string, labels: Record<string, string> = {}) =>
      api.createNamespacedCustomObject({
        ...target,
        body: {
          apiVersion: 'kafka.strimzi.io/v1',
          kind: 'KafkaConnector',
          metadata: { name, labels: { 'strimzi.io/cluster': 'c', ...labels } },
          spec: { class: 'x.Y', tasksMax: 1 },
        },
      }) as Promise<{ metadata: { resourceVersion: string } }>,
    relabel: (name: string, value: string) =>
      api.patchNamespacedCustomObject({
        ...target,
        name,
        body: [
          { op: 'add', path: '/metadata/labels/generation', value: value },
        ],
      }) as Promise<{ metadata: { resourceVersion: string } }>,
    remove: (name: string) =>
      api.deleteNamespacedCustomObject({ ...target, name }),
    /** name → resourceVersion as the API server has them. */
    onServer: async () => {
      const list = (await api.listNamespacedCustomObject(target)) as {
        items: Array<{ metadata: { name: string; resourceVersion: string } }>;
      };
      return Object.fromEntries(
        list.items.map(item => [
          item.metadata.name,
          item.metadata.resourceVersion,
        ]),
      );
    },
  };
}

describe('StrimziResourceCache under faults (three real clusters)', () => {
  let clusters: RunningCluster[] = [];
  let cache: StrimziResourceCache;
  const changes: ResourceChange[] = [];

  /** name → resourceVersion as the cache has them, by name; throws on a duplicate. */
  const inCache = (cluster: RunningCluster) => {
    const entries = cache
      .list('KafkaConnector')
      .filter(
        item =>
          item.cluster === cluster.name &&
          item.resource.metadata.namespace === NAMESPACE,
      )
      .map(item => [
        item.resource.metadata.name as string,
        item.resource.metadata.resourceVersion as string,
      ]);
    const names = entries.map(([name]) => name);
    if (new Set(names).size !== names.length) {
      throw new Error(`duplicate connectors in the cache: ${names.join(', ')}`);
    }
    // By name: the cache keeps objects in the order they arrived.
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  };

  const stateOf = (cluster: RunningCluster) =>
    cache.clusters().find(state => state.name === cluster.name)!;
  /** Waits until the cache holds exactly what the API server holds. */
  const converges = async (cluster: RunningCluster, timeoutMs: number) => {
    const expected = await connectorsOf(cluster).onServer();
    await eventually(
      () =>
        JSON.stringify(inCache(cluster)) ===
          JSON.stringify(
            Object.fromEntries(
              Object.entries(expected).sort(([a], [b]) => a.localeCompare(b)),
            ),
          ) || undefined,
      timeoutMs,
      () =>
        `cache of ${cluster.name} equal to the server's ${JSON.stringify(
          expected,
        )} (cache ${JSON.stringify(inCache(cluster))}, state ${JSON.stringify(
          stateOf(cluster),
        )}; warnings ${JSON.stringify(logger.warn.mock.calls.slice(-8))})`,
    );
    return expected;
  };
  const cachedRevision = (cluster: RunningCluster, name: string) =>
    cache.get('KafkaConnector', cluster.name, NAMESPACE, name)?.resource
      .metadata.resourceVersion;

  beforeAll(async () => {
    clusters = await Promise.all([
      // The server ends every watch of this one after 3 to 6 s.
      startCluster({
        name: 'fault-a',
        operator: false,
        apiServerArgs: ['--min-request-timeout=3'],
      }),
      startCluster({ name: 'fault-b', operator: false }),
      startCluster({ name: 'fault-c', operator: false }),
    ]);
    for (const cluster of clusters) {
      await cluster
        .kubeConfig()
        .makeApiClient(CoreV1Api)
        .createNamespace({ body: { metadata: { name: NAMESPACE } } });
    }
    cache = new StrimziResourceCache(clusters.map(configFor), logger);
    cache.subscribe(change => changes.push(change));
    cache.start();
    if (!(await cache.waitForSync(60_000))) {
      throw new Error(
        `the cache did not sync: ${JSON.stringify(cache.clusters())}`,
      );
    }
  }, 180_000);

  afterAll(async () => {
    await cache?.stop();
    await Promise.all(clusters.map(cluster => cluster.stop()));
  }, 60_000);

  it.each([
    ['the API server', 'stopApiServer', 'startApiServer'],
    ['etcd', 'stopEtcd', 'startEtcd'],
  ] as const)(
    'converges after %s is killed and restarted under the watch, with writes in between',
    async (_what, stop, start) => {
      const b = clusters[1];
      const server = connectorsOf(b);
      const prefix = stop === 'stopEtcd' ? 'etcd' : 'api';
      for (const i of [1, 2, 3]) {
        await server.create(`${prefix}-before-${i}`);
      }
      await converges(b, 10_000);

      await b[stop]();
      // Without its API server the cluster goes stale, not empty: the last
      // known connectors are kept. (Without etcd, kube-apiserver may keep the
      // watch open from its own cache, so staleness is not required there.)
      const keptWhileStale =
        stop === 'stopApiServer'
          ? await eventually(
              () => (!stateOf(b).synced ? Object.keys(inCache(b)) : undefined),
              20_000,
              'cluster marked stale',
            )
          : [`${prefix}-before-1`];
      expect(keptWhileStale).toEqual(
        expect.arrayContaining([`${prefix}-before-1`]),
      );
      await b[start]();
      // Written while the cache is still reconnecting: only a relist can see these.
      await server.create(`${prefix}-after-1`);
      await server.relabel(`${prefix}-before-1`, 'changed');
      await server.remove(`${prefix}-before-2`);
      await server.create(`${prefix}-after-2`);

      const expected = await converges(b, RECOVERY_MS);
      expect(Object.keys(expected)).toEqual(
        expect.arrayContaining([
          `${prefix}-before-1`,
          `${prefix}-before-3`,
          `${prefix}-after-1`,
          `${prefix}-after-2`,
        ]),
      );
      expect(inCache(b)[`${prefix}-before-2`]).toBeUndefined();
      expect(
        cache.get('KafkaConnector', b.name, NAMESPACE, `${prefix}-before-1`)
          ?.resource.metadata.labels.generation,
      ).toBe('changed');
      await eventually(() => stateOf(b).synced || undefined, RECOVERY_MS);
      expect(stateOf(b).error).toBeUndefined();
    },
    120_000,
  );

  it('misses no write while the server ends the watch every few seconds', async () => {
    const a = clusters[0];
    const server = connectorsOf(a);
    // The test itself only creates and patches: every LIST or WATCH of
    // kafkaconnectors in this window is the cache's.
    const connectorRequests = async (verb: string) =>
      (await apiRequestCounts(a))
        .filter(
          series =>
            series.verb === verb && series.resource === 'kafkaconnectors',
        )
        .reduce((sum, series) => sum + series.count, 0);
    const listsBefore = await connectorRequests('LIST');
    const watchesBefore = await connectorRequests('WATCH');
    const started = Date.now();
    let writes = 0;
    // 15 s spans several server-side watch ends (3 to 6 s each).
    while (Date.now() - started < 15_000) {
      const name = `w-${writes % 10}`;
      const written =
        writes < 10
          ? await server.create(name)
          : await server.relabel(name, String(writes));
      writes += 1;
      // Each write reaches the cache promptly, not only on a later relist.
      await eventually(
        () =>
          cachedRevision(a, name) === written.metadata.resourceVersion ||
          undefined,
        5_000,
        `write ${writes} (${name}) in the cache`,
      );
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    // The server did end the watch several times during the writes, and
    // each time the cache resumed from the last resourceVersion, not relisted.
    expect(
      (await connectorRequests('WATCH')) - watchesBefore,
    ).toBeGreaterThanOrEqual(2);
    expect((await connectorRequests('LIST')) - listsBefore).toBe(0);
    expect(writes).toBeGreaterThan(20);
    await converges(a, 5_000);
  }, 60_000);

  it(
    `keeps the other clusters live while one is unreachable for ${
      OUTAGE_MS / 1000
    } s, marks its data stale, and recovers`,
    async () => {
      const [a, b, c] = clusters;
      await connectorsOf(c).create('c-before');
      await converges(c, 10_000);

      await c.stopApiServer();
      const outageStarted = Date.now();
      const stale = await eventually(
        () => (!stateOf(c).synced ? stateOf(c) : undefined),
        20_000,
        'unreachable cluster marked stale',
      );
      expect(stale.error).toEqual(expect.any(String));
      let round = 0;
      while (Date.now() - outageStarted < OUTAGE_MS) {
        round += 1;
        const name = `live-${round}`;
        // The reachable clusters keep following writes during the outage, and
        // stay synced although their idle kinds' watches pass the client's 30 s
        // inactivity timeout meanwhile.
        for (const live of [a, b]) {
          const written = await connectorsOf(live).create(name);
          await eventually(
            () =>
              cachedRevision(live, name) === written.metadata.resourceVersion ||
              undefined,
            5_000,
            `write to ${live.name} during the outage`,
          );
          expect(stateOf(live)).toMatchObject({ synced: true });
        }
        // The unreachable one stays stale with its last known data.
        expect(stateOf(c).synced).toBe(false);
        expect(cachedRevision(c, 'c-before')).toBeDefined();
        await new Promise(resolve =>
          setTimeout(
            resolve,
            Math.min(
              5_000,
              Math.max(0, OUTAGE_MS - (Date.now() - outageStarted)),
            ),
          ),
        );
      }
      expect(round).toBeGreaterThanOrEqual(2);

      await c.startApiServer();
      await connectorsOf(c).create('c-after');
      await eventually(
        () => stateOf(c).synced || undefined,
        RECOVERY_MS,
        () =>
          `recovered cluster synced (state ${JSON.stringify(
            stateOf(c),
          )}; warnings ${JSON.stringify(logger.warn.mock.calls.slice(-6))})`,
      );
      await converges(c, RECOVERY_MS);
      expect(stateOf(c).error).toBeUndefined();
      expect(Date.parse(stateOf(c).lastSyncAt!)).toBeGreaterThan(
        outageStarted + OUTAGE_MS,
      );
    },
    OUTAGE_MS + 120_000,
  );
});
