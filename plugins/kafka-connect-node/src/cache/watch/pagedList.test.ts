import type {
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import { listInPages } from './pagedList';

const object = (name: string): KubernetesObject => ({ metadata: { name } });

/** A collection served in pages, as kube-apiserver does with limit and continue. */
function pagedServer(
  names: string[],
  resourceVersion: string,
  continueKey: 'continue' | '_continue' = '_continue',
) {
  const calls: Array<{ continueToken?: string; limit: number }> = [];
  const fetchPage = async (
    continueToken: string | undefined,
    limit: number,
  ): Promise<KubernetesListObject<KubernetesObject>> => {
    calls.push({ continueToken, limit });
    const start = continueToken ? Number(continueToken.slice(5)) : 0;
    const end = start + limit;
    return {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnectorList',
      metadata: {
        resourceVersion,
        [continueKey]: end < names.length ? `from-${end}` : '',
      },
      items: names.slice(start, end).map(object),
    };
  };
  return { fetchPage, calls };
}

describe('listInPages', () => {
  it('asks page after page with the continue token until the last, and returns every object in order', async () => {
    const names = Array.from({ length: 7 }, (_u, i) => `c${i}`);
    const server = pagedServer(names, '42');

    const list = await listInPages(server.fetchPage, 3);

    expect(list.items.map(item => item.metadata?.name)).toEqual(names);
    expect(server.calls).toEqual([
      { continueToken: undefined, limit: 3 },
      { continueToken: 'from-3', limit: 3 },
      { continueToken: 'from-6', limit: 3 },
    ]);
  });

  it('follows the raw JSON key `continue` that CustomObjectsApi hands back, not only the typed `_continue`', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const server = pagedServer(names, '9', 'continue');

    const list = await listInPages(server.fetchPage, 2);

    expect(list.items.map(item => item.metadata?.name)).toEqual(names);
    expect(server.calls).toHaveLength(3);
  });

  it("keeps the list's resourceVersion (the one to watch from) and drops the spent continue token", async () => {
    const list = await listInPages(pagedServer(['a', 'b'], '77').fetchPage, 1);

    expect(list.metadata?.resourceVersion).toBe('77');
    expect(list.metadata).toEqual({ resourceVersion: '77' });
    expect(list.kind).toBe('KafkaConnectorList');
  });

  it('asks once when everything fits in one page, and handles an empty collection', async () => {
    const one = pagedServer(['a'], '1');
    expect((await listInPages(one.fetchPage, 500)).items).toHaveLength(1);
    expect(one.calls).toHaveLength(1);

    const none = pagedServer([], '1');
    expect((await listInPages(none.fetchPage)).items).toEqual([]);
    expect(none.calls).toEqual([{ continueToken: undefined, limit: 500 }]);
  });

  it('fails the whole list when a page fails (an expired continue token: 410), so the caller lists again from the start', async () => {
    const server = pagedServer(['a', 'b', 'c'], '5');
    const fetchPage = async (token: string | undefined, limit: number) => {
      if (token) {
        throw new Error('HTTP-Code: 410 Gone: continue token expired');
      }
      return server.fetchPage(token, limit);
    };

    await expect(listInPages(fetchPage, 2)).rejects.toThrow(/410/);
  });
});
