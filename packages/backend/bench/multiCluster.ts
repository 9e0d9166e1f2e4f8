/* eslint-disable no-console */
/**
 * Multi-cluster scale benchmark: C real kube-apiserver + etcd pairs (20 by
 * default), loaded step by step with N KafkaConnectors (10,000 then 100,000
 * by default, 20 per Component, one per cluster), and a real Backstage
 * backend in its own process (auth with the guest provider, catalog, the
 * permission backend with the portal's policy, the suite's plugin) started
 * afresh at every size. Prints cold sync, backend RSS per 10,000 connectors,
 * `/entity-connectors` cold and repeated, the ownership page's first page of
 * 50, and both while status changes land, with change-to-API visibility.
 * Figures and what they mean: docs/benchmarks.md.
 *
 * Usage: yarn workspace backend bench:multi-cluster [sizes=10000,100000] [clusters=20] [page views=500] [seconds under changes=30] [changes per second=100]
 */
import { KUBERNETES_VERSION } from '@kcs/dev-cluster';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mib, ms, p50p99, percentile } from './sideBySide/report';
import {
  startBackendProcess,
  freeLoopbackPort,
  type BackendHandle,
} from './multiCluster/backendHandle';
import {
  clustersRss,
  loadConnectors,
  startClusters,
  stopClusters,
  type BenchCluster,
} from './multiCluster/clusters';
import { catalogYaml, CONNECTORS_PER_ENTITY } from './multiCluster/layout';
import {
  backendConfig,
  cacheStartedAt,
  heapLine,
  loadAverage,
} from './multiCluster/backendConfig';
import {
  checkCosts,
  firstPages,
  pageViews,
  randomEntities,
  underStatusChanges,
} from './multiCluster/phases';
import { guestToken, portalClient, sleep } from './multiCluster/portalClient';
import { StatusWriter } from './multiCluster/statusChanges';
import { phaseMeter } from './multiCluster/phaseMeter';

const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const clusterCount = Number(process.argv[3] ?? 20);
const viewCount = Number(process.argv[4] ?? 500);
const secondsUnderChanges = Number(process.argv[5] ?? 30);
const changesPerSecond = Number(process.argv[6] ?? 100);
const PAUSE_MS = 20;
const KB = 1024;
const met = (goal: boolean) => (goal ? 'met' : 'NOT met');

const REAL_AND_STUBBED = [
  `real: ${clusterCount} kube-apiserver + etcd pairs (separate processes, one per cluster, no Strimzi operator, no Kafka Connect: statuses are written by this harness through each API server's status subresource), a Backstage backend in its own process (createBackend: HTTP stack, auth backend with the guest provider signing a real user token that every request carries, catalog backend on in-memory SQLite holding the Components, Groups and the User, permission backend with the portal's PortalPermissionPolicy, the suite's backend plugin with its watch cache), requests over loopback`,
  "not real: connectors are loaded by writing them into each etcd in the API server's storage layout (not through the API server: 100,000 creates take 20+ minutes on 2 vCPUs); the catalog does not hold the connectors as Resource entities (the suite's catalog module is not installed: /entity-connectors does not read them); no Backstage frontend",
];

