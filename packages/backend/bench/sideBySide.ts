/* eslint-disable no-console */
/**
 * Side-by-side benchmark: one local kube-apiserver loaded with N
 * KafkaConnectors over 10 namespaces, one backend running both this suite and
 * Backstage's Kubernetes plugin on that cluster, and the same entity (20
 * connectors) asked of both, alternately. Prints what is real and what is
 * stubbed, latency percentiles of first (cold) and repeated page views and
 * their ratio, API-server requests per page view, backend RSS, and a
 * 50-client load test of the suite's endpoint. Fails when a page view of the
 * suite reaches the API server or an answer is incomplete.
 * Figures and what they mean: docs/benchmarks.md.
 *
 * Usage: yarn workspace backend bench:side-by-side [connectors=10000] [page views=300] [load seconds=30]
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  KUBERNETES_VERSION,
  startCluster,
  strimziRequestsServed,
} from '@kcs/dev-cluster';
import { CustomObjectsApi } from '@kubernetes/client-node';
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  type BenchLayout,
  benchEntities,
  entityCountOf,
  entityNameFor,
  loadConnectors,
} from './sideBySide/cluster';
import {
  endpointsAt,
  KUBERNETES_PLUGIN_PATH,
  SUITE_PATH,
} from './sideBySide/endpoints';
import { runLoadClients } from './sideBySide/loadClients';
import {
  machineLine,
  mib,
  ms,
  p50p99,
  percentile,
  ratio,
  REAL_AND_STUBBED,
} from './sideBySide/report';
import { alternatingSeries, diagnosticSeries } from './sideBySide/series';
import { recordServerTimes } from './sideBySide/serverTimes';

const layout: BenchLayout = {
  connectorCount: Number(process.argv[2] ?? 10_000),
  namespaces: 10,
  connectorsPerEntity: 20,
};
const pageViews = Number(process.argv[3] ?? 300);
const loadSeconds = Number(process.argv[4] ?? 30);
const LOAD_CLIENTS = 50;
const WARM_UP_VIEWS = 20;
/** Before every page view of the headline series: real page views are not microseconds apart. */
const PAUSE_MS = 20;
const met = (goal: boolean) => (goal ? 'met' : 'NOT met');
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const benchStarted = Date.now();
let step = 'start';
/** Where the run is, for its log and for the error that may end it. */
const progress = (next: string) => {
  step = next;
  console.log(
    `  … ${next} (${((Date.now() - benchStarted) / 1000).toFixed(
      0,
    )} s, load average ${os
      .loadavg()
      .map(load => load.toFixed(1))
      .join(' ')})`,
  );
};

