import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { RelativeTime } from './RelativeTime';
import type {
  AutoRestartAssessment,
  ConnectorHealthAssessment,
} from '@kcs/plugin-kafka-connect-common';

const FAILING = ['failed', 'degraded'];

/**
 * What automatic restart does for a connector, in a few words: the next
 * attempt while it fails (as a time the caller shows relative, `nextAt`),
 * that it gave up, or that it is off.
 */
export function describeAutoRestart(
  autoRestart: AutoRestartAssessment | undefined,
  health: string,
): { text: string; nextAt?: string } | undefined {
  if (!autoRestart) {
    return undefined;
  }
  if (!autoRestart.enabled) {
    return FAILING.includes(health)
      ? { text: 'Automatic restart: off' }
      : undefined;
  }
  if (autoRestart.gaveUp) {
    return {
      text: `Automatic restart gave up after ${autoRestart.count} of ${autoRestart.maxRestarts}: restart it by hand`,
    };
  }
  const done =
    autoRestart.count > 0
      ? `${autoRestart.count} automatic restart${
          autoRestart.count === 1 ? '' : 's'
        }`
      : undefined;
  if (FAILING.includes(health) && autoRestart.nextRestartAt) {
    return {
      text: done ? `${done}; next` : 'Next automatic restart',
      nextAt: autoRestart.nextRestartAt,
    };
  }
  return done ? { text: done } : undefined;
}

/**
 * What a connector's health rests on besides its reason: Strimzi's Warning
 * conditions, automatic restarts, a restart request still on the resource.
 */
export function HealthDetails({
  item,
  testId,
  now = Date.now(),
}: {
  item: ConnectorHealthAssessment;
  testId: string;
  now?: number;
}) {
  const autoRestart = describeAutoRestart(item.autoRestart, item.health);
  return (
    <Box data-testid={testId}>
      {autoRestart && (
        <Typography variant="caption" display="block" color="textSecondary">
          {autoRestart.text}
          {autoRestart.nextAt && (
            <>
              {Date.parse(autoRestart.nextAt) > now ? ' ' : ' was due '}
              <RelativeTime at={autoRestart.nextAt} now={now} />
            </>
          )}
        </Typography>
      )}
      {item.restartRequest && !item.restartRequest.answer && (
        <Typography variant="caption" display="block" color="textSecondary">
          Restart requested ({item.restartRequest.annotation}:{' '}
          {item.restartRequest.value}), waiting for the operator
        </Typography>
      )}
      {item.warnings.map(warning => (
        <Typography
          key={warning}
          variant="caption"
          display="block"
          style={{ color: '#b26a00' }}
        >
          Warning: {warning}
        </Typography>
      ))}
    </Box>
  );
}
