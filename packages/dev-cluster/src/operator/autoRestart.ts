import { ConnectorStatusBody } from './connectRest';
import { targetStateOf } from './connectorSpec';
import type { RealConnectorContext } from './realConnector';
import type { Resource } from './reconcile';

/** `status.autoRestart` of a KafkaConnector. */
export interface AutoRestartStatus {
  count: number;
  lastRestartTimestamp?: string;
}

/**
 * Minutes Strimzi waits after the n-th automatic restart before the next:
 * n² + n, at most 60.
 */
export function autoRestartBackoffMinutes(count: number): number {
  return Math.min(count * count + count, 60);
}

function failing(status: ConnectorStatusBody): boolean {
  return (
    status.connector.state === 'FAILED' ||
    status.tasks.some(task => task.state === 'FAILED')
  );
}

/**
 * What to do about `spec.autoRestart` now, as a pure decision: restart, reset
 * the count after a stable period, or keep waiting.
 */
export function autoRestartDecision(options: {
  enabled: boolean;
  maxRestarts?: number;
  previous?: AutoRestartStatus;
  failing: boolean;
  nowMs: number;
  minuteMs: number;
}):
  | { action: 'restart'; count: number }
  | { action: 'reset' }
  | { action: 'wait'; untilMs?: number } {
  const count = options.previous?.count ?? 0;
  const last = options.previous?.lastRestartTimestamp
    ? Date.parse(options.previous.lastRestartTimestamp)
    : undefined;
  const dueAt =
    last === undefined
      ? options.nowMs
      : last + autoRestartBackoffMinutes(count) * options.minuteMs;
  if (!options.enabled) {
    return options.previous ? { action: 'reset' } : { action: 'wait' };
  }
  if (!options.failing) {
    // Running stably for as long as the next back-off: the count starts over.
    return count > 0 && options.nowMs >= dueAt
      ? { action: 'reset' }
      : { action: 'wait', untilMs: count > 0 ? dueAt : undefined };
  }
  if (options.maxRestarts !== undefined && count >= options.maxRestarts) {
    return { action: 'wait' };
  }
  return options.nowMs >= dueAt
    ? { action: 'restart', count: count + 1 }
    : { action: 'wait', untilMs: dueAt };
}

/**
 * Strimzi's auto-restart on a real worker: a FAILED connector or task is
 * restarted with `includeTasks=true&onlyFailed=true`, and the restart's
 * answer becomes the status.
 */
export async function autoRestartStep(
  connector: Resource,
  status: ConnectorStatusBody,
  context: RealConnectorContext,
): Promise<{
  status: ConnectorStatusBody;
  autoRestart?: AutoRestartStatus;
  requeueAfterMs?: number;
}> {
  const spec = connector.spec?.autoRestart;
  const previous: AutoRestartStatus | undefined = connector.status?.autoRestart;
  const nowMs = Date.parse(context.now);
  const decision = autoRestartDecision({
    enabled:
      Boolean(spec) &&
      spec.enabled !== false &&
      targetStateOf(connector.spec) === 'running',
    maxRestarts: spec?.maxRestarts,
    previous,
    failing: failing(status),
    nowMs,
    minuteMs: context.autoRestartMinuteMs,
  });
  if (decision.action === 'reset') {
    return { status };
  }
  if (decision.action === 'wait') {
    return {
      status,
      autoRestart: previous,
      requeueAfterMs:
        decision.untilMs !== undefined
          ? Math.max(100, decision.untilMs - nowMs)
          : undefined,
    };
  }
  const name = connector.metadata?.name ?? '';
  const answer = await context.rest.restart(name, {
    includeTasks: true,
    onlyFailed: true,
  });
  return {
    status: answer ?? (await context.rest.status(name)),
    autoRestart: { count: decision.count, lastRestartTimestamp: context.now },
    requeueAfterMs: 500,
  };
}
