import { applyObjects, startCluster } from '@kcs/dev-cluster';
import fs from 'node:fs';
import https from 'node:https';
import { putIntoEtcd } from './etcdLoad';
import {
  NAMESPACES_PER_CLUSTER,
  storedConnectClusters,
  storedConnectorsOf,
} from './layout';

export type BenchCluster = Awaited<ReturnType<typeof startCluster>>;

const STARTS_IN_PARALLEL = 4;

/** Starts `count` real kube-apiserver + etcd pairs (no Kafka, no operator), each with the bench namespaces. */
export async function startClusters(count: number, namePrefix: string) {
  const clusters: BenchCluster[] = new Array(count);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(STARTS_IN_PARALLEL, count) }, async () => {
        for (let c = next++; c < count; c = next++) {
          const cluster = await startCluster({
            name: `${namePrefix}-${String(c).padStart(2, '0')}`,
            operator: false,
          });
          clusters[c] = cluster;
          await applyObjects(
            cluster.kubeConfig(),
            Array.from({ length: NAMESPACES_PER_CLUSTER }, (_u, n) => ({
              apiVersion: 'v1',
              kind: 'Namespace',
              metadata: { name: `bench-${n}` },
            })) as never,
          );
          await putIntoEtcd(cluster.ports.etcdClient, storedConnectClusters());
        }
      }),
    );
  } catch (error) {
    await stopClusters(clusters);
    throw error;
  }
  return clusters;
}

export async function stopClusters(clusters: Array<BenchCluster | undefined>) {
  for (const cluster of clusters) {
    await cluster?.stop().catch(() => undefined);
  }
}

/** Loads connectors `from` to `to - 1` into the clusters' etcds, then waits until every API server serves them. */
export async function loadConnectors(
  clusters: BenchCluster[],
  from: number,
  to: number,
) {
  const started = Date.now();
  for (let c = 0; c < clusters.length; c++) {
    await putIntoEtcd(
      clusters[c].ports.etcdClient,
      storedConnectorsOf(c, clusters.length, from, to),
    );
  }
  const written = Date.now();
  for (let c = 0; c < clusters.length; c++) {
    const expected = storedConnectorsOf(c, clusters.length, 0, to).length;
    for (;;) {
      const served = await countServed(clusters[c]);
      if (served === expected) {
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
  return { writeMs: written - started, servedMs: Date.now() - started };
}

/** KafkaConnectors the API server lists, read from a one-item page. */
function countServed(cluster: BenchCluster): Promise<number> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${cluster.server}/apis/kafka.strimzi.io/v1/kafkaconnectors?limit=1`,
        {
          ca: Buffer.from(cluster.caData, 'base64'),
          headers: { Authorization: `Bearer ${cluster.token}` },
        },
        response => {
          let text = '';
          response.on('data', chunk => {
            text += chunk;
          });
          response.on('end', () => {
            const list = JSON.parse(text);
            resolve(
              (list.items?.length ?? 0) +
                (list.metadata?.remainingItemCount ?? 0),
            );
          });
        },
      )
      .on('error', reject);
  });
}

export function rssOfPid(pid: number | undefined): number {
  if (!pid) {
    return 0;
  }
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Summed RSS of every kube-apiserver and every etcd. */
export function clustersRss(clusters: BenchCluster[]) {
  return {
    apiServers: clusters.reduce(
      (sum, c) => sum + rssOfPid(c.pids.apiServer),
      0,
    ),
    etcds: clusters.reduce((sum, c) => sum + rssOfPid(c.pids.etcd), 0),
  };
}
