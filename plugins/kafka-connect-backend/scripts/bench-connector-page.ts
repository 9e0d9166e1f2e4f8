/* eslint-disable no-console */
/**
 * Benchmark of the ownership page's request: the first page of 50 of
 * `GET /connectors` (sorted by health, worst first) over N connectors, through
 * the real router and HTTP stack. STUBBED: the cache is an in-memory reader
 * over N synthetic KafkaConnectors (no API server), and auth and permission
 * checks always allow (no catalog lookup on this route). Prints p50/p99 of a
 * repeated page (answer kept) and of a page right after a connector change
 * (answer rebuilt: filter, sort and serialise all N), and the answer size.
 * Usage: yarn workspace @kcs/plugin-kafka-connect-backend bench:connector-page [N] [requests]
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  CachedResource,
  ResourceChange,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import express from 'express';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { ConnectorOperations } from '../src/service/operations';
import { createRouter } from '../src/service/router';

const quietLogger: LoggerService = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => quietLogger,
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Connector i: every 7th failed, every 5th without owner, 20 clusters. */
function connector(i: number): CachedResource {
  const failed = i % 7 === 0;
  return {
    cluster: `cluster-${i % 20}`,
    kind: 'KafkaConnector',
    resource: {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnector',
      metadata: {
        namespace: `ns-${i % 10}`,
        name: `connector-${i}`,
        generation: 1,
        labels: { 'strimzi.io/cluster': 'connect' },
        annotations:
          i % 5 ? { 'kafka-connect.dev/owner': `team-${i % 50}` } : {},
      },
      spec: { class: 'x.Y', tasksMax: 2 },
      status: {
        observedGeneration: 1,
        conditions: [{ type: failed ? 'NotReady' : 'Ready', status: 'True' }],
        connectorStatus: {
          connector: { state: failed ? 'FAILED' : 'RUNNING' },
          tasks: [
            { id: 0, state: 'RUNNING' },
            { id: 1, state: 'RUNNING' },
          ],
        },
      },
    },
  };
}

async function main() {
  const count = Number(process.argv[2] ?? 100_000);
  const requests = Number(process.argv[3] ?? 200);
  const connectors = Array.from({ length: count }, (_unused, i) =>
    connector(i),
  );
  const clusters = Array.from({ length: 20 }, (_unused, i) => ({
    name: `cluster-${i}`,
    synced: true,
  }));
  const listeners = new Set<(change: ResourceChange) => void>();
  const cache = {
    clusters: () => clusters,
    list: (kind: string) => (kind === 'KafkaConnector' ? connectors : []),
    get: () => undefined,
    byKubernetesId: () => [],
    byOwner: () => [],
    byConnectCluster: () => [],
    bySystem: () => [],
    ownerOf: ({ resource }: CachedResource) => {
      const owner = resource.metadata.annotations['kafka-connect.dev/owner'];
      return {
        owner: owner ? `group:default/${owner}` : undefined,
        source: owner ? 'resource' : 'none',
        warnings: [],
      };
    },
    systemOf: () => undefined,
    namespaceAnnotations: () => undefined,
    subscribe: (listener: (change: ResourceChange) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addClusters: () => {},
  } as unknown as StrimziResourceReader;

  const app = express();
  app.use(
    await createRouter({
      logger: quietLogger,
      cache,
      catalog: {} as never,
      httpAuth: { credentials: async () => ({}) } as never,
      permissions: {
        authorize: async () => [{ result: 'ALLOW' }],
        authorizeConditional: async (queries: unknown[]) =>
          queries.map(() => ({ result: 'ALLOW' })),
      } as never,
      auth: { getOwnServiceCredentials: async () => ({}) } as never,
      auditor: {} as never,
      // Reads only: no cluster is ever written to.
      operations: new ConnectorOperations(() => undefined),
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const url = `http://127.0.0.1:${
    (server.address() as AddressInfo).port
  }/connectors?sort=health&limit=50`;

  const time = async () => {
    const started = process.hrtime.bigint();
    const response = await fetch(url);
    const body = await response.text();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200 || JSON.parse(body).items.length !== 50) {
      throw new Error(`unexpected answer ${response.status}`);
    }
    return { ms, bytes: Buffer.byteLength(body) };
  };
  // One change to one connector: the kept page answers go.
  const changeOne = (i: number) => {
    const target = connectors[i % count];
    target.resource = { ...target.resource };
    for (const listener of listeners) {
      listener({
        type: 'upsert',
        cluster: target.cluster,
        kind: 'KafkaConnector',
        resource: target.resource,
      });
    }
  };

  const first = await time();
  const rebuilt: number[] = [];
  for (let i = 0; i < requests; i++) {
    changeOne(i);
    rebuilt.push((await time()).ms);
  }
  const kept: number[] = [];
  for (let i = 0; i < requests; i++) {
    kept.push((await time()).ms);
  }
  rebuilt.sort((a, b) => a - b);
  kept.sort((a, b) => a - b);
  server.close();
  console.log(
    `GET /connectors?sort=health&limit=50 over ${count} connectors, ${requests} requests each`,
  );
  console.log(`first request (summaries built): ${first.ms.toFixed(1)} ms`);
  console.log(
    `after a connector change (rebuilt): p50 ${percentile(rebuilt, 50).toFixed(
      2,
    )} ms, p99 ${percentile(rebuilt, 99).toFixed(2)} ms`,
  );
  console.log(
    `repeated (kept answer): p50 ${percentile(kept, 50).toFixed(
      2,
    )} ms, p99 ${percentile(kept, 99).toFixed(2)} ms`,
  );
  console.log(`answer size: ${(first.bytes / 1024).toFixed(1)} KiB`);
  console.log(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), load ${os
      .loadavg()
      .map(n => n.toFixed(1))
      .join(' / ')}, Node ${process.version}`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
