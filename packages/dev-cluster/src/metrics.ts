import https from 'node:https';
import type { ClusterConnection } from './kube';

type MetricsAccess = Pick<ClusterConnection, 'server' | 'token' | 'caData'>;

/** One `apiserver_request_total` series: its labels and count. */
export interface ApiRequestCount {
  verb: string;
  group: string;
  resource: string;
  /** `cluster`, `namespace` or `resource`. */
  scope: string;
  code: string;
  count: number;
}

function readMetrics(cluster: MetricsAccess): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${cluster.server}/metrics`,
        {
          ca: Buffer.from(cluster.caData, 'base64'),
          headers: { Authorization: `Bearer ${cluster.token}` },
        },
        response => {
          let text = '';
          response.on('data', chunk => {
            text += chunk;
          });
          response.on('end', () => resolve(text));
        },
      )
      .on('error', reject);
  });
}

/**
 * The API server's own count of the requests it served, per verb, group,
 * resource, scope and status code (`apiserver_request_total`). Reading
 * /metrics is not a resource request, so it does not count itself.
 */
export async function apiRequestCounts(
  cluster: MetricsAccess,
): Promise<ApiRequestCount[]> {
  const text = await readMetrics(cluster);
  return text
    .split('\n')
    .filter(line => line.startsWith('apiserver_request_total{'))
    .map(line => {
      const labels = Object.fromEntries(
        [...line.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [
          key,
          value,
        ]),
      );
      return {
        verb: labels.verb ?? '',
        group: labels.group ?? '',
        resource: labels.resource ?? '',
        scope: labels.scope ?? '',
        code: labels.code ?? '',
        count: Number(line.split(' ').pop()),
      };
    });
}

/**
 * How many requests for Strimzi resources (`kafka.strimzi.io`) the API server
 * has served, from its `apiserver_request_total` metric; the server's own
 * background traffic, such as lease renewals, is left out.
 */
export async function strimziRequestsServed(
  cluster: MetricsAccess,
): Promise<number> {
  return (await apiRequestCounts(cluster))
    .filter(series => series.group === 'kafka.strimzi.io')
    .reduce((sum, series) => sum + series.count, 0);
}
