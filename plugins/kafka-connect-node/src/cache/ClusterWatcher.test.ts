import { mockServices } from '@backstage/backend-test-utils';
import { KubeConfig } from '@kubernetes/client-node';
import {
  FakeApiServer,
  json,
  listOf,
  object,
  OpenWatch,
} from './__testUtils__/fakeApiServer';
import { eventually } from './__testUtils__/cacheTesting';
import {
  ClusterWatcher,
  ResourceChange,
  WATCHED_KINDS,
} from './ClusterWatcher';

const KIND_COUNT = Object.keys(WATCHED_KINDS).length;

describe('ClusterWatcher against a scripted API server', () => {
  let server: FakeApiServer;
  let kubeConfig: KubeConfig;
  let watcher: ClusterWatcher | undefined;
  let served: string[];
  let connectors: Record<string, unknown[]>;
  const changes: ResourceChange[] = [];

  beforeEach(async () => {
    changes.length = 0;
    served = ['v1'];
    connectors = {
      v1: [object('a', '5'), object('b', '6')],
      v1beta2: [object('a', '5')],
    };
    server = new FakeApiServer((request, response) => {
      if (request.path === '/apis') {
        json(response, 200, {
          kind: 'APIGroupList',
          groups: [
            {
              name: 'kafka.strimzi.io',
              versions: served.map(version => ({
                groupVersion: `kafka.strimzi.io/${version}`,
                version,
              })),
            },
          ],
        });
        return undefined;
      }
      if (request.watch) {
        return 'watch';
      }
      const version = request.path.split('/')[3];
      json(
        response,
        200,
        listOf(
          '10',
          request.path.endsWith('/kafkaconnectors')
            ? connectors[version] ?? []
            : [],
        ),
      );
      return undefined;
    });
    kubeConfig = await server.start();
  });

  afterEach(async () => {
    await watcher?.stop();
    watcher = undefined;
    await server.stop();
  });

  const start = (rediscoverIntervalMs = 600_000) => {
    watcher = new ClusterWatcher({
      name: 'fake',
      kubeConfig,
      namespaces: [],
      logger: mockServices.logger.mock(),
      onChange: change => changes.push(change),
      rediscoverIntervalMs,
    });
    watcher.start();
    return watcher;
  };

  /** Every watch open now: one per kind plus the Namespace watch. */
  const allWatches = async () => {
    const watches: OpenWatch[] = [];
    for (let i = 0; i < KIND_COUNT + 1; i += 1) {
      watches.push(await server.nextWatch());
    }
    return watches;
  };

  it('discovers once, lists each kind once, and only resumes watches when they end', async () => {
    start();
    await eventually(() => watcher!.state().synced);
    expect(watcher!.state()).toMatchObject({
      synced: true,
      strimziApiVersion: 'v1',
    });
    for (let round = 0; round < 3; round += 1) {
      (await allWatches()).forEach(watch => watch.end());
    }
    await allWatches();
    expect(server.requests.filter(r => r.path === '/apis')).toHaveLength(1);
    const lists = server.lists().filter(r => r.path !== '/apis');
    expect(lists).toHaveLength(KIND_COUNT + 1);
    expect(new Set(lists.map(r => r.path)).size).toBe(KIND_COUNT + 1);
    // One 'synced' per kind, no change per object and none per reconnect.
    expect(changes.map(change => change.type).sort()).toEqual(
      Array(KIND_COUNT).fill('synced'),
    );
    expect(watcher!.list('KafkaConnector')).toHaveLength(2);
  });

  it('swaps to a newly served API version on its schedule, deleting what the new version lacks', async () => {
    start(100);
    await eventually(() => watcher!.state().synced);
    served = ['v1beta2'];
    await eventually(
      () => watcher!.state().strimziApiVersion === 'v1beta2' || undefined,
    );
    await eventually(() => watcher!.state().synced);
    await eventually(() => changes.some(change => change.type === 'delete'));
    expect(
      changes
        .filter(change => change.type === 'delete')
        .map(change => change.resource?.metadata.name),
    ).toEqual(['b']);
    expect(watcher!.list('KafkaConnector')).toHaveLength(1);
    expect(
      server
        .lists()
        .some(r => r.path === '/apis/kafka.strimzi.io/v1beta2/kafkaconnectors'),
    ).toBe(true);
  });

  it('is synced with nothing to watch when the cluster serves no Strimzi API', async () => {
    served = [];
    start();
    await eventually(() => watcher!.state().synced);
    expect(watcher!.state().strimziApiVersion).toBeNull();
    expect(watcher!.list('KafkaConnector')).toEqual([]);
  });

  it('reports a failed discovery as the cluster error, not synced', async () => {
    server.setHandler((_request, response) =>
      json(response, 500, { kind: 'Status', code: 500 }),
    );
    start();
    await eventually(() => watcher!.state().error);
    expect(watcher!.state()).toMatchObject({
      synced: false,
      error: expect.stringContaining('discovery: HTTP 500'),
    });
  });

  it('tells readers about Namespace annotation changes, named after the first list', async () => {
    start();
    await eventually(() => watcher!.state().synced);
    const namespaceWatch = (await allWatches()).find(
      watch => watch.request.path === '/api/v1/namespaces',
    )!;
    namespaceWatch.send('ADDED', {
      metadata: {
        name: 'orders',
        resourceVersion: '11',
        annotations: { 'kafka-connect.dev/owner': 'team-orders' },
      },
    });
    await eventually(() =>
      changes.find(change => change.type === 'namespaces'),
    );
    expect(changes.find(change => change.type === 'namespaces')).toMatchObject({
      namespace: 'orders',
    });
    expect(watcher!.namespaceAnnotations('orders')).toEqual({
      'kafka-connect.dev/owner': 'team-orders',
    });
  });
});
