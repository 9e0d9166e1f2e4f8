import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import {
  FakeApiServer,
  json,
  listOf,
  object,
} from '../__testUtils__/fakeApiServer';
import { eventually } from '../__testUtils__/cacheTesting';
import { KindInformer, KindInformerOptions } from './KindInformer';
import { listInPages } from './pagedList';

const PATH = '/apis/kafka.strimzi.io/v1/namespaces/orders/kafkaconnectors';

describe('KindInformer against a scripted API server', () => {
  let server: FakeApiServer;
  let kubeConfig: KubeConfig;
  let informer: KindInformer | undefined;
  let listed: Array<ReturnType<typeof listOf>>;
  const changes: string[] = [];
  const errors: number[] = [];

  const start = (options: Partial<KindInformerOptions> = {}) => {
    const api = kubeConfig.makeApiClient(CustomObjectsApi);
    informer = new KindInformer({
      kubeConfig,
      path: PATH,
      list: () =>
        api.listNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace: 'orders',
          plural: 'kafkaconnectors',
        }),
      onUpsert: o =>
        changes.push(`upsert ${o.metadata.name}@${o.metadata.resourceVersion}`),
      onDelete: o => changes.push(`delete ${o.metadata.name}`),
      onError: (_error, retryInMs) => errors.push(retryInMs),
      initialBackoffMs: 50,
      ...options,
    });
    informer.start();
    return informer;
  };

  beforeEach(async () => {
    changes.length = 0;
    errors.length = 0;
    // Each LIST answers the next list in line; watches stay open for the test.
    listed = [
      listOf('10', [object('a', '5'), object('b', '6'), object('c', '7')]),
    ];
    server = new FakeApiServer((request, response) => {
      if (request.watch) {
        return 'watch';
      }
      json(response, 200, listed.length > 1 ? listed.shift() : listed[0]);
      return undefined;
    });
    kubeConfig = await server.start();
  });

  afterEach(async () => {
    await informer?.stop();
    informer = undefined;
    await server.stop();
  });

  it('lists once, then watches from the list with bookmarks asked for', async () => {
    start();
    const watch = await server.nextWatch();
    expect(watch.request.query).toMatchObject({
      resourceVersion: '10',
      allowWatchBookmarks: 'true',
    });
    await eventually(() => informer!.synced);
    expect(
      informer!
        .list()
        .map(o => o.metadata.name)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    // The first list fills the store without one change per object.
    expect(changes).toEqual([]);
    watch.send('MODIFIED', object('a', '11'));
    await eventually(() => changes.length === 1);
    expect(changes).toEqual(['upsert a@11']);
  });

  it('resumes from the last resourceVersion (event or bookmark) when the server ends the watch, without a LIST', async () => {
    start();
    const first = await server.nextWatch();
    first.send('ADDED', object('d', '12'));
    first.send('BOOKMARK', { metadata: { resourceVersion: '20' } });
    await eventually(() => changes.length === 1);
    first.end();
    const second = await server.nextWatch();
    expect(second.request.query.resourceVersion).toBe('20');
    second.send('DELETED', object('d', '21'));
    second.end();
    const third = await server.nextWatch();
    expect(third.request.query.resourceVersion).toBe('21');
    expect(server.lists()).toHaveLength(1);
    expect(changes).toEqual(['upsert d@12', 'delete d']);
    expect(informer!.synced).toBe(true);
  });

  it("resumes after the client's inactivity timeout on a silent watch, without a LIST", async () => {
    start({ inactivityMs: 300 });
    const silent = await server.nextWatch();
    expect(silent.request.query.resourceVersion).toBe('10');
    // Nothing is sent: the client gives up after 300 ms and resumes.
    const resumed = await server.nextWatch(3000);
    expect(resumed.request.query.resourceVersion).toBe('10');
    expect(server.lists()).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('relists only after 410 Gone, emitting the difference: deletes, changes, and unchanged objects kept as they were', async () => {
    start();
    const watch = await server.nextWatch();
    await eventually(() => informer!.synced);
    const unchangedBefore = informer!.get('orders', 'b');
    listed = [
      listOf('30', [object('b', '6'), object('c', '29'), object('e', '28')]),
    ];
    watch.send('ERROR', { kind: 'Status', code: 410, reason: 'Expired' });
    watch.end();
    const afterRelist = await server.nextWatch();
    expect(afterRelist.request.query.resourceVersion).toBe('30');
    expect(server.lists()).toHaveLength(2);
    expect(changes.sort()).toEqual(['delete a', 'upsert c@29', 'upsert e@28']);
    expect(informer!.get('orders', 'b')).toBe(unchangedBefore);
    expect(informer!.get('orders', 'a')).toBeUndefined();
  });

  it('relists when the watch request itself is answered 410', async () => {
    start();
    const watch = await server.nextWatch();
    server.setHandler((request, response) => {
      if (request.watch && request.query.resourceVersion === '10') {
        json(response, 410, { kind: 'Status', code: 410 });
        return undefined;
      }
      if (request.watch) {
        return 'watch';
      }
      json(response, 200, listOf('40', [object('a', '5')]));
      return undefined;
    });
    watch.end();
    const afterRelist = await server.nextWatch();
    expect(afterRelist.request.query.resourceVersion).toBe('40');
    expect(changes.sort()).toEqual(['delete b', 'delete c']);
  });

  it('restarts after errors with growing backoff, resuming from the resourceVersion, and is synced again', async () => {
    start({ initialBackoffMs: 50 });
    const watch = await server.nextWatch();
    watch.send('BOOKMARK', { metadata: { resourceVersion: '15' } });
    await eventually(() => informer!.synced);
    let failures = 0;
    server.setHandler((request, response) => {
      if (request.watch && failures < 3) {
        failures += 1;
        json(response, 500, { kind: 'Status', code: 500 });
        return undefined;
      }
      return request.watch ? 'watch' : json(response, 200, listed[0]);
    });
    watch.end();
    // The first resume fails at once (no backoff: the watch had ended
    // cleanly); the failures after it back off 50, 100, 200 ms.
    const recovered = await server.nextWatch(5000);
    expect(recovered.request.query.resourceVersion).toBe('15');
    expect(errors).toEqual([50, 100, 200]);
    expect(server.lists()).toHaveLength(1);
    await eventually(() => informer!.synced);
    expect(informer!.error).toBeUndefined();
  });

  it('reports the error and is not synced while the server fails', async () => {
    server.setHandler((_request, response) =>
      json(response, 503, { kind: 'Status', code: 503 }),
    );
    start({ initialBackoffMs: 60_000 });
    await eventually(() => errors.length === 1);
    expect(informer!.synced).toBe(false);
    expect(informer!.error).toMatchObject({ code: 503 });
  });

  it('stop() ends a backoff sleep at once and starts no request after it', async () => {
    server.setHandler((_request, response) =>
      json(response, 500, { kind: 'Status', code: 500 }),
    );
    start({ initialBackoffMs: 60_000 });
    await eventually(() => errors.length === 1);
    const requests = server.requests.length;
    const started = Date.now();
    await informer!.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(server.requests.length).toBe(requests);
  });

  it('stop() ends an open watch and starts no new one', async () => {
    start();
    await server.nextWatch();
    await informer!.stop();
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(server.watches()).toHaveLength(1);
  });
});

describe('KindInformer timeouts against a server that does not answer', () => {
  it('gives up on a watch the server never accepts after the request timeout, reports it, and retries', async () => {
    const hanging: Array<() => void> = [];
    const server = new FakeApiServer((request, response) => {
      if (request.watch) {
        // Accepted, never answered.
        hanging.push(() => response.end());
        return undefined;
      }
      json(response, 200, listOf('10', []));
      return undefined;
    });
    const kubeConfig = await server.start();
    const errors: unknown[] = [];
    const api = kubeConfig.makeApiClient(CustomObjectsApi);
    const informer = new KindInformer({
      kubeConfig,
      path: PATH,
      list: () =>
        api.listNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace: 'orders',
          plural: 'kafkaconnectors',
        }),
      onUpsert: () => {},
      onDelete: () => {},
      onError: error => errors.push(error),
      initialBackoffMs: 50,
      requestTimeoutMs: 300,
      inactivityMs: 60_000,
    });
    informer.start();
    try {
      await eventually(() => server.watches().length >= 2, 4000);
      expect(String(errors[0])).toContain(
        'the server did not accept the watch within 300 ms',
      );
      expect(informer.synced).toBe(false);
      // Resumed from the list's resourceVersion: no second LIST.
      expect(server.watches()[1].query.resourceVersion).toBe('10');
      expect(server.lists()).toHaveLength(1);
    } finally {
      await informer.stop();
      hanging.forEach(end => end());
      await server.stop();
    }
  });
});

