import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import type { StrimziResourceReader } from '@kcs/plugin-kafka-connect-node';
import {
  historyKeyOf,
  healthTransitions,
  RecordedHealth,
} from './healthTransitions';
import type { ObservedTransition } from './healthTransitions';

/** Where transitions go (the database store, or a test's list). */
export interface TransitionSink {
  record(transitions: readonly ObservedTransition[]): Promise<number>;
  /** The health last recorded per connector (keyed cluster/namespace/name), read once at start. */
  latest?(): Promise<Map<string, RecordedHealth>>;
}

/** How long watch events are gathered before summaries are compared. */
const COALESCE_MS = 250;
/** A failed write is tried again after this long. */
const RETRY_MS = 30_000;

/**
 * Records health transitions as the watch cache changes: a change schedules
 * one comparison of every summary with what was last recorded (events that
 * arrive meanwhile join it), and a health that changes with time alone
 * (`reviewAt`) schedules one for then. Nothing is polled.
 */
export class HealthHistoryRecorder {
  private recorded?: Map<string, RecordedHealth>;
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;
  private running: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly listeners: Array<() => void> = [];

  constructor(
    cache: StrimziResourceReader,
    private readonly summaries: {
      all(): ConnectorSummary[];
      readonly expiresAt: number;
    },
    private readonly sink: TransitionSink,
    private readonly logger: LoggerService,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = cache.subscribe(() => this.schedule(COALESCE_MS));
    this.schedule(0);
  }

  /** Resolves when every comparison scheduled so far has been written. */
  async flushed(): Promise<void> {
    while (this.timer) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    await this.running;
  }

  /**
   * When the connector's current health was recorded (ISO time): how long it
   * has been in it. Nothing until the record has caught up with the health.
   */
  healthSinceOf(summary: ConnectorSummary): string | undefined {
    const recorded = this.recorded?.get(historyKeyOf(summary));
    return recorded?.health === summary.health ? recorded.since : undefined;
  }

  /** Calls `listener` whenever recorded healths changed (answers that carry `healthSinceOf` are then out of date). */
  onRecorded(listener: () => void) {
    this.listeners.push(listener);
  }

  close() {
    this.closed = true;
    this.unsubscribe();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number) {
    const at = this.now() + delayMs;
    if (this.closed || (this.timer && this.timerAt <= at)) {
      return;
    }
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.running = this.running.then(() => this.compare());
    }, delayMs);
    this.timer.unref?.();
  }

  private async compare() {
    const first = !this.recorded;
    try {
      this.recorded ??= (await this.sink.latest?.()) ?? new Map();
    } catch (error) {
      this.logger.warn(
        `Could not read the recorded connector healths, trying again in ${
          RETRY_MS / 1000
        } s: ${error}`,
      );
      this.schedule(RETRY_MS);
      return;
    }
    const { transitions, next } = healthTransitions(
      this.recorded,
      this.summaries.all(),
      new Date(this.now()),
    );
    try {
      await this.sink.record(transitions);
      this.recorded = next;
      if (transitions.length > 0 || first) {
        this.listeners.forEach(listener => listener());
      }
    } catch (error) {
      this.logger.warn(
        `Could not record ${
          transitions.length
        } connector health transitions, trying again in ${
          RETRY_MS / 1000
        } s: ${error}`,
      );
      this.schedule(RETRY_MS);
    }
    const expiresAt = this.summaries.expiresAt;
    if (expiresAt < Infinity) {
      // setTimeout fires early for delays beyond 2^31 - 1 ms.
      this.schedule(Math.min(Math.max(expiresAt - this.now(), 0), 2 ** 31 - 1));
    }
  }
}
