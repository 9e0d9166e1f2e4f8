import { createServiceFactory } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ConnectorListResponse } from '@kcs/plugin-kafka-connect-common';
import type {
  CachedResource,
  ResourceChange,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import { strimziResourceCacheServiceRef } from '@kcs/plugin-kafka-connect-node';
import type { Server } from 'node:http';
import request from 'supertest';
import { kafkaConnectPlugin } from '../plugin';
import { ConnectorQueryMemo } from './connectorQueryMemo';

const COUNT = 230;

/** Connectors c-000…c-229: every third failed, owners team-0…team-4, two clusters. */
const connectors: CachedResource[] = Array.from({ length: COUNT }, (_, i) => ({
  cluster: i % 2 ? 'us-1' : 'eu-1',
  kind: 'KafkaConnector',
  resource: {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: {
      namespace: 'orders',
      name: `c-${String(i).padStart(3, '0')}`,
      generation: 1,
      labels: { 'strimzi.io/cluster': 'connect' },
      annotations: { 'kafka-connect.dev/owner': `team-${i % 5}` },
    },
    spec: { class: 'x.Y', tasksMax: 1 },
    ...(i % 3
      ? {}
      : {
          status: {
            observedGeneration: 1,
            conditions: [{ type: 'NotReady', status: 'True' }],
            connectorStatus: { connector: { state: 'FAILED', trace: 'boom' } },
          },
        }),
  },
}));

const listeners = new Set<(change: ResourceChange) => void>();
const cache: StrimziResourceReader = {
  clusters: () => [
    { name: 'eu-1', synced: true },
    { name: 'us-1', synced: true },
  ],
  list: kind => (kind === 'KafkaConnector' ? connectors : []),
  get: () => undefined,
  byKubernetesId: () => [],
  byOwner: () => [],
  byConnectCluster: () => [],
  ownerOf: ({ resource }) => ({
    owner: `group:default/${resource.metadata.annotations['kafka-connect.dev/owner']}`,
    source: 'resource',
    warnings: [],
  }),
  namespaceAnnotations: () => undefined,
  systemOf: () => undefined,
  bySystem: () => [],
  subscribe: listener => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  addClusters: () => {},
};

describe('GET /connectors: filtered, sorted and paged on the server', () => {
  let server: Server;
  const api = '/api/kafka-connect/connectors';
  const get = async (query: string) => {
    const response = await request(server).get(`${api}${query}`);
    expect(response.status).toBe(200);
    return response.body as ConnectorListResponse;
  };

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        kafkaConnectPlugin,
        catalogServiceMock.factory({ entities: [] }),
        createServiceFactory({
          service: strimziResourceCacheServiceRef,
          deps: {},
          factory: () => cache,
        }),
      ],
    });
    server = backend.server;
  });

  it('answers one page with the total and the health summary of all matching', async () => {
    const page = await get('?sort=name&order=desc&limit=50&offset=50');
    expect(page.items).toHaveLength(50);
    expect(page.items[0].name).toBe(`c-${COUNT - 51}`);
    expect(page.total).toBe(COUNT);
    expect(page.offset).toBe(50);
    const failed = Math.ceil(COUNT / 3);
    expect(page.byHealth.failed).toBe(failed);
    expect(
      Object.values(page.byHealth).reduce((sum, n) => sum + (n ?? 0), 0),
    ).toBe(COUNT);
    expect(page.owners).toEqual(
      [0, 1, 2, 3, 4].map(i => `group:default/team-${i}`),
    );
  });

  it('combines owner, health, cluster and text filters before paging', async () => {
    const page = await get(
      '?owner=group:default/team-1&health=failed&cluster=us-1&text=c-0&limit=5&sort=name',
    );
    const expected = connectors
      .map((c, i) => ({ i, name: c.resource.metadata.name as string }))
      .filter(
        ({ i, name }) =>
          i % 5 === 1 && i % 3 === 0 && i % 2 === 1 && name.includes('c-0'),
      )
      .map(({ name }) => name);
    expect(page.total).toBe(expected.length);
    expect(page.items.map(item => item.name)).toEqual(expected.slice(0, 5));
    expect(page.byHealth).toEqual({ failed: expected.length });
  });

  it('keeps the serialised answer while nothing changes, and rebuilds it after a connector change', async () => {
    const first = await request(server).get(`${api}?limit=10&sort=name`);
    const again = await request(server).get(`${api}?sort=name&limit=10`);
    expect(again.headers.etag).toBe(first.headers.etag);
    connectors[0].resource = {
      ...connectors[0].resource,
      metadata: { ...connectors[0].resource.metadata, name: 'a-first' },
    };
    for (const listener of listeners) {
      listener({
        type: 'upsert',
        cluster: 'eu-1',
        kind: 'KafkaConnector',
        resource: connectors[0].resource,
      });
    }
    const after = await get('?limit=10&sort=name');
    expect(after.items[0].name).toBe('a-first');
  });

  it('refuses a bad page, sort or order, naming each parameter', async () => {
    const response = await request(server).get(
      `${api}?limit=100000&sort=size&order=sideways`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("'limit'");
    expect(response.body.error.message).toContain("'sort'");
    expect(response.body.error.message).toContain("'order'");
  });
});

describe('ConnectorQueryMemo', () => {
  it('keeps an answer until any watched resource changes or it expires by itself', () => {
    const memoListeners = new Set<(change: ResourceChange) => void>();
    let now = 1000;
    const memo = new ConnectorQueryMemo(
      {
        subscribe: (listener: (change: ResourceChange) => void) => {
          memoListeners.add(listener);
          return () => memoListeners.delete(listener);
        },
      },
      () => now,
    );
    let builds = 0;
    const build = () => ({ body: { builds: ++builds }, expiresAt: 2000 });
    const ask = () => memo.answer({ limit: 50 }, [], build).json;
    expect(ask()).toBe('{"builds":1}');
    expect(ask()).toBe('{"builds":1}');
    // A KafkaConnect's change is part of its connectors' health.
    memoListeners.forEach(listener =>
      listener({ type: 'upsert', cluster: 'eu-1', kind: 'KafkaConnect' }),
    );
    expect(ask()).toBe('{"builds":2}');
    now = 2000;
    expect(ask()).toBe('{"builds":3}');
  });
});
