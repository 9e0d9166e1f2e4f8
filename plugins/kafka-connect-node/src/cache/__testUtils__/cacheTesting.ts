import type { KafkaConnectClusterConfig } from '../../config';

/** The cache's config for a local cluster, with the portal's RBAC-limited token. */
export function configFor(cluster: {
  name: string;
  server: string;
  portalToken: string;
  caData: string;
}): KafkaConnectClusterConfig {
  return {
    name: cluster.name,
    url: cluster.server,
    auth: { type: 'serviceAccount', token: cluster.portalToken },
    caData: cluster.caData,
    skipTLSVerify: false,
    namespaces: [],
  };
}

/** Polls until the check gives a truthy value, which it returns. */
export async function eventually<T>(
  check: () => T | undefined,
  timeoutMs = 10_000,
  what: string | (() => string) = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${
          typeof what === 'string' ? what : what()
        } not met within ${timeoutMs} ms`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