async function main() {
  const maxSize = Math.max(...sizes);
  if (maxSize % CONNECTORS_PER_ENTITY !== 0) {
    throw new Error(`sizes must be multiples of ${CONNECTORS_PER_ENTITY}`);
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-multi-cluster-'));
  const catalogFile = path.join(workDir, 'catalog.yaml');
  fs.writeFileSync(catalogFile, catalogYaml(maxSize / CONNECTORS_PER_ENTITY));
  const lines: string[] = [...REAL_AND_STUBBED];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const progress = (line: string) => console.log(`  … ${line}`);

  // A soft memory limit for every kube-apiserver (Go's own knob, as a
  // container limit would set): 20 of them at their default of ~300 MiB
  // each, next to the other work on the machine, pushed it into paging.
  process.env.GOMEMLIMIT ??= '250MiB';
  say(`kube-apiserver and etcd run with GOMEMLIMIT=${process.env.GOMEMLIMIT}`);
  const started = Date.now();
  let clusters: BenchCluster[] = [];
  let backend: BackendHandle | undefined;
  try {
    clusters = await startClusters(
      clusterCount,
      process.env.KC_BENCH_CLUSTER_NAME ?? 'multi',
    );
    const empty = clustersRss(clusters);
    say(
      `${clusterCount} clusters started in ${(
        (Date.now() - started) /
        1000
      ).toFixed(1)} s; RSS of all kube-apiservers ${mib(
        empty.apiServers,
      )}, of all etcds ${mib(empty.etcds)}`,
    );
    const writer = new StatusWriter(clusters);
    const startPortal = async (loaded: number) => {
      const port = await freeLoopbackPort();
      const forked = Date.now();
      const handle = await startBackendProcess(
        backendConfig(port, catalogFile, clusters),
        port,
        path.join(workDir, `backend-${loaded}.log`),
      );
      backend = handle;
      let token: string | undefined;
      let synced = 0;
      let cacheSync = 0;
      let client = portalClient(handle.baseUrl, '');
      for (;;) {
        await sleep(100);
        if (Date.now() - forked > 600_000 || handle.hasExited()) {
          const log = fs.readFileSync(
            path.join(workDir, `backend-${loaded}.log`),
            'utf8',
          );
          throw new Error(
            `backend exited or not ready after 10 minutes; its log ends:\n${log.slice(
              -4000,
            )}`,
          );
        }
        try {
          token ??= await guestToken(handle.baseUrl);
          client = portalClient(handle.baseUrl, token);
          const page = await client.get<{
            total: number;
            clusters: Array<{ synced: boolean }>;
          }>('/api/kafka-connect/connectors?limit=1');
          if (
            page.body.total === loaded &&
            page.body.clusters.length === clusterCount &&
            page.body.clusters.every(state => state.synced)
          ) {
            synced = Date.now() - forked;
            cacheSync =
              Date.now() -
              cacheStartedAt(path.join(workDir, `backend-${loaded}.log`));
            break;
          }
        } catch {
          // Not up yet.
        }
      }
      const entities = maxSize / CONNECTORS_PER_ENTITY;
      while ((await client.catalogCount('component')) < entities) {
        await sleep(500);
      }
      return {
        handle,
        client,
        synced,
        cacheSync,
        catalogReady: Date.now() - forked,
      };
    };

    // Size 0: the backend's own RSS with the same catalog, before any connector.
    let baseRss: number;
    let baseHeap: number;
    {
      const portal = await startPortal(0);
      const memory = await portal.handle.memory();
      say(
        `0 connectors: backend up and ${clusterCount} clusters synced ${
          portal.synced
        } ms after start (${
          portal.cacheSync
        } ms after the cache started), catalog of ${
          maxSize / CONNECTORS_PER_ENTITY
        } Components processed after ${
          portal.catalogReady
        } ms; backend RSS ${mib(memory.rss)} (${heapLine(memory)})`,
      );
      await portal.handle.stop();
      backend = undefined;
      baseRss = memory.rss;
      baseHeap = memory.heapUsed;
    }

    let loadedSoFar = 0;
    for (const size of sizes) {
      progress(`loading connectors ${loadedSoFar} to ${size - 1}`);
      const load = await loadConnectors(clusters, loadedSoFar, size);
      loadedSoFar = size;
      const rssLoaded = clustersRss(clusters);
      say(
        `— ${size} connectors over ${clusterCount} clusters (${
          size / clusterCount
        } each) —`,
      );
      say(
        `  loaded in ${(load.servedMs / 1000).toFixed(
          1,
        )} s (written to etcd in ${(load.writeMs / 1000).toFixed(
          1,
        )} s); RSS of all kube-apiservers ${mib(
          rssLoaded.apiServers,
        )}, of all etcds ${mib(rssLoaded.etcds)}`,
      );
      const portal = await startPortal(size);
      const { client } = portal;
      const memory = await portal.handle.memory();
      const growth = ((memory.rss - baseRss) / size) * 10_000;
      say(
        `  cold sync: every connector of every cluster served ${
          portal.cacheSync
        } ms after the cache started (its log line), ${
          portal.synced
        } ms after the backend process started; load average ${loadAverage()}`,
      );
      say(
        `  backend RSS after sync ${mib(memory.rss)} (${heapLine(
          memory,
        )}): ${mib(
          growth,
        )} per 10,000 connectors over the 0-connector backend; goal ≤ 150 MB ${met(
          growth <= 150 * 1e6,
        )}`,
      );
      const entities = size / CONNECTORS_PER_ENTITY;
      const measured = randomEntities(
        entities,
        Math.min(viewCount, entities - 50),
      );
      progress('first page of the ownership page');
      const firstPage = await client.firstPage();
      const meter = await phaseMeter(portal.handle, size);
      const onProfile = (file: string) => say(`  (CPU profile: ${file})`);
      const cold = await meter.measure('cold', measured.length, () =>
        pageViews(client, measured, PAUSE_MS),
      );
      const repeated = await meter.measure(
        'entity-connectors',
        measured.length,
        () => pageViews(client, measured, PAUSE_MS),
        { profile: true, onProfile },
      );
      const backToBack = await meter.measure(
        'back-to-back',
        measured.length,
        () => pageViews(client, measured, 0),
      );
      say(
        `  /entity-connectors (20 connectors from ${Math.min(
          20,
          clusterCount,
        )} clusters), ${
          measured.length
        } page views ${PAUSE_MS} ms apart: cold ${p50p99(
          cold.result,
        )}; repeated ${p50p99(repeated.result)}; repeated back to back ${p50p99(
          backToBack.result,
        )}; goal p99 ≤ 10 ms: cold ${met(
          percentile(cold.result, 99) <= 10,
        )}, repeated ${met(percentile(repeated.result, 99) <= 10)}`,
      );
      say(
        `  backend CPU per page view (less its idle ${meter.idleCpuPerSecond.toFixed(
          0,
        )} ms/s): cold ${ms(cold.cpuMs)}, repeated ${ms(
          repeated.cpuMs,
        )}, back to back ${ms(backToBack.cpuMs)}`,
      );
      const checks = await checkCosts(
        client,
        measured.slice(0, 200),
        PAUSE_MS,
        meter,
      );
      say(
        `  the real checks alone, asked from outside with the same token, 200 each ${PAUSE_MS} ms apart: a route that does nothing (auth only) ${p50p99(
          checks.floor,
        )}; permission decision (POST /api/permission/authorize) ${p50p99(
          checks.permission,
        )}; catalog lookup (GET /api/catalog/entities/by-name) ${p50p99(
          checks.catalog,
        )}; backend CPU per request: ${ms(checks.cpuMs.floor)}, ${ms(
          checks.cpuMs.permission,
        )}, ${ms(checks.cpuMs.catalog)}`,
      );
      const { result: pages, cpuMs: pageCpuMs } = await meter.measure(
        'first-pages',
        200,
        () => firstPages(client, 200, PAUSE_MS),
        { profile: true, onProfile },
      );
      say(
        `  ownership page, first page of 50 (sort=health): first request ${ms(
          firstPage.ms,
        )}, ${(firstPage.bytes / KB).toFixed(1)} KiB; repeated (200) ${p50p99(
          pages.times,
        )}; goal p99 ≤ 50 ms ${met(
          percentile(pages.times, 99) <= 50,
        )}, ≤ 100 KB ${met(pages.bytes <= 100_000)}; backend CPU ${ms(
          pageCpuMs,
        )} per request`,
      );
      say(`  load average before the changes ${loadAverage()}`);
      progress(
        `${changesPerSecond} status changes a second for ${secondsUnderChanges} s`,
      );
      const changes = await underStatusChanges({
        client,
        writer,
        clusters: clusterCount,
        loadedConnectors: size,
        perSecond: changesPerSecond,
        seconds: secondsUnderChanges,
        pauseMs: PAUSE_MS,
      });
      say(
        `  while ${(changes.changes.landed / changes.changes.seconds).toFixed(
          0,
        )} status changes a second landed (${
          changes.changes.landed
        } in ${changes.changes.seconds.toFixed(0)} s, ${
          changes.changes.failed
        } failed): /entity-connectors ${p50p99(changes.entityTimes)} (${
          changes.entityTimes.length
        } views); first page of 50 ${p50p99(changes.pageTimes)} (${
          changes.pageTimes.length
        }); a change visible in the API after p50 ${
          changes.visibleP50
        } ms, max ${changes.visibleMax} ms (${changes.visible.length} probes, ${
          changes.notSeen
        } not seen in 10 s; the probe's status write took p50 ${
          changes.writeP50
        } ms, max ${
          changes.writeMax
        } ms, and from its answer to the change in the API p50 ${
          changes.afterWriteP50
        } ms, max ${changes.afterWriteMax} ms); ${
          changes.errors.length
        } requests failed${
          changes.errors.length ? ` (first: ${changes.errors[0]})` : ''
        }; goals p99 ≤ 10 ms ${met(
          percentile(changes.entityTimes, 99) <= 10,
        )}, visible ≤ 1 s ${met(
          changes.visibleMax <= 1000 && changes.notSeen === 0,
        )}`,
      );
      if (changes.changes.failed > 0 || changes.notSeen > 0) {
        throw new Error(
          `${changes.changes.failed} status writes failed, ${changes.notSeen} changes never reached the API`,
        );
      }
      const after = await portal.handle.memory();
      say(
        `  backend RSS after the measurements ${mib(after.rss)} (${heapLine(
          after,
        )}); heap used ${mib(
          ((after.heapUsed - baseHeap) / size) * 10_000,
        )} per 10,000 connectors over the 0-connector backend`,
      );
      await portal.handle.stop();
      backend = undefined;
    }
    writer.close();
    say(
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${mib(
        os.totalmem(),
      )} RAM, ${os.type()} ${os.release()}, load average at the end ${os
        .loadavg()
        .map(l => l.toFixed(1))
        .join(' ')}; Node ${
        process.version
      }; kube-apiserver ${KUBERNETES_VERSION}; whole run ${(
        (Date.now() - started) /
        60000
      ).toFixed(1)} min`,
    );
    if (process.env.KC_BENCH_REPORT) {
      fs.mkdirSync(path.dirname(process.env.KC_BENCH_REPORT), {
        recursive: true,
      });
      fs.writeFileSync(process.env.KC_BENCH_REPORT, `${lines.join('\n')}\n`);
    }
  } finally {
    await backend?.stop();
    await stopClusters(clusters);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
