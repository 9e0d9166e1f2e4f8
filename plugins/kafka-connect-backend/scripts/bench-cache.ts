/* eslint-disable no-console */
/**
 * Benchmark of the watch cache against a real kube-apiserver: cold sync of N
 * connectors, memory, and the latency of answering an entity's connectors
 * from memory. Usage: yarn workspace @kcs/plugin-kafka-connect-backend bench [N]
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { startCluster } from '@kcs/dev-cluster';
import { StrimziResourceCache } from '@kcs/plugin-kafka-connect-node';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { connectorsOfEntity } from '../src/service/entityConnectors';
import { toConnectorSummary } from '../src/service/summaries';

const COMPONENTS = 50;

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

async function main() {
  const count = Number(process.argv[2] ?? 2000);
  const cluster = await startCluster({ name: 'bench', operator: false });
  try {
    const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    const createStarted = Date.now();
    const queue = Array.from({ length: count }, (_unused, i) => i);
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          await api.createNamespacedCustomObject({
            group: 'kafka.strimzi.io',
            version: 'v1',
            namespace: 'default',
            plural: 'kafkaconnectors',
            body: {
              apiVersion: 'kafka.strimzi.io/v1',
              kind: 'KafkaConnector',
              metadata: {
                name: `connector-${i}`,
                labels: {
                  'strimzi.io/cluster': 'connect',
                  'backstage.io/kubernetes-id': `component-${i % COMPONENTS}`,
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
      `created ${count} KafkaConnectors in ${(
        (Date.now() - createStarted) /
        1000
      ).toFixed(1)} s`,
    );

    const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
    collect();
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
    await cache.waitForSync(120_000);
    const syncMs = Date.now() - syncStarted;
    collect();
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
    console.log(
      `cold sync of ${
        cache.list('KafkaConnector').length
      } connectors: ${syncMs} ms; heap used after sync ${heapMb.toFixed(
        1,
      )} MiB`,
    );

    const timings: number[] = [];
    for (let round = 0; round < 500; round++) {
      const entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `component-${round % COMPONENTS}` },
      };
      const started = process.hrtime.bigint();
      const state = cache.clusters()[0];
      const items = connectorsOfEntity(entity, cache).map(item =>
        toConnectorSummary(item, state),
      );
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (
        items.length !== Math.ceil(count / COMPONENTS) &&
        items.length !== Math.floor(count / COMPONENTS)
      ) {
        throw new Error(
          `expected about ${count / COMPONENTS} connectors for an entity, got ${
            items.length
          }`,
        );
      }
    }
    timings.sort((a, b) => a - b);
    console.log(
      `entity connectors from memory (${Math.round(
        count / COMPONENTS,
      )} per entity, 500 queries): p50 ${percentile(timings, 50).toFixed(
        3,
      )} ms, p99 ${percentile(timings, 99).toFixed(3)} ms`,
    );
    await cache.stop();
  } finally {
    await cluster.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
