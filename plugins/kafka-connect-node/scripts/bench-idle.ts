/* eslint-disable no-console */
/**
 * Benchmark: API-server requests of an idle cache, per hour. Starts a real
 * kube-apiserver + etcd, loads N KafkaConnectors over 10 namespaces, starts
 * the shared watch cache (the only part of the backend that talks to the API
 * server: the REST API and the catalog module read it) with the portal's
 * RBAC-limited token, lets it sync, then leaves it idle and reads the API
 * server's own apiserver_request_total before and after.
 *
 * Usage: yarn workspace @kcs/plugin-kafka-connect-node bench:idle [minutes] [connectors] [min-request-timeout-seconds]
 * The last argument is kube-apiserver's --min-request-timeout (its default,
 * 1800, ends each watch after 30 to 60 minutes; shorter shows renewals).
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  apiRequestCounts,
  ApiRequestCount,
  applyObjects,
  startCluster,
} from '@kcs/dev-cluster';
import { CustomObjectsApi } from '@kubernetes/client-node';
import os from 'node:os';
import { StrimziResourceCache } from '../src/cache/StrimziResourceCache';

const NAMESPACES = 10;

const quietLogger: LoggerService = {
  info: () => {},
  warn: message => console.warn(`cache warning: ${message}`),
  error: message => console.error(`cache error: ${message}`),
  debug: () => {},
  child: () => quietLogger,
};

/** Requests per `VERB resource` for the resources the cache lists and watches, and discovery. */
function tally(series: ApiRequestCount[]) {
  const counts: Record<string, number> = {};
  for (const { verb, group, resource, count } of series) {
    const strimzi = group === 'kafka.strimzi.io';
    const namespaces = group === '' && resource === 'namespaces';
    if ((strimzi || namespaces) && (verb === 'LIST' || verb === 'WATCH')) {
      const key = `${verb} ${resource}`;
      counts[key] = (counts[key] ?? 0) + count;
    }
  }
  return counts;
}

async function main() {
  const minutes = Number(process.argv[2] ?? 10);
  const count = Number(process.argv[3] ?? 1000);
  const minRequestTimeout = Number(process.argv[4] ?? 1800);
  const cluster = await startCluster({
    name: 'bench-idle',
    operator: false,
    apiServerArgs: [`--min-request-timeout=${minRequestTimeout}`],
  });
  try {
    await applyObjects(
      cluster.kubeConfig(),
      Array.from({ length: NAMESPACES }, (_unused, i) => ({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: `idle-${i}` },
      })) as never,
    );
    const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    const queue = Array.from({ length: count }, (_unused, i) => i);
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          await api.createNamespacedCustomObject({
            group: 'kafka.strimzi.io',
            version: 'v1',
            namespace: `idle-${i % NAMESPACES}`,
            plural: 'kafkaconnectors',
            body: {
              apiVersion: 'kafka.strimzi.io/v1',
              kind: 'KafkaConnector',
              metadata: {
                name: `c-${i}`,
                labels: { 'strimzi.io/cluster': 'connect' },
              },
              spec: { class: 'x.Y', tasksMax: 1 },
            },
          });
        }
      }),
    );
    const before = tally(await apiRequestCounts(cluster));
    const cache = new StrimziResourceCache(
      [
        {
          name: cluster.name,
          url: cluster.server,
          auth: { type: 'serviceAccount', token: cluster.portalToken },
          caData: cluster.caData,
          skipTLSVerify: false,
          namespaces: [],
        },
      ],
      quietLogger,
    );
    const started = Date.now();
    cache.start();
    if (!(await cache.waitForSync(120_000))) {
      throw new Error(`no sync: ${JSON.stringify(cache.clusters())}`);
    }
    const syncMs = Date.now() - started;
    const afterSync = tally(await apiRequestCounts(cluster));
    console.log(
      `synced ${
        cache.list('KafkaConnector').length
      } connectors in ${syncMs} ms; idle for ${minutes} min (kube-apiserver --min-request-timeout=${minRequestTimeout})`,
    );
    await new Promise(resolve => setTimeout(resolve, minutes * 60_000));
    const after = tally(await apiRequestCounts(cluster));
    await cache.stop();

    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter(key => (after[key] ?? 0) - (before[key] ?? 0) > 0)
      .sort();
    console.log(
      '\n| requests (apiserver_request_total)       | start-up (list + first watch) | while idle | per idle hour |',
    );
    console.log(
      '| ---------------------------------------- | ----------------------------- | ---------- | ------------- |',
    );
    for (const key of keys) {
      const startup = (afterSync[key] ?? 0) - (before[key] ?? 0);
      const idle = (after[key] ?? 0) - (afterSync[key] ?? 0);
      console.log(
        `| ${key.padEnd(40)} | ${String(startup).padEnd(29)} | ${String(
          idle,
        ).padEnd(10)} | ${((idle * 60) / minutes).toFixed(1).padEnd(13)} |`,
      );
    }
    console.log(
      `\nWATCH is counted when a watch ends; open watches are not in these figures. Machine: ${
        os.cpus().length
      } CPUs (${os.cpus()[0]?.model}), load average ${os
        .loadavg()
        .map(n => n.toFixed(1))
        .join(' / ')}, Node ${process.version}.`,
    );
  } finally {
    await cluster.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
