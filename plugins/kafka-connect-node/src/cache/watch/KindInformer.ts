import {
  ADD,
  DELETE,
  ERROR,
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  ListWatch,
  UPDATE,
} from '@kubernetes/client-node';
import { ResumingWatch } from './ResumingWatch';
import { Sleeper } from './Sleeper';

/** A Kubernetes object as the cache keeps it (plain JSON). */
export type KubeObject = Record<string, any>;

/** Options of {@link KindInformer}. */
export interface KindInformerOptions {
  kubeConfig: KubeConfig;
  /** The collection's path, e.g. `/apis/kafka.strimzi.io/v1/kafkaconnectors`. */
  path: string;
  /**
   * Lists the collection (only at start and after 410 Gone). The signal
   * aborts when the list times out or the informer stops, so a paged list
   * asks no further page.
   */
  list: (
    signal: AbortSignal,
  ) => Promise<KubernetesListObject<KubernetesObject>>;
  fieldSelector?: string;
  /** Changes after the first list: relists after 410 arrive here as a diff. */
  onUpsert: (object: KubeObject) => void;
  onDelete: (object: KubeObject) => void;
  /** The first list is in the store and its watch started. */
  onFirstSync?: () => void;
  /** Any event or watch start: the store is current. */
  onActivity?: () => void;
  /** The watch failed; it restarts after `retryInMs`. */
  onError: (error: unknown, retryInMs: number) => void;
  /** A fixed wait after this error instead of the backoff (e.g. 403). */
  retryDelayFor?: (error: unknown) => number | undefined;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  inactivityMs?: number;
  /** Longest wait for the server to accept a watch. */
  requestTimeoutMs?: number;
  /**
   * Longest wait for a whole list: a list of 100,000 objects in pages from
   * a busy server takes far longer than a watch takes to start (a page that
   * hangs is the paged list's own timeout).
   */
  listTimeoutMs?: number;
}

/** Runs `run` until done, `ms` passed or `stopping` aborted; aborts its signal on the way out. */
function withTimeout<T>(
  run: (signal: AbortSignal) => Promise<T>,
  ms: number,
  what: string,
  stopping: AbortSignal,
) {
  const controller = new AbortController();
  const onStop = () => controller.abort(new Error(`${what} stopped`));
  stopping.addEventListener('abort', onStop, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    run(controller.signal),
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`${what} not answered within ${ms} ms`);
        controller.abort(error);
        reject(error);
      }, ms);
    }),
  ]).finally(() => {
    clearTimeout(timer);
    stopping.removeEventListener('abort', onStop);
    controller.abort();
  });
}

/**
 * One collection kept current by client-node's ListWatch: it lists once,
 * then watches from the list's resourceVersion, resumes from the last
 * resourceVersion seen (events and bookmarks) whenever a watch ends, and
 * relists only after 410 Gone, emitting deletes for what vanished and
 * keeping unchanged objects (same resourceVersion) as they were. What the
 * ListWatch leaves to its user is added here: after an error it stops, so
 * this restarts it with backoff (resuming, since it keeps the
 * resourceVersion); `stop()` also ends any backoff sleep. Not client-node's
 * `makeInformer`: it builds the ListWatch with a plain Watch, which asks for
 * no bookmarks and renews a quiet watch every 30 s (see ResumingWatch).
 */
export class KindInformer {
  private readonly listWatch: ListWatch<KubernetesObject>;
  private readonly sleeper = new Sleeper();
  private readonly stopping = new AbortController();
  private stopped = false;
  private firstSyncDone = false;
  private backoffMs: number;
  private currentError?: unknown;

  constructor(private readonly options: KindInformerOptions) {
    this.backoffMs = options.initialBackoffMs ?? 1000;
    const watch = new ResumingWatch(options.kubeConfig, {
      inactivityMs: options.inactivityMs ?? 150_000,
      connectTimeoutMs: options.requestTimeoutMs ?? 30_000,
      isStopped: () => this.stopped,
      onConnected: () => this.connected(),
    });
    this.listWatch = new ListWatch(
      options.path,
      watch,
      () =>
        withTimeout(
          signal => options.list(signal),
          options.listTimeoutMs ?? 900_000,
          `list of ${options.path}`,
          this.stopping.signal,
        ),
      false,
      undefined,
      options.fieldSelector,
      { delayFn: ms => this.sleeper.sleep(ms) },
    );
    const upsert = (object: KubernetesObject) => {
      if (!this.stopped && this.firstSyncDone) {
        options.onUpsert(object as KubeObject);
      }
      options.onActivity?.();
    };
    this.listWatch.on(ADD, upsert);
    this.listWatch.on(UPDATE, upsert);
    this.listWatch.on(DELETE, object => {
      if (!this.stopped && this.firstSyncDone) {
        options.onDelete(object as KubeObject);
      }
      options.onActivity?.();
    });
    this.listWatch.on(ERROR, error => this.failed(error));
  }

  start() {
    if (this.stopped) {
      return;
    }
    this.listWatch.start().catch(error => this.failed(error));
  }

  async stop() {
    this.stopped = true;
    this.sleeper.interrupt();
    this.stopping.abort();
    await this.listWatch.stop();
  }

  /** True while the store is current: listed, and a watch running. */
  get synced(): boolean {
    return this.firstSyncDone && this.currentError === undefined;
  }

  get error(): unknown {
    return this.currentError;
  }

  list(): KubeObject[] {
    return this.listWatch.list() as KubeObject[];
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.listWatch.get(name, namespace) as KubeObject | undefined;
  }

  private connected() {
    this.backoffMs = this.options.initialBackoffMs ?? 1000;
    this.currentError = undefined;
    if (!this.firstSyncDone) {
      this.firstSyncDone = true;
      this.options.onFirstSync?.();
    }
    this.options.onActivity?.();
  }

  private failed(error: unknown) {
    if (this.stopped) {
      return;
    }
    this.currentError = error ?? new Error('watch failed');
    const delay = this.options.retryDelayFor?.(error) ?? this.backoffMs;
    this.backoffMs = Math.min(
      this.backoffMs * 2,
      this.options.maxBackoffMs ?? 30_000,
    );
    this.options.onError(error, delay);
    this.sleeper.sleep(delay).then(() => this.start());
  }
}
