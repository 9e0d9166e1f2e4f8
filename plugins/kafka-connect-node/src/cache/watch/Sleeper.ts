/**
 * Sleeps that `interrupt()` ends at once, so stopping a watcher never waits
 * out a backoff. After `interrupt()` every sleep resolves immediately.
 */
export class Sleeper {
  private readonly pending = new Map<
    ReturnType<typeof setTimeout>,
    () => void
  >();
  private interrupted = false;

  sleep(ms: number): Promise<void> {
    if (this.interrupted) {
      return Promise.resolve();
    }
    return new Promise(resolve => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  interrupt() {
    this.interrupted = true;
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}
