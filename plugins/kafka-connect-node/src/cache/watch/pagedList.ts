import type {
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';

/** Objects per list request: a few hundred KiB of JSON each. */
export const LIST_PAGE_SIZE = 500;

/**
 * Lists a collection in pages (`limit` and `continue`) and returns it as one
 * list. One request for the whole collection can outlast the API server's
 * own request timeout (60 s): the multi-cluster benchmark saw 20,000
 * connectors in one cluster on a busy machine cut off at the timeout on
 * every attempt, so the cache never synced. Pages of one list share its
 * snapshot, so the last page's resourceVersion is the list's, the one to
 * watch from. An expired continue token (410) fails the whole list, and the
 * caller lists again from the start.
 */
export async function listInPages(
  fetchPage: (
    continueToken: string | undefined,
    limit: number,
  ) => Promise<KubernetesListObject<KubernetesObject>>,
  limit = LIST_PAGE_SIZE,
): Promise<KubernetesListObject<KubernetesObject>> {
  const items: KubernetesObject[] = [];
  let continueToken: string | undefined;
  for (;;) {
    const page = await fetchPage(continueToken, limit);
    for (const item of page.items) {
      items.push(item);
    }
    // CustomObjectsApi hands back the JSON as sent (`continue`); typed lists
    // of client-node name it `_continue`.
    const metadata = page.metadata as
      | { continue?: string; _continue?: string }
      | undefined;
    continueToken = metadata?.continue || metadata?._continue || undefined;
    if (!continueToken) {
      return {
        ...page,
        metadata: { resourceVersion: page.metadata?.resourceVersion },
        items,
      };
    }
  }
}
