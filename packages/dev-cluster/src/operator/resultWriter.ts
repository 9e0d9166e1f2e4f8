import {
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import { StrimziKind, STRIMZI_PLURALS } from '@kcs/plugin-kafka-connect-common';
import { settleTransitionTimes } from './conditions';
import { applyOwnedConfigMap } from './configMaps';
import type { ReconcileResult, Resource } from './reconcile';

const GROUP = 'kafka.strimzi.io';
const FIELD_MANAGER = 'operator-stand-in';

/** JSON with sorted keys: the API server returns objects with their keys sorted. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)),
        )
      : inner,
  );
}

/**
 * Writes what a reconcile decided, as the operator does: an owned ConfigMap
 * first, then either annotations (the operator acted on a request; the
 * status waits for the next reconcile) or the status, only when it changed,
 * so an unchanged connector causes no watch event.
 */
export function resultWriter(
  kc: KubeConfig,
  version: string,
  log: (line: string) => void,
) {
  const customObjects = kc.makeApiClient(CustomObjectsApi);
  const objects = KubernetesObjectApi.makeApiClient(kc);
  return async (
    kind: StrimziKind,
    resource: Resource,
    result: ReconcileResult,
  ) => {
    const metadata = resource.metadata!;
    if (result.configMap) {
      await applyOwnedConfigMap(objects, resource, result.configMap);
    }
    if (result.annotations) {
      await objects.patch(
        {
          apiVersion: resource.apiVersion!,
          kind,
          metadata: {
            name: metadata.name,
            namespace: metadata.namespace,
            annotations: result.annotations as Record<string, string>,
          },
        },
        undefined,
        undefined,
        FIELD_MANAGER,
        undefined,
        PatchStrategy.MergePatch,
      );
      log(
        `${kind} ${metadata.namespace}/${metadata.name}: acted on ${Object.keys(
          result.annotations,
        ).join(', ')}`,
      );
      return;
    }
    if (!result.status) {
      return;
    }
    const status = settleTransitionTimes(resource.status, result.status);
    if (canonicalJson(status) === canonicalJson(resource.status ?? {})) {
      return;
    }
    await customObjects.replaceNamespacedCustomObjectStatus({
      group: GROUP,
      version,
      namespace: metadata.namespace!,
      plural: STRIMZI_PLURALS[kind],
      name: metadata.name!,
      body: { ...resource, status },
    });
    const ready = (status.conditions ?? [])
      .map((c: { type: string; reason?: string }) => c.reason ?? c.type)
      .join(',');
    log(`${kind} ${metadata.namespace}/${metadata.name}: status ${ready}`);
  };
}
