import https from 'node:https';
import type { ClusterConnection } from './kube';

/**
 * How many requests for Strimzi resources (`kafka.strimzi.io`) the API server
 * has served, from its `apiserver_request_total` metric; the server's own
 * background traffic, such as lease renewals, is left out. Reading /metrics
 * is not a resource request, so it does not count itself.
 */
export function strimziRequestsServed(
  cluster: Pick<ClusterConnection, 'server' | 'token' | 'caData'>,
): Promise<number> {
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
          response.on('end', () =>
            resolve(
              text
                .split('\n')
                .filter(
                  line =>
                    line.startsWith('apiserver_request_total{') &&
                    line.includes('group="kafka.strimzi.io"'),
                )
                .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0),
            ),
          );
        },
      )
      .on('error', reject);
  });
}
