import fs from 'node:fs';
import os from 'node:os';
import { mib } from '../sideBySide/report';
import type { BackendMemory } from './backendHandle';
import type { BenchCluster } from './clusters';

export const heapLine = (memory: BackendMemory) =>
  `V8 heap used ${mib(memory.heapUsed)} of ${mib(
    memory.heapTotal,
  )}, external ${mib(memory.external)}`;

export const loadAverage = () =>
  os
    .loadavg()
    .map(load => load.toFixed(1))
    .join(' ');

/** When the suite's cache started, from the backend's log (polling the API would add up to 100 ms). */
export function cacheStartedAt(logFile: string): number {
  const line = fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .find(each => each.includes('Kafka Connect: watching'));
  return line ? Date.parse(JSON.parse(line).timestamp) : Date.now();
}

export function backendConfig(
  port: number,
  catalogFile: string,
  clusters: BenchCluster[],
) {
  return {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      // The backend calls itself (permission, catalog) through Node's
      // keep-alive agent, which drops an idle socket after 5 s; the server's
      // default drops it after 5 + 1 s. A stall of the event loop across both
      // deadlines (GC of a large heap, a busy machine) makes the next call
      // reuse a socket the server closes first: ECONNRESET, seen under 100
      // status changes a second. A server deadline far beyond the agent's
      // leaves the agent to close idle sockets.
      server: { keepAliveTimeout: 65_000, headersTimeout: 66_000 },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    auth: {
      providers: {
        guest: {
          dangerouslyAllowOutsideDevelopment: true,
          userEntityRef: 'user:default/guest',
          ownershipEntityRefs: ['user:default/guest', 'group:default/team-0'],
        },
      },
    },
    catalog: {
      rules: [{ allow: ['Component', 'Group', 'User'] }],
      locations: [{ type: 'file', target: catalogFile }],
    },
    permission: { enabled: true },
    kafkaConnect: { operations: { policyHandlesOperate: true } },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: clusters.map((cluster, c) => ({
            name: `cluster-${String(c).padStart(2, '0')}`,
            url: cluster.server,
            authProvider: 'serviceAccount',
            serviceAccountToken: cluster.portalToken,
            caData: cluster.caData,
          })),
        },
      ],
    },
  };
}
