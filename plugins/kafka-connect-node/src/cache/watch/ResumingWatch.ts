import { KubeConfig, Watch } from '@kubernetes/client-node';

/** Hooks of {@link ResumingWatch}. */
export interface ResumingWatchHooks {
  /**
   * How long a started watch may send nothing before the client ends it. The
   * API server sends a bookmark about once a minute, so this must be longer.
   */
  inactivityMs: number;
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
 * minute), reports when a watch started, and starts none after stop (the
 * ListWatch would otherwise start one when a list or delay in flight ends).
 */
export class ResumingWatch extends Watch {
  constructor(config: KubeConfig, private readonly hooks: ResumingWatchHooks) {
    super(config);
    // `requestTimeoutMs` is private in the typings but is the client's only
    // knob for the inactivity timeout; the fake-server tests check it is used.
    Object.assign(this, { requestTimeoutMs: hooks.inactivityMs });
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
    let ended = false;
    const doneOnce = (error: unknown) => {
      if (!ended) {
        ended = true;
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
