import os from 'node:os';

export function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}
export const ms = (value: number) => `${value.toFixed(2)} ms`;
export const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
/** `p50 x ms, p99 y ms` of a sorted series. */
export const p50p99 = (sorted: number[]) =>
  `p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}`;
/** How many times slower `slower` is than `faster` at percentile `p`. */
export const ratio = (slower: number[], faster: number[], p: number) =>
  percentile(slower, p) / percentile(faster, p);

/** What the figures come from: printed first, so no figure travels without it. */
export const REAL_AND_STUBBED = [
  'real: one local kube-apiserver + etcd (no Strimzi operator and no Kafka Connect: the connectors carry no status), the two backend plugins (@kcs/plugin-kafka-connect-backend with its watch cache, @backstage/plugin-kubernetes-backend), the HTTP server and router of startTestBackend, requests over loopback',
  "not real: the connectors are written into etcd in the API server's storage layout rather than created through the API server (only the loading; both plugins read them through the API server)",
  "stubbed, the same for both plugins: the catalog (catalogServiceMock, an in-memory map of the Components), auth (mock httpAuth: no token is checked), permissions (mock, allow-all); nothing else of a portal's backend runs",
];

export function machineLine(versions: {
  kubernetes: string;
  kubernetesPlugin: string;
}): string {
  return `machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${mib(
    os.totalmem(),
  )} RAM, ${os.type()} ${os.release()}, load average ${os
    .loadavg()
    .map(load => load.toFixed(1))
    .join(' ')} (other work on the machine skews the figures); Node ${
    process.version
  }; kube-apiserver ${
    versions.kubernetes
  }; @backstage/plugin-kubernetes-backend ${versions.kubernetesPlugin}`;
}
