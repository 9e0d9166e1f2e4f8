import type {
  KubernetesListObject,
  KubernetesObject,
} from '@kubernetes/client-node';
import { statusOf } from './describeError';

/** Objects per list request: a few hundred KiB of JSON each. */
export const LIST_PAGE_SIZE = 500;

/** Asks one page: from the start (no token) or from a continue token. */
export type FetchPage = (
  continueToken: string | undefined,
  limit: number,
) => Promise<KubernetesListObject<KubernetesObject>>;

/** Options of {@link listInPages}. */
export interface ListInPagesOptions {
  limit?: number;
  /** Tries of one page (its first included) before the whole list fails. */
  maxAttemptsPerPage?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** Longest wait for one page; a page not answered by then is tried again. */
  pageTimeoutMs?: number;
  /** Lists started over after an expired continue token (410) before failing. */
  maxRestarts?: number;
  /** Aborting ends the list at once (between pages and during a backoff). */
  signal?: AbortSignal;
  /** A page failed and is asked again after `retryInMs`. */
  onRetry?: (
    error: unknown,
    retry: { page: number; attempt: number; retryInMs: number },
  ) => void;
  /** The continue token expired (410): the list starts from the first page again. */
  onRestart?: (error: unknown) => void;
}

/**
 * A failure worth asking the same page again for: no answer at all (reset,
 * refused, timed out) or an overloaded or failing server. Any other answer
 * (403, 404, 400) would be the same the next time.
 */
function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status === 429 || status >= 500;
}

function aborted(signal: AbortSignal | undefined): Error {
  return signal?.reason instanceof Error
    ? signal.reason
    : new Error('list stopped');
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(aborted(signal));
      return;
    }
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const onAbort = () => {
      timers.forEach(clearTimeout);
      reject(aborted(signal));
    };
    timers.push(
      setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function withPageTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`list page not answered within ${ms} ms`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

function continueOf(page: KubernetesListObject<KubernetesObject>) {
  // CustomObjectsApi hands back the JSON as sent (`continue`); typed lists
  // of client-node name it `_continue`.
  const metadata = page.metadata as
    | { continue?: string; _continue?: string }
    | undefined;
  return metadata?.continue || metadata?._continue || undefined;
}

/**
 * Lists a collection in pages (`limit` and `continue`) and returns it as one
 * list. One request for the whole collection can outlast the API server's
 * own request timeout (60 s): the multi-cluster benchmark saw 20,000
 * connectors in one cluster on a busy machine cut off at the timeout on
 * every attempt, so the cache never synced. A failed page is asked again
 * from its own continue token with backoff, so a list of 200 pages on a
 * busy server does not start over for one reset connection. Pages of one
 * list share its snapshot, so the last page's resourceVersion is the
 * list's, the one to watch from; when that snapshot is compacted away the
 * token expires (410) and only then does the list start from the first page.
 */
export async function listInPages(
  fetchPage: FetchPage,
  options: ListInPagesOptions | number = {},
): Promise<KubernetesListObject<KubernetesObject>> {
  const {
    limit = LIST_PAGE_SIZE,
    maxAttemptsPerPage = 5,
    initialBackoffMs = 500,
    maxBackoffMs = 10_000,
    pageTimeoutMs = 90_000,
    maxRestarts = 3,
    signal,
    onRetry,
    onRestart,
  } = typeof options === 'number' ? { limit: options } : options;
  let items: KubernetesObject[] = [];
  let continueToken: string | undefined;
  let page = 1;
  let attempt = 1;
  let restarts = 0;
  let backoffMs = initialBackoffMs;
  for (;;) {
    if (signal?.aborted) {
      throw aborted(signal);
    }
    let answer: KubernetesListObject<KubernetesObject>;
    try {
      answer = await withPageTimeout(
        fetchPage(continueToken, limit),
        pageTimeoutMs,
      );
    } catch (error) {
      if (signal?.aborted) {
        throw aborted(signal);
      }
      if (statusOf(error) === 410 && continueToken) {
        if (restarts >= maxRestarts) {
          throw error;
        }
        restarts += 1;
        onRestart?.(error);
        items = [];
        continueToken = undefined;
        page = 1;
        attempt = 1;
        backoffMs = initialBackoffMs;
        continue;
      }
      if (!isTransient(error) || attempt >= maxAttemptsPerPage) {
        throw error;
      }
      onRetry?.(error, { page, attempt, retryInMs: backoffMs });
      await pause(backoffMs, signal);
      backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
      attempt += 1;
      continue;
    }
    for (const item of answer.items) {
      items.push(item);
    }
    continueToken = continueOf(answer);
    if (!continueToken) {
      return {
        ...answer,
        metadata: { resourceVersion: answer.metadata?.resourceVersion },
        items,
      };
    }
    page += 1;
    attempt = 1;
    backoffMs = initialBackoffMs;
  }
}