async function main() {
  const entityCount = entityCountOf(layout);
  const expected = layout.connectorsPerEntity;
  const cluster = await startCluster({
    // Another name lets two runs share a machine.
    name: process.env.KC_BENCH_CLUSTER_NAME ?? 'side-by-side',
    operator: false,
  });
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  try {
    progress('loading connectors');
    const loaded = await loadConnectors(cluster, layout);
    console.log(
      `loaded ${layout.connectorCount} KafkaConnectors into ${
        layout.namespaces
      } namespaces in ${loaded.seconds.toFixed(
        1,
      )} s (written into etcd, listed through the API server)`,
    );
    const rssBeforeBackend = process.memoryUsage().rss;
    const backendStarted = Date.now();
    // Both plugins read the same cluster from the Kubernetes plugin's config.
    progress('starting the backend');
    backend = await startTestBackend({
      features: [
        import('@backstage/plugin-kubernetes-backend'),
        import('@kcs/plugin-kafka-connect-backend'),
        catalogServiceMock.factory({ entities: benchEntities(layout) }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: cluster.name,
                      url: cluster.server,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: cluster.portalToken,
                      caData: cluster.caData,
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    const apiBase = `http://127.0.0.1:${
      (backend.server.address() as AddressInfo).port
    }/api`;
    const endpoints = endpointsAt(apiBase);

    // Entities split so that the cold series asks each of its entities for
    // the first time: the warm-up and the wait for the cache use the last ones.
    const names = Array.from({ length: entityCount }, (_u, i) =>
      entityNameFor(layout, i),
    );
    const warmUpNames = names.slice(-WARM_UP_VIEWS);
    const measuredNames = names.slice(
      0,
      Math.max(1, Math.min(pageViews, entityCount - WARM_UP_VIEWS)),
    );

    // The suite answers once its watch cache has synced.
    progress("waiting for the suite's cache");
    while ((await endpoints.suite(warmUpNames[0])) !== expected) {
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    console.log(
      `backend started and the suite's cache synced in ${
        Date.now() - backendStarted
      } ms`,
    );
    // Warm both paths (connection pools, JIT) before measuring.
    progress('warming up');
    for (const name of warmUpNames) {
      await endpoints.suite(name);
      await endpoints.kubernetesPlugin(name);
    }
    const serverTimes = recordServerTimes(backend.server);
    const serverSide = () => ({
      suite: serverTimes.of(SUITE_PATH),
      kubernetes: serverTimes.of(KUBERNETES_PLUGIN_PATH),
    });

    // Start each series from a collected heap, so one series' garbage does
    // not land in whichever endpoint triggers the next collection.
    gc();
    serverTimes.clear();
    // Cold: the first page view of each entity, so the suite keeps no answer
    // and no connector summary for it yet.
    progress('cold series');
    const cold = await alternatingSeries(
      endpoints,
      measuredNames,
      PAUSE_MS,
      expected,
    );
    const coldServer = serverSide();
    gc();
    serverTimes.clear();
    // Repeated: the same entities again; the suite answers from its kept answers.
    progress('repeated series');
    const repeated = await alternatingSeries(
      endpoints,
      measuredNames,
      PAUSE_MS,
      expected,
    );
    const repeatedServer = serverSide();
    gc();
    progress('back-to-back series');
    const backToBack = await alternatingSeries(
      endpoints,
      measuredNames,
      0,
      expected,
    );
    progress('diagnostic series');
    const diagnostics = await diagnosticSeries(
      endpoints,
      cluster.kubeConfig().makeApiClient(CustomObjectsApi),
      measuredNames,
      PAUSE_MS,
      expected,
    );

    const requestsPerView = async (call: (name: string) => Promise<number>) => {
      const views = 50;
      const before = await strimziRequestsServed(cluster);
      for (let view = 0; view < views; view++) {
        await call(names[view % names.length]);
      }
      // /metrics is not a resource request, so reading it counts nothing.
      return ((await strimziRequestsServed(cluster)) - before) / views;
    };
    progress('API-server requests per page view');
    const suiteRequests = await requestsPerView(endpoints.suite);
    const kubernetesRequests = await requestsPerView(
      endpoints.kubernetesPlugin,
    );

    progress(`${LOAD_CLIENTS} clients for ${loadSeconds} s`);
    const loadStarted = Date.now();
    const load = await runLoadClients({
      urls: names.map(
        name =>
          `${apiBase}/kafka-connect/entity-connectors?entityRef=component:default/${name}`,
      ),
      clients: LOAD_CLIENTS,
      seconds: loadSeconds,
      expectedItems: expected,
    });
    const loadElapsed = (Date.now() - loadStarted) / 1000;
    load.times.sort((a, b) => a - b);
    const rssAfter = process.memoryUsage().rss;

    const lines = [
      ...REAL_AND_STUBBED,
      machineLine({
        kubernetes: KUBERNETES_VERSION,
        kubernetesPlugin: versionOf('@backstage/plugin-kubernetes-backend'),
      }),
      `entity with ${expected} connectors among ${layout.connectorCount}, ${measuredNames.length} alternating page views per series, ${PAUSE_MS} ms apart:`,
      `  cold (first page view of each entity)     suite ${p50p99(
        cold.suite,
      )}; k8s ${p50p99(cold.kubernetes)}; ratio p50 ${ratio(
        cold.kubernetes,
        cold.suite,
        50,
      ).toFixed(1)}×, p99 ${ratio(cold.kubernetes, cold.suite, 99).toFixed(
        1,
      )}×`,
      `  repeated (the same entities again)         suite ${p50p99(
        repeated.suite,
      )}; k8s ${p50p99(repeated.kubernetes)}; ratio p50 ${ratio(
        repeated.kubernetes,
        repeated.suite,
        50,
      ).toFixed(1)}×, p99 ${ratio(
        repeated.kubernetes,
        repeated.suite,
        99,
      ).toFixed(1)}×`,
      `  server-side (request event to last byte written), cold: suite ${p50p99(
        coldServer.suite,
      )}; k8s ${p50p99(coldServer.kubernetes)}; ratio p50 ${ratio(
        coldServer.kubernetes,
        coldServer.suite,
        50,
      ).toFixed(1)}×`,
      `  server-side, repeated: suite ${p50p99(
        repeatedServer.suite,
      )}; k8s ${p50p99(repeatedServer.kubernetes)}; ratio p50 ${ratio(
        repeatedServer.kubernetes,
        repeatedServer.suite,
        50,
      ).toFixed(1)}×`,
      `  repeated, back to back (no pause): suite ${p50p99(
        backToBack.suite,
      )}; k8s ${p50p99(backToBack.kubernetes)}; ratio p50 ${ratio(
        backToBack.kubernetes,
        backToBack.suite,
        50,
      ).toFixed(1)}×`,
      `diagnostics (repeated answers, same backend and client):`,
      `  suite without the Kubernetes plugin in between: back to back ${p50p99(
        diagnostics.suiteAlone,
      )}; ${PAUSE_MS} ms apart ${p50p99(diagnostics.suiteAlonePaused)}`,
      `  floor, GET /api/kafka-connect/health (does nothing): back to back ${p50p99(
        diagnostics.floor,
      )}; ${PAUSE_MS} ms apart ${p50p99(diagnostics.floorPaused)}`,
      `  suite right after the same list asked of the API server directly: ${p50p99(
        diagnostics.suiteAfterList,
      )}`,
      `API-server requests for Strimzi resources per page view: suite ${suiteRequests}, Kubernetes plugin ${kubernetesRequests}`,
      `process RSS (backend and this harness): ${mib(
        rssBeforeBackend,
      )} before the backend, ${mib(rssAfter)} after the load test`,
      `${LOAD_CLIENTS} concurrent clients for ${loadSeconds} s on the suite (repeated answers): ${
        load.times.length
      } requests, ${(load.times.length / loadElapsed).toFixed(
        0,
      )} req/s, p50 ${ms(percentile(load.times, 50))}, p99 ${ms(
        percentile(load.times, 99),
      )}, ${load.errors} errors`,
      `goals: p99 ≤ 10 ms: cold ${met(
        percentile(cold.suite, 99) <= 10,
      )}, repeated ${met(
        percentile(repeated.suite, 99) <= 10,
      )}; ≥ 20× faster (p50) as the client sees it: cold ${met(
        ratio(cold.kubernetes, cold.suite, 50) >= 20,
      )}, repeated ${met(
        ratio(repeated.kubernetes, repeated.suite, 50) >= 20,
      )}; server-side: cold ${met(
        ratio(coldServer.kubernetes, coldServer.suite, 50) >= 20,
      )}, repeated ${met(
        ratio(repeatedServer.kubernetes, repeatedServer.suite, 50) >= 20,
      )}; 0 API-server requests per page view ${met(suiteRequests === 0)}`,
    ];
    console.log(lines.join('\n'));
    if (process.env.KC_BENCH_REPORT) {
      fs.mkdirSync(path.dirname(process.env.KC_BENCH_REPORT), {
        recursive: true,
      });
      fs.writeFileSync(process.env.KC_BENCH_REPORT, `${lines.join('\n')}\n`);
    }
    if (suiteRequests > 0) {
      throw new Error('page views of the suite reached the API server');
    }
    if (load.errors > 0) {
      throw new Error(`${load.errors} requests failed under load`);
    }
  } finally {
    await backend?.stop();
    await cluster.stop();
  }
}

function versionOf(name: string): string {
  return JSON.parse(
    fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8'),
  ).version;
}

main().catch(error => {
  // fetch's own message is only 'fetch failed'; its cause says what (ECONNRESET, …).
  console.error(`failed during: ${step}`, error, (error as Error)?.cause ?? '');
  process.exit(1);
});
