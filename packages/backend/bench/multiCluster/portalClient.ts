import { performance } from 'node:perf_hooks';

/** Signs in as the guest user through the real auth backend; returns its Backstage token. */
export async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(`guest sign-in: ${response.status}`);
  }
  const body = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

/** A signed-in page's requests: each returns its time as the client sees it, its size and body. */
export function portalClient(baseUrl: string, token: string) {
  const get = async <T>(path: string) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) {
      throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 300)}`);
    }
    return { ms, bytes: Buffer.byteLength(text), body: JSON.parse(text) as T };
  };
  const post = async (path: string, body: unknown) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) {
      throw new Error(`POST ${path}: ${response.status} ${text.slice(0, 300)}`);
    }
    return { ms, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
  };
  return {
    get,
    post,
    entityConnectors: (name: string) =>
      get<{ items: Array<{ name: string; lastTransitionTime?: string }> }>(
        `/api/kafka-connect/entity-connectors?entityRef=component:default/${name}`,
      ),
    firstPage: () =>
      get<{
        items: unknown[];
        total: number;
        clusters: Array<{ synced: boolean }>;
      }>('/api/kafka-connect/connectors?sort=health&limit=50'),
    catalogCount: async (kind: string) =>
      (
        await get<{ totalItems: number }>(
          `/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
        )
      ).body.totalItems,
  };
}

export type PortalClient = ReturnType<typeof portalClient>;

export const sleep = (ms: number) =>
  new Promise(resolve => setTimeout(resolve, ms));
