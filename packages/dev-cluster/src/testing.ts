import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { sleep } from './processes';

/** Polls a custom resource until `accept` returns true; fails with the last value seen. */
export async function waitForResource(
  kc: KubeConfig,
  target: { version?: string; plural: string; namespace: string; name: string },
  accept: (resource: Record<string, any>) => boolean,
  timeoutMs = 10_000,
): Promise<Record<string, any>> {
  const api = kc.makeApiClient(CustomObjectsApi);
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, any> | undefined;
  for (;;) {
    try {
      last = (await api.getNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: target.version ?? 'v1',
        namespace: target.namespace,
        plural: target.plural,
        name: target.name,
      })) as Record<string, any>;
      if (accept(last)) {
        return last;
      }
    } catch {
      // Not there yet.
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${target.plural} ${target.namespace}/${
          target.name
        } did not reach the expected state within ${timeoutMs} ms; last seen: ${JSON.stringify(
          last?.status ?? last ?? null,
        )}`,
      );
    }
    await sleep(100);
  }
}
