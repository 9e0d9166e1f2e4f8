import type { KafkaConnectorResource } from '@kcs/plugin-kafka-connect-common';
import type { ConnectorApplier } from '../services/ConnectorApplier';

/**
 * A checkpoint store that keeps what succeeded across runs and replays it, as
 * the scaffolder does when it retries or recovers a task: a key that succeeded
 * returns its recorded value (JSON, `{}` for nothing) without running again;
 * a key that failed runs again.
 */
export class ReplayingCheckpoints {
  readonly recorded = new Map<string, unknown>();
  readonly ran: string[] = [];

  checkpoint = async <T>(options: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (this.recorded.has(options.key)) {
      return this.recorded.get(options.key) as T;
    }
    this.ran.push(options.key);
    const value = await options.fn();
    this.recorded.set(options.key, JSON.parse(JSON.stringify(value ?? {})));
    return value;
  };
}

/** Where a write fails: before it lands, or after (the answer is lost, as in a crash). */
export type FailurePoint = {
  method: 'apply' | 'delete' | 'scale';
  when: 'before' | 'after';
};

/**
 * Wraps an applier so that the first call of one method fails at the given
 * point; later calls go through.
 */
export function failingOnce<T extends ConnectorApplier>(
  applier: T,
  point: FailurePoint,
): T {
  let failed = false;
  const wrap =
    <A extends unknown[], R>(
      method: FailurePoint['method'],
      call: (...args: A) => Promise<R>,
    ) =>
    async (...args: A): Promise<R> => {
      if (method !== point.method || failed) return call(...args);
      failed = true;
      if (point.when === 'before') {
        throw new Error(`injected failure before ${method}`);
      }
      await call(...args);
      throw new Error(`injected failure after ${method}`);
    };
  return {
    ...applier,
    get: applier.get,
    apply: wrap(
      'apply',
      (cluster: string, c: KafkaConnectorResource, o: { force: boolean }) =>
        applier.apply(cluster, c, o),
    ),
    delete: wrap('delete', (cluster: string, c: KafkaConnectorResource) =>
      applier.delete(cluster, c),
    ),
    scale: wrap(
      'scale',
      (cluster: string, c: KafkaConnectorResource, n: number) =>
        applier.scale(cluster, c, n),
    ),
  };
}
