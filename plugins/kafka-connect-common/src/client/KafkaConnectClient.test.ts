import { KafkaConnectClient } from './KafkaConnectClient';

function clientReturning(status: number, body: unknown) {
  const calls: string[] = [];
  const inits: Array<RequestInit | undefined> = [];
  const client = new KafkaConnectClient({
    discoveryApi: {
      getBaseUrl: async () => 'http://backend/api/kafka-connect',
    },
    fetchApi: {
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push(url);
        inits.push(init);
        return new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      }) as typeof fetch,
    },
  });
  return { client, calls, inits };
}

describe('KafkaConnectClient', () => {
  it('builds the URLs of each route, encoding parameters', async () => {
    const { client, calls } = clientReturning(200, { items: [] });
    await client.getEntityConnectors('component:default/orders service');
    await client.getConnectors({ owner: 'none', health: 'failed' });
    await client.getConnectors();
    await client.getConnector({
      cluster: 'eu-1',
      namespace: 'orders',
      name: 'a/b',
    });
    await client.getClusters();
    await client.getConnectorHistory(
      { cluster: 'eu-1', namespace: 'orders', name: 'a/b' },
      new Date('2026-12-02T08:00:00Z'),
    );
    await client.getConnectorHistory({
      cluster: 'eu-1',
      namespace: 'orders',
      name: 'c',
    });
    expect(calls).toEqual([
      'http://backend/api/kafka-connect/entity-connectors?entityRef=component%3Adefault%2Forders+service',
      'http://backend/api/kafka-connect/connectors?owner=none&health=failed',
      'http://backend/api/kafka-connect/connectors',
      'http://backend/api/kafka-connect/connectors/eu-1/orders/a%2Fb',
      'http://backend/api/kafka-connect/clusters',
      'http://backend/api/kafka-connect/connectors/eu-1/orders/a%2Fb/history?since=2026-12-02T08%3A00%3A00.000Z',
      'http://backend/api/kafka-connect/connectors/eu-1/orders/c/history',
    ]);
  });

  it("addresses a MirrorMaker 2 connector's offsets with the connector query parameter", async () => {
    const { client, calls, inits } = clientReturning(200, { offsets: [] });
    const mirror = { cluster: 'eu-1', namespace: 'orders', name: 'mirror' };
    const connector = 'eu->us.MirrorSourceConnector';
    await client.getConnectorOffsets({
      cluster: 'eu-1',
      namespace: 'orders',
      name: 'sink',
    });
    await client.getConnectorOffsets({ ...mirror, connector });
    await client.resetConnectorOffsets({ ...mirror, connector });
    await client.alterConnectorOffsets(
      { ...mirror, connector },
      { offsets: [] },
    );
    const base = 'http://backend/api/kafka-connect/connectors/eu-1/orders';
    const query = 'connector=eu-%3Eus.MirrorSourceConnector';
    expect(calls).toEqual([
      `${base}/sink/offsets`,
      `${base}/mirror/offsets?${query}`,
      `${base}/mirror/offsets/reset?${query}`,
      `${base}/mirror/offsets/alter?${query}`,
    ]);
    expect(inits.slice(2).map(init => init?.method)).toEqual(['POST', 'POST']);
  });

  it('posts operations as JSON to the actions route', async () => {
    const { client, calls, inits } = clientReturning(202, {
      accepted: true,
      action: 'restart-task',
    });
    await expect(
      client.runConnectorAction(
        { cluster: 'eu-1', namespace: 'orders', name: 'cdc' },
        { action: 'restart-task', taskId: 1 },
      ),
    ).resolves.toEqual({ accepted: true, action: 'restart-task' });
    expect(calls).toEqual([
      'http://backend/api/kafka-connect/connectors/eu-1/orders/cdc/actions',
    ]);
    expect(inits[0]).toMatchObject({
      method: 'POST',
      body: '{"action":"restart-task","taskId":1}',
    });
  });

  it('turns error responses into ResponseError with the server message', async () => {
    const { client } = clientReturning(400, {
      error: {
        name: 'InputError',
        message: "Query parameter 'entityRef' is required",
      },
      request: { method: 'GET', url: '/entity-connectors' },
      response: { statusCode: 400 },
    });
    await expect(client.getEntityConnectors('x')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      body: { error: { message: "Query parameter 'entityRef' is required" } },
    });
  });
});

describe('KafkaConnectClient on a 404', () => {
  function clientAnswering(response: Response) {
    return new KafkaConnectClient({
      discoveryApi: {
        getBaseUrl: async () => 'http://backend/api/kafka-connect',
      },
      fetchApi: { fetch: (async () => response) as typeof fetch },
    });
  }

  it("says the backend plugin is missing when the 404 is not the plugin's JSON error", async () => {
    const client = clientAnswering(new Response(null, { status: 404 }));
    await expect(client.getClusters()).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringMatching(
        /^the kafka-connect backend plugin is not installed: http:\/\/backend\/api\/kafka-connect\/clusters answered 404/,
      ),
    });
  });

  it("keeps the plugin's own 404 (an unknown connector) as a ResponseError", async () => {
    const client = clientAnswering(
      new Response(
        JSON.stringify({
          error: { name: 'NotFoundError', message: 'No connector eu-1/a/b' },
          response: { statusCode: 404 },
        }),
        { status: 404, headers: { 'content-type': 'application/json' } },
      ),
    );
    await expect(
      client.getConnector({ cluster: 'eu-1', namespace: 'a', name: 'b' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { message: 'No connector eu-1/a/b' } },
    });
  });
});