describe('KindInformer list timeout', () => {
  it('reports a list the server never answers and lists again after backoff', async () => {
    const hanging: Array<() => void> = [];
    const server = new FakeApiServer((_request, response) => {
      hanging.push(() => response.end());
      return undefined;
    });
    const kubeConfig = await server.start();
    const errors: unknown[] = [];
    const api = kubeConfig.makeApiClient(CustomObjectsApi);
    const informer = new KindInformer({
      kubeConfig,
      path: PATH,
      list: () =>
        api.listNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace: 'orders',
          plural: 'kafkaconnectors',
        }),
      onUpsert: () => {},
      onDelete: () => {},
      onError: error => errors.push(error),
      initialBackoffMs: 50,
      listTimeoutMs: 300,
    });
    informer.start();
    try {
      await eventually(() => server.lists().length >= 2, 4000);
      expect(String(errors[0])).toContain('not answered within 300 ms');
      expect(informer.synced).toBe(false);
    } finally {
      await informer.stop();
      hanging.forEach(end => end());
      await server.stop();
    }
  });
});

describe('KindInformer with a paged list', () => {
  it('stop() ends a paged list waiting to ask a failed page again, and no page is asked after it', async () => {
    const server = new FakeApiServer((request, response) => {
      if (request.query.continue) {
        json(response, 503, { kind: 'Status', code: 503 });
        return undefined;
      }
      json(response, 200, {
        ...listOf('10', [object('a', '5')]),
        metadata: { resourceVersion: '10', continue: 'page-2' },
      });
      return undefined;
    });
    const kubeConfig = await server.start();
    const api = kubeConfig.makeApiClient(CustomObjectsApi);
    const retries: number[] = [];
    const informer = new KindInformer({
      kubeConfig,
      path: PATH,
      list: signal =>
        listInPages(
          (continueToken, limit) =>
            api.listNamespacedCustomObject({
              group: 'kafka.strimzi.io',
              version: 'v1',
              namespace: 'orders',
              plural: 'kafkaconnectors',
              limit,
              _continue: continueToken,
            }),
          {
            signal,
            // Short enough that a list left running would ask again below.
            initialBackoffMs: 300,
            onRetry: (_e, { retryInMs }) => retries.push(retryInMs),
          },
        ),
      onUpsert: () => {},
      onDelete: () => {},
      onError: () => {},
    });
    informer.start();
    try {
      await eventually(() => retries.length === 1);
      await informer.stop();
      await new Promise(resolve => setTimeout(resolve, 1000));
      expect(server.lists().map(request => request.query.continue)).toEqual([
        undefined,
        'page-2',
      ]);
      expect(informer.synced).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
