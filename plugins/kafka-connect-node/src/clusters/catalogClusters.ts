import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import dns from 'node:dns/promises';
import net from 'node:net';

/**
 * Options of a `type: catalog` cluster locator (the Kubernetes plugin's keys).
 * @public
 */
export interface CatalogClusterLocatorOptions {
  /** Host names (`*.example.com` patterns too) allowed to be private or plain http. */
  dangerouslyAllowClusterUrls?: string[];
  /** Lets an entity's `kubernetes.io/skip-tls-verify: "true"` count. */
  dangerouslyAllowSkipTLSVerify?: boolean;
}

/** A cluster entity read as a `kafkaConnect.clusters` entry, or why it is left out. @public */
export type CatalogClusterSettings =
  | { settings: JsonObject; skipped?: undefined }
  | { settings?: undefined; skipped: string };

function ipv4IsPublic(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  return !(
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/** True for unicast addresses on the internet; loopback, private, link-local and the like are not. @public */
export function isPublicAddress(address: string): boolean {
  if (net.isIPv4(address)) return ipv4IsPublic(address);
  if (!net.isIPv6(address)) return false;
  const lower = address.toLowerCase();
  const mapped = lower.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return ipv4IsPublic(mapped[1]);
  return !(
    (
      lower === '::' ||
      lower === '::1' ||
      /^f[cd]/.test(lower) || // unique local fc00::/7
      /^fe[89ab]/.test(lower) || // link-local fe80::/10
      /^ff/.test(lower)
    ) // multicast
  );
}

function hostAllowed(host: string, patterns: string[] = []) {
  const lower = host.toLowerCase();
  return patterns.some(pattern => {
    const p = pattern.toLowerCase();
    return p.startsWith('*.')
      ? lower.endsWith(p.slice(1)) || lower === p.slice(2)
      : lower === p;
  });
}

/** Why an API server URL from the catalog may not be used, or undefined. @public */
export async function catalogClusterUrlProblem(
  url: string,
  options: CatalogClusterLocatorOptions,
  lookup: (host: string) => Promise<string[]> = async host =>
    (await dns.lookup(host, { all: true })).map(entry => entry.address),
): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `its ${ANNOTATION_KUBERNETES_API_SERVER} '${url}' is not a URL`;
  }
  if (parsed.username || parsed.password) {
    return `its ${ANNOTATION_KUBERNETES_API_SERVER} must not hold credentials`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `its ${ANNOTATION_KUBERNETES_API_SERVER} must be an http(s) URL`;
  }
  // Entities are user-editable: a private address would let anyone point the
  // backend's credentials at an internal service.
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (hostAllowed(host, options.dangerouslyAllowClusterUrls)) return undefined;
  if (parsed.protocol !== 'https:') {
    return `its ${ANNOTATION_KUBERNETES_API_SERVER} must use https (or list the host in dangerouslyAllowClusterUrls)`;
  }
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : await lookup(host);
  } catch {
    return `its API server host '${host}' does not resolve`;
  }
  if (addresses.some(address => !isPublicAddress(address))) {
    return `its API server host '${host}' is a non-public address (list it in dangerouslyAllowClusterUrls to allow it)`;
  }
  return undefined;
}

/**
 * Reads a `kubernetes-cluster` Resource entity the way the Kubernetes plugin's
 * catalog locator does: API server, CA and auth provider from its
 * annotations, every `kubernetes.io/*` annotation as auth metadata. Clusters
 * whose credentials would have to live in the catalog (`serviceAccount`) are
 * left out.
 * @public
 */
export async function catalogClusterSettings(
  entity: Entity,
  options: CatalogClusterLocatorOptions,
  lookup?: (host: string) => Promise<string[]>,
): Promise<CatalogClusterSettings> {
  const annotations = entity.metadata.annotations ?? {};
  const url = annotations[ANNOTATION_KUBERNETES_API_SERVER];
  const caData = annotations[ANNOTATION_KUBERNETES_API_SERVER_CA];
  const authProvider = annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
  for (const [key, value] of [
    [ANNOTATION_KUBERNETES_API_SERVER, url],
    [ANNOTATION_KUBERNETES_API_SERVER_CA, caData],
    [ANNOTATION_KUBERNETES_AUTH_PROVIDER, authProvider],
  ]) {
    if (!value) return { skipped: `it has no ${key} annotation` };
  }
  if (authProvider === 'serviceAccount') {
    return {
      skipped: `its ${ANNOTATION_KUBERNETES_AUTH_PROVIDER} is serviceAccount, whose token cannot come from the catalog: use a strategy (aws, azure, google, a module's own) or list the cluster under kafkaConnect.clusters`,
    };
  }
  if (authProvider === 'kubeconfig' || authProvider === 'inCluster') {
    return {
      skipped: `its ${ANNOTATION_KUBERNETES_AUTH_PROVIDER} ${authProvider} reads this backend's own files: list the cluster under kafkaConnect.clusters instead`,
    };
  }
  const problem = await catalogClusterUrlProblem(url, options, lookup);
  if (problem) return { skipped: problem };
  const authMetadata = Object.fromEntries(
    Object.entries(annotations).filter(
      ([key]) =>
        key.startsWith('kubernetes.io/') && key !== 'serviceAccountToken',
    ),
  );
  return {
    settings: {
      name: entity.metadata.name,
      url,
      caData,
      authProvider,
      authMetadata,
      skipTLSVerify:
        options.dangerouslyAllowSkipTLSVerify === true &&
        annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] === 'true',
    },
  };
}
