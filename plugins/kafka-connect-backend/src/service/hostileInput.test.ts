import { createServiceFactory } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  CachedResource,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import { strimziResourceCacheServiceRef } from '@kcs/plugin-kafka-connect-node';
import fc from 'fast-check';
import type { Server } from 'node:http';
import request from 'supertest';
import { kafkaConnectPlugin } from '../plugin';
import {
  cleanRejectionProblems,
  HOSTILE_VALUES,
  hostileString,
  neverLeaksProblems,
} from './__testUtils__/hostileInputs';

const connector: CachedResource = {
  cluster: 'eu-1',
  kind: 'KafkaConnector',
  resource: {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: {
      namespace: 'orders',
      name: 'orders-cdc',
      labels: { 'backstage.io/kubernetes-id': 'orders-service' },
    },
    spec: { class: 'x.Y', tasksMax: 1 },
  },
};

/** A read-only cache that fails the test on any attempt to change it. */
function recordingCache() {
  const writes: string[] = [];
  const cache: StrimziResourceReader = {
    clusters: () => [{ name: 'eu-1', synced: true }],
    list: kind => (kind === connector.kind ? [connector] : []),
    get: (kind, cluster, namespace, name) =>
      kind === connector.kind &&
      cluster === 'eu-1' &&
      namespace === 'orders' &&
      name === 'orders-cdc'
        ? connector
        : undefined,
    byKubernetesId: id => (id === 'orders-service' ? [connector] : []),
    byOwner: () => [],
    byConnectCluster: () => [],
    ownerOf: () => ({ source: 'none', warnings: [] }),
    namespaceAnnotations: () => undefined,
    systemOf: () => undefined,
    bySystem: () => [],
    subscribe: () => () => {},
    addClusters: clusters => {
      writes.push(`addClusters ${clusters.map(c => c.name)}`);
    },
  };
  return { cache, writes };
}

type Send = (server: Server) => request.Test;
const get =
  (path: string): Send =>
  server =>
    request(server).get(path);
const api = '/api/kafka-connect';
const enc = encodeURIComponent;

/**
 * The table: each request is hostile in one way and must be refused with a
 * 4xx and a message. Scaffolder action inputs join with their own table once
 * the actions exist (see README, "Hostile input").
 */
const REST_CASES: Array<[string, Send]> = [
  [
    'path traversal in the cluster segment',
    get(`${api}/connectors/..%2F..%2Fetc/orders/orders-cdc`),
  ],
  [
    'path traversal in the namespace segment',
    get(`${api}/connectors/eu-1/..%2F..%2Fkube-system/orders-cdc`),
  ],
  [
    'dot segments in the name',
    get(`${api}/connectors/eu-1/orders/%2e%2e%2f%2e%2e%2fsecrets`),
  ],
  [
    'malformed percent encoding in a path segment',
    get(`${api}/connectors/eu-1/orders/%E0%A4%A`),
  ],
  [
    'connector in a cluster that does not exist',
    get(`${api}/connectors/nope/orders/orders-cdc`),
  ],
  ['connector that does not exist', get(`${api}/connectors/eu-1/orders/nope`)],
  [
    'filter by a cluster that does not exist',
    get(`${api}/connectors?cluster=nope`),
  ],
  ['filter by an unknown health', get(`${api}/connectors?health=splendid`)],
  ['empty owner filter', get(`${api}/connectors?owner=`)],
  ['repeated query parameter', get(`${api}/connectors?owner=a&owner=b`)],
  ['query parameter as an object', get(`${api}/connectors?health[$ne]=x`)],
  ['missing entityRef', get(`${api}/entity-connectors`)],
  [
    'entity that does not exist',
    get(`${api}/entity-connectors?entityRef=component:default/nope`),
  ],
  ...Object.entries(HOSTILE_VALUES).map(([name, value]): [string, Send] => [
    `entityRef: ${name}`,
    get(`${api}/entity-connectors?entityRef=${enc(value)}`),
  ]),
  [
    'entityRef given twice',
    get(`${api}/entity-connectors?entityRef=a&entityRef=b`),
  ],
  [
    'oversized JSON body',
    server =>
      request(server)
        .post(`${api}/connectors`)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) })),
  ],
  [
    'malformed JSON body',
    server =>
      request(server)
        .post(`${api}/entity-connectors`)
        .set('content-type', 'application/json')
        .send('{"entityRef": '),
  ],
  [
    'write verb on a read-only route',
    server =>
      request(server).delete(`${api}/connectors/eu-1/orders/orders-cdc`),
  ],
];

