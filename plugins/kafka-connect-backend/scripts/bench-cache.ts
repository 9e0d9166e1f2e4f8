/* eslint-disable no-console */
/**
 * Benchmark of the backend against a real kube-apiserver: loads N connectors
 * across 10 namespaces, starts the plugin's REST API on the watch cache and
 * prints cold sync time, /entity-connectors latency for an entity with 20
 * connectors, RSS before and after, and how many requests the API server saw
 * during 1,000 page views (the goal is none). Page views of an entity the
 * router has not answered before (cold: no answer kept) are reported apart
 * from repeated ones.
 *
 * Real: kube-apiserver + etcd (no Strimzi operator, no Kafka Connect: the
 * connectors carry no status), the watch cache, the plugin's router over
 * loopback HTTP. Stubbed: the catalog (returns a Component for any ref), auth
 * (no credentials checked) and permissions (allow-all); no Backstage backend
 * around the router.
 * Usage: yarn workspace @kcs/plugin-kafka-connect-backend bench [N]
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  applyObjects,
  startCluster,
  strimziRequestsServed,
} from '@kcs/dev-cluster';
import { StrimziResourceCache } from '@kcs/plugin-kafka-connect-node';
import { CustomObjectsApi } from '@kubernetes/client-node';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { ConnectorOperations } from '../src/service/operations';
import { createRouter } from '../src/service/router';

const NAMESPACES = 10;
const CONNECTORS_PER_COMPONENT = 20;
const PAGE_VIEWS = 1000;

const quietLogger: LoggerService = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => quietLogger,
};

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main() {
  const count = Number(process.argv[2] ?? 10_000);
  const components = Math.max(1, Math.floor(count / CONNECTORS_PER_COMPONENT));
  const cluster = await startCluster({
    // Another name lets two runs share a machine.
    name: process.env.KC_BENCH_CLUSTER_NAME ?? 'bench',
    operator: false,
  });
  try {
    const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    await applyObjects(cluster.kubeConfig(), namespaces(NAMESPACES) as never);
    const createStarted = Date.now();
    const queue = Array.from({ length: count }, (_unused, i) => i);
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          await api.createNamespacedCustomObject({
            group: 'kafka.strimzi.io',
            version: 'v1',
            namespace: `bench-${i % NAMESPACES}`,
            plural: 'kafkaconnectors',
            body: {
              apiVersion: 'kafka.strimzi.io/v1',
              kind: 'KafkaConnector',
              metadata: {
                name: `connector-${i}`,
                labels: {
                  'strimzi.io/cluster': 'connect',
                  'backstage.io/kubernetes-id': `component-${i % components}`,
                },
              },
              spec: {
                class: 'io.debezium.connector.mysql.MySqlConnector',
                tasksMax: 2,
                config: { 'topic.prefix': `p${i}` },
              },
            },
          });
        }
      }),
    );
    console.log(
      `loaded ${count} KafkaConnectors into ${NAMESPACES} namespaces in ${(
        (Date.now() - createStarted) /
        1000
      ).toFixed(1)} s`,
    );

    const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
    collect();
    const rssBefore = process.memoryUsage().rss;
    const cache = new StrimziResourceCache(
      [
        {
          name: 'bench',
          url: cluster.server,
          auth: { type: 'serviceAccount', token: cluster.portalToken },
          caData: cluster.caData,
          skipTLSVerify: false,
          namespaces: [],
        },
      ],
      quietLogger,
    );
    const syncStarted = Date.now();
    cache.start();
    await cache.waitForSync(300_000);
    console.log(
      `cold sync of ${cache.list('KafkaConnector').length} connectors: ${
        Date.now() - syncStarted
      } ms`,
    );

    // Watch propagation: from an API-server write until the cache has it.
    const propagation = async (
      write: () => Promise<unknown>,
      seen: () => boolean,
    ) => {
      const started = Date.now();
      await write();
      while (!seen()) {
        await new Promise(resolve => setTimeout(resolve, 5));
      }
      return Date.now() - started;
    };
    const probe = {
      group: 'kafka.strimzi.io',
      version: 'v1',
      namespace: 'bench-0',
      plural: 'kafkaconnectors',
      name: 'probe',
    };
    const created = await propagation(
      () =>
        api.createNamespacedCustomObject({
          ...probe,
          body: {
            apiVersion: 'kafka.strimzi.io/v1',
            kind: 'KafkaConnector',
            metadata: { name: 'probe' },
            spec: { class: 'x.Y', tasksMax: 1 },
          },
        }),
      () => Boolean(cache.get('KafkaConnector', 'bench', 'bench-0', 'probe')),
    );
    const changed = await propagation(
      () =>
        api.patchNamespacedCustomObject({
          ...probe,
          body: [{ op: 'replace', path: '/spec/tasksMax', value: 3 }],
        }),
      () =>
        cache.get('KafkaConnector', 'bench', 'bench-0', 'probe')?.resource.spec
          .tasksMax === 3,
    );
    const deleted = await propagation(
      () => api.deleteNamespacedCustomObject(probe),
      () => !cache.get('KafkaConnector', 'bench', 'bench-0', 'probe'),
    );
    console.log(
      `watch propagation with ${count} connectors cached: create ${created} ms, change ${changed} ms, delete ${deleted} ms`,
    );

    const app = express();
    app.use(
      await createRouter({
        logger: quietLogger,
        cache,
        catalog: {
          getEntityByRef: async (ref: string) => ({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: String(ref).split('/').pop()!,
              namespace: 'default',
              annotations: {
                'backstage.io/kubernetes-id': String(ref).split('/').pop()!,
              },
            },
          }),
        } as never,
        httpAuth: { credentials: async () => ({}) } as never,
        permissions: {
          authorize: async () => [{ result: 'ALLOW' }],
          authorizeConditional: async (queries: unknown[]) =>
            queries.map(() => ({ result: 'ALLOW' })),
        } as never,
        auth: { getOwnServiceCredentials: async () => ({}) } as never,
        // The benchmark measures reads only.
        auditor: {} as never,
        // Reads only: no cluster is ever written to.
        operations: new ConnectorOperations(() => undefined),
      }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise(resolve => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const requestsBefore = await strimziRequestsServed(cluster);
    if (requestsBefore < count) {
      throw new Error(
        `the API server's metrics show ${requestsBefore} Strimzi requests after ${count} creates: cannot count requests`,
      );
    }
    const coldTimings: number[] = [];
    const repeatedTimings: number[] = [];
    for (let view = 0; view < PAGE_VIEWS; view++) {
      const timings = view < components ? coldTimings : repeatedTimings;
      const started = process.hrtime.bigint();
      const response = await fetch(
        `${base}/entity-connectors?entityRef=component:default/component-${
          view % components
        }`,
      );
      const body = (await response.json()) as { items: unknown[] };
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (
        body.items.length !== CONNECTORS_PER_COMPONENT &&
        count >= CONNECTORS_PER_COMPONENT
      ) {
        throw new Error(
          `expected ${CONNECTORS_PER_COMPONENT} connectors per entity, got ${body.items.length}`,
        );
      }
    }
    // /metrics is not a resource request, so it does not count itself.
    const requestsDuring =
      (await strimziRequestsServed(cluster)) - requestsBefore;
    collect();
    console.log(
      'real: kube-apiserver + etcd, the watch cache, the router over loopback HTTP; stubbed: catalog, auth, permissions (allow-all); connectors without status',
    );
    const series = (name: string, timings: number[]) => {
      timings.sort((a, b) => a - b);
      console.log(
        `GET /entity-connectors (${CONNECTORS_PER_COMPONENT} connectors), ${name}, ${
          timings.length
        } page views: p50 ${percentile(timings, 50).toFixed(
          2,
        )} ms, p99 ${percentile(timings, 99).toFixed(2)} ms`,
      );
    };
    series('cold (first view of each entity)', coldTimings);
    if (repeatedTimings.length > 0) {
      series('repeated (entities asked before)', repeatedTimings);
    }
    console.log(
      `backend RSS: ${mib(rssBefore)} before the cache, ${mib(
        process.memoryUsage().rss,
      )} after ${PAGE_VIEWS} page views`,
    );
    console.log(
      `API-server requests for Strimzi resources during ${PAGE_VIEWS} page views: ${requestsDuring}`,
    );
    server.close();
    await cache.stop();
    if (requestsDuring > 0) {
      throw new Error('page views reached the API server');
    }
  } finally {
    await cluster.stop();
  }
}

function namespaces(count: number) {
  return Array.from({ length: count }, (_unused, i) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: `bench-${i}` },
  }));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
