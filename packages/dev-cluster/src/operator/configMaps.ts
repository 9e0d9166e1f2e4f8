import { KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node';
import type { Resource } from './reconcile';

const FIELD_MANAGER = 'operator-stand-in';

/**
 * Creates or replaces a ConfigMap owned by a Strimzi resource (Strimzi writes
 * listed offsets this way), so it goes when the resource goes.
 */
export async function applyOwnedConfigMap(
  objects: KubernetesObjectApi,
  owner: Resource,
  configMap: { name: string; data: Record<string, string> },
): Promise<void> {
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
      data: configMap.data,
    },
    undefined,
    undefined,
    FIELD_MANAGER,
    true,
    PatchStrategy.ServerSideApply,
  );
}