describe('REST API under hostile input', () => {
  let server: Server;
  let writes: string[];

  beforeAll(async () => {
    const recording = recordingCache();
    writes = recording.writes;
    const backend = await startTestBackend({
      features: [
        kafkaConnectPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'orders-service',
                namespace: 'default',
                annotations: { 'backstage.io/kubernetes-id': 'orders-service' },
              },
              spec: { type: 'service', owner: 'team-orders', lifecycle: 'x' },
            },
          ],
        }),
        createServiceFactory({
          service: strimziResourceCacheServiceRef,
          deps: {},
          factory: () => recording.cache,
        }),
      ],
    });
    server = backend.server;
  });

  it('still answers the well-formed requests these cases are variations of', async () => {
    const found = await request(server).get(
      `${api}/connectors/eu-1/orders/orders-cdc`,
    );
    expect(found.status).toBe(200);
    const entity = await request(server).get(
      `${api}/entity-connectors?entityRef=component:default/orders-service`,
    );
    expect(entity.body.items).toHaveLength(1);
  });

  it.each(REST_CASES)(
    '%s: 4xx with a message, no stack',
    async (name, send) => {
      expect({
        name,
        problems: cleanRejectionProblems(await send(server)),
      }).toEqual({
        name,
        problems: [],
      });
    },
  );

  it('names the field and the fix in the message', async () => {
    const unknownCluster = await request(server).get(
      `${api}/connectors?cluster=nope`,
    );
    expect(unknownCluster.body.error.message).toMatch(/'cluster'.*eu-1/);
    const badRef = await request(server).get(
      `${api}/entity-connectors?entityRef=${enc('::')}`,
    );
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.message).toMatch(
      /entityRef.*kind:namespace\/name/,
    );
  });

  it('never answers random path segments and query values with a 5xx or a stack (property-based)', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileString(),
        hostileString(),
        hostileString(),
        fc.constantFrom('entityRef', 'owner', 'health', 'cluster'),
        async (cluster, namespace, name, parameter) => {
          const byPath = await request(server).get(
            `${api}/connectors/${enc(cluster) || '-'}/${
              enc(namespace) || '-'
            }/${enc(name) || '-'}`,
          );
          expect(byPath.status).not.toBe(200);
          expect(neverLeaksProblems(byPath)).toEqual([]);
          const route =
            parameter === 'entityRef' ? 'entity-connectors' : 'connectors';
          const byQuery = await request(server).get(
            `${api}/${route}?${parameter}=${enc(name)}`,
          );
          expect(neverLeaksProblems(byQuery)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
    // 200 HTTP round trips: generous on a loaded 2-core CI machine.
  }, 60_000);

  it('rejects what the bar describes and accepts nothing less', () => {
    // The checker itself must fail on each kind of leak, or the table proves nothing.
    expect(
      cleanRejectionProblems({
        status: 500,
        text: '{"error":{"message":"x"}}',
      }),
    ).toEqual(['status 500, expected 4xx']);
    expect(
      cleanRejectionProblems({
        status: 400,
        text: '{"error":{"message":"x","stack":"Error: x\\n    at f (router.ts:3:1)"}}',
      }),
    ).toEqual(['stack trace or source path in the body']);
    expect(cleanRejectionProblems({ status: 404, text: '{}' })).toEqual([
      'no error.message in the body',
    ]);
    expect(
      cleanRejectionProblems({
        status: 200,
        text: '{"error":{"message":"x"}}',
      }),
    ).toEqual(['status 200, expected 4xx']);
  });

  it('changed nothing: no request above wrote to the cache', () => {
    expect(writes).toEqual([]);
  });
});
