import {
  KubernetesObjectApi,
  PatchStrategy,
  V1ConfigMap,
} from '@kubernetes/client-node';
import type { Resource } from './reconcile';

const FIELD_MANAGER = 'operator-stand-in';

/**
 * Creates a ConfigMap owned by a Strimzi resource, or merges the data into
 * it (Strimzi writes listed offsets this way: the MirrorMaker 2 connectors
 * of one resource may share a ConfigMap, each under its own key), so it
 * goes when the resource goes.
 */
export async function applyOwnedConfigMap(
  objects: KubernetesObjectApi,
  owner: Resource,
  configMap: { name: string; data: Record<string, string> },
): Promise<void> {
  const existing = await objects
    .read<V1ConfigMap>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: configMap.name, namespace: owner.metadata?.namespace },
    })
    .then(found => found.data ?? {})
    .catch(error => {
      if ((error as { code?: number }).code === 404) {
        return {};
      }
      throw error;
    });
  await objects.patch(
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: configMap.name,
        namespace: owner.metadata?.namespace,
        ownerReferences: [
          {
            apiVersion: owner.apiVersion!,
            kind: owner.kind!,
            name: owner.metadata!.name!,
            uid: owner.metadata!.uid!,
            controller: false,
            blockOwnerDeletion: false,
          },
        ],
      },
      data: { ...existing, ...configMap.data },
    },
    undefined,
    undefined,
    FIELD_MANAGER,
    true,
    PatchStrategy.ServerSideApply,
  );
}
