import { KubeConfig, Watch } from '@kubernetes/client-node';

/** Hooks of {@link ResumingWatch}. */
export interface ResumingWatchHooks {
  /**
   * How long a started watch may send nothing before the client ends it. The
   * API server sends a bookmark about once a minute, so this must be longer.
   */
  inactivityMs: number;
  /** How long to wait for the server to accept a watch (HTTP headers). */
  connectTimeoutMs: number;
  /** True once the owner stopped: no new watch is started then. */
  isStopped: () => boolean;
  /** The server accepted a watch (HTTP 200): the store is live again. */
  onConnected: () => void;
}

type Query = Record<string, string | number | boolean | undefined>;

/**
 * client-node's Watch as the ListWatch needs it here: asks for bookmarks (so
 * the resourceVersion to resume from keeps moving on a quiet kind), waits
 * longer than the bookmark interval before calling a watch dead (the
 * client's 30 s default would end and renew every quiet watch twice a
 * minute) while giving up on a server that does not accept a watch within
 * the request timeout, reports when a watch started, and starts none after stop (the
 * ListWatch would otherwise start one when a list or delay in flight ends).
 */
export class ResumingWatch extends Watch {
  /** Timer (re)starts in the current watch: the first guards the connect. */
  private timerStarts = 0;

  constructor(config: KubeConfig, private readonly hooks: ResumingWatchHooks) {
    super(config);
    // `requestTimeoutMs` is private in the typings and is the client's one
    // timeout: read when its timer starts before the request (connect), and
    // again after the headers and on every chunk (inactivity). A slow or
    // black-holed server must be given up on soon, a quiet watch must not.
    // The fake-server tests check both.
    Object.defineProperty(this, 'requestTimeoutMs', {
      get: () =>
        this.timerStarts++ === 0 ? hooks.connectTimeoutMs : hooks.inactivityMs,
      set: () => {},
    });
  }

  override async watch(
    path: string,
    queryParams: Query,
    callback: (phase: string, apiObj: any, watchObj?: any) => void,
    done: (err: any) => void,
  ): Promise<AbortController> {
    const refused = new AbortController();
    refused.abort();
    if (this.hooks.isStopped()) {
      return refused;
    }
    this.timerStarts = 0;
    let ended = false;
    const doneOnce = (error: unknown) => {
      if (ended) {
        return;
      }
      ended = true;
      // The ListWatch resumes at once, as from a quiet watch, after any
      // TimeoutError; one before the headers means the server is not
      // answering, which is a failure (stale cluster, backoff).
      const beforeHeaders = this.timerStarts < 2;
      if ((error as Error | null)?.name === 'TimeoutError' && beforeHeaders) {
        done(
          new Error(
            `the server did not accept the watch within ${this.hooks.connectTimeoutMs} ms`,
          ),
        );
      } else {
        done(error);
      }
    };
    try {
      const controller = await super.watch(
        path,
        { ...queryParams, allowWatchBookmarks: true },
        callback,
        doneOnce,
      );
      if (this.hooks.isStopped()) {
        controller.abort();
      } else if (!ended) {
        this.hooks.onConnected();
      }
      return controller;
    } catch (error) {
      // E.g. credentials that could not be applied: report it as the end of
      // the watch, where the ListWatch expects errors, not as a rejection.
      doneOnce(error);
      return refused;
    }
  }
}
