import {
  CustomObjectsApi,
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import type http from 'node:http';
import {
  FakeApiServer,
  json,
  object,
  SeenRequest,
} from '../__testUtils__/fakeApiServer';
import { FetchPage, listInPages, ListInPagesOptions } from './pagedList';

const PATH = '/apis/kafka.strimzi.io/v1/namespaces/orders/kafkaconnectors';
const names = (count: number) =>
  Array.from({ length: count }, (_u, i) => `c${i}`);

/** A test's own answer to one list request, or 'answer' for the page as kube-apiserver would. */
type Fault = (
  request: SeenRequest,
  response: http.ServerResponse,
) => 'answer' | 'handled';

/**
 * A paged collection as kube-apiserver serves it: `limit` and `continue`
 * in the query, a continue token naming the snapshot (resourceVersion) and
 * the offset, every page of one list from that snapshot. `fault` may answer
 * a request itself (an error, a reset, no answer).
 */
function pagedCollection(initial: string[], resourceVersion = '42') {
  const state = {
    items: initial,
    resourceVersion,
    fault: undefined as Fault | undefined,
  };
  const server = new FakeApiServer((request, response) => {
    if (state.fault?.(request, response) === 'handled') {
      return undefined;
    }
    const limit = Number(request.query.limit);
    const token = request.query.continue;
    const [version, offset] = token
      ? token.split(':')
      : [state.resourceVersion, '0'];
    const start = Number(offset);
    const end = start + limit;
    json(response, 200, {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnectorList',
      metadata: {
        resourceVersion: version,
        continue: end < state.items.length ? `${version}:${end}` : '',
      },
      items: state.items.slice(start, end).map(name => object(name, version)),
    });
    return undefined;
  });
  return { server, state };
}

describe('listInPages against a scripted API server', () => {
  let server: FakeApiServer;
  let state: ReturnType<typeof pagedCollection>['state'];
  let fetchPage: FetchPage;
  const list = (options: ListInPagesOptions = {}) =>
    listInPages(fetchPage, { initialBackoffMs: 20, limit: 3, ...options });
  const asked = () => server.lists(PATH).map(request => request.query.continue);

  beforeEach(async () => {
    ({ server, state } = pagedCollection(names(7)));
    const kubeConfig: KubeConfig = await server.start();
    const api = kubeConfig.makeApiClient(CustomObjectsApi);
    fetchPage = (continueToken, limit) =>
      api.listNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        namespace: 'orders',
        plural: 'kafkaconnectors',
        limit,
        _continue: continueToken,
      });
  });

  afterEach(() => server.stop());

  it('asks page after page with the continue token until the last, and returns every object in order', async () => {
    const result = await list();

    expect(result.items.map(item => item.metadata?.name)).toEqual(names(7));
    expect(asked()).toEqual([undefined, '42:3', '42:6']);
    expect(server.lists(PATH).map(request => request.query.limit)).toEqual([
      '3',
      '3',
      '3',
    ]);
    // The list's resourceVersion (the one to watch from), no spent token.
    expect(result.metadata).toEqual({ resourceVersion: '42' });
  });

  it('asks a failed page (503) again from its own continue token after a backoff, not the pages before it', async () => {
    let failures = 2;
    state.fault = (request, response) => {
      if (request.query.continue === '42:3' && failures > 0) {
        failures -= 1;
        json(response, 503, { kind: 'Status', code: 503 });
        return 'handled';
      }
      return 'answer';
    };
    const retries: Array<{ page: number; attempt: number; retryInMs: number }> =
      [];

    const result = await list({ onRetry: (_e, retry) => retries.push(retry) });

    expect(result.items.map(item => item.metadata?.name)).toEqual(names(7));
    expect(asked()).toEqual([undefined, '42:3', '42:3', '42:3', '42:6']);
    expect(retries).toEqual([
      { page: 2, attempt: 1, retryInMs: 20 },
      { page: 2, attempt: 2, retryInMs: 40 },
    ]);
  });

  it('asks a page again after the connection was reset, keeping what earlier pages brought', async () => {
    let reset = true;
    state.fault = (request, response) => {
      if (request.query.continue === '42:6' && reset) {
        reset = false;
        response.socket?.destroy();
        return 'handled';
      }
      return 'answer';
    };

    const result = await list();

    expect(result.items.map(item => item.metadata?.name)).toEqual(names(7));
    expect(asked()).toEqual([undefined, '42:3', '42:6', '42:6']);
  });

  it('asks a page again when it is not answered within the page timeout', async () => {
    const hanging: http.ServerResponse[] = [];
    state.fault = (request, response) => {
      if (request.query.continue === '42:3' && hanging.length === 0) {
        hanging.push(response);
        return 'handled';
      }
      return 'answer';
    };
    try {
      const result = await list({ pageTimeoutMs: 200 });

      expect(result.items).toHaveLength(7);
      expect(asked()).toEqual([undefined, '42:3', '42:3', '42:6']);
    } finally {
      hanging.forEach(response => response.end());
    }
  });

  it('starts from the first page when the continue token expired (410), with nothing of the old snapshot kept', async () => {
    state.fault = (request, response) => {
      if (request.query.continue?.startsWith('42:')) {
        json(response, 410, {
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: 'The provided continue parameter is too old',
        });
        return 'handled';
      }
      return 'answer';
    };
    // Between the first page and the new list, c0 was deleted and c7 added.
    let restarted = 0;
    const result = await list({
      onRestart: () => {
        restarted += 1;
        state.resourceVersion = '50';
        state.items = [...names(8).slice(1)];
      },
    });

    expect(restarted).toBe(1);
    expect(result.items.map(item => item.metadata?.name)).toEqual(
      names(8).slice(1),
    );
    expect(result.metadata?.resourceVersion).toBe('50');
    expect(asked()).toEqual([undefined, '42:3', undefined, '50:3', '50:6']);
  });

  it('gives up after the last restart when every continue token expires', async () => {
    state.fault = (request, response) => {
      if (request.query.continue) {
        json(response, 410, { kind: 'Status', code: 410 });
        return 'handled';
      }
      return 'answer';
    };

    await expect(list({ maxRestarts: 2 })).rejects.toMatchObject({ code: 410 });
    expect(asked()).toEqual([
      undefined,
      '42:3',
      undefined,
      '42:3',
      undefined,
      '42:3',
    ]);
  });

  it('fails at once on an answer that would not change (403), asking nothing again', async () => {
    state.fault = (request, response) => {
      if (request.query.continue === '42:3') {
        json(response, 403, { kind: 'Status', code: 403 });
        return 'handled';
      }
      return 'answer';
    };

    await expect(list()).rejects.toMatchObject({ code: 403 });
    expect(asked()).toEqual([undefined, '42:3']);
  });

  it('fails the list after the last try of one page, for the caller to start again after its own backoff', async () => {
    state.fault = (request, response) => {
      if (request.query.continue === '42:6') {
        json(response, 500, { kind: 'Status', code: 500 });
        return 'handled';
      }
      return 'answer';
    };

    await expect(list({ maxAttemptsPerPage: 3 })).rejects.toMatchObject({
      code: 500,
    });
    expect(asked()).toEqual([undefined, '42:3', '42:6', '42:6', '42:6']);
  });

  it('ends at once when aborted during a backoff, asking no further page', async () => {
    const controller = new AbortController();
    state.fault = (request, response) => {
      if (request.query.continue === '42:3') {
        json(response, 503, { kind: 'Status', code: 503 });
        return 'handled';
      }
      return 'answer';
    };
    const started = Date.now();

    const pending = list({
      initialBackoffMs: 60_000,
      signal: controller.signal,
      onRetry: () => controller.abort(new Error('informer stopped')),
    });

    await expect(pending).rejects.toThrow('informer stopped');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(asked()).toEqual([undefined, '42:3']);
  });
});

describe('listInPages on typed lists', () => {
  it('follows `_continue`, the key typed lists of client-node use, and asks once when one page holds everything', async () => {
    const calls: Array<string | undefined> = [];
    const all = names(5);
    const fetchPage = async (
      token: string | undefined,
      limit: number,
    ): Promise<KubernetesListObject<KubernetesObject>> => {
      calls.push(token);
      const start = token ? Number(token) : 0;
      return {
        apiVersion: 'v1',
        kind: 'NamespaceList',
        metadata: {
          resourceVersion: '9',
          _continue: start + limit < all.length ? String(start + limit) : '',
        } as KubernetesListObject<KubernetesObject>['metadata'],
        items: all
          .slice(start, start + limit)
          .map(name => ({ metadata: { name } })),
      };
    };

    expect((await listInPages(fetchPage, 2)).items).toHaveLength(5);
    expect(calls).toEqual([undefined, '2', '4']);
    calls.length = 0;
    expect((await listInPages(fetchPage, 500)).items).toHaveLength(5);
    expect(calls).toEqual([undefined]);
  });
});
