import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  AutoRestartAssessment,
  ConnectorHealthAssessment,
} from '@kcs/plugin-kafka-connect-common';

const FAILING = ['failed', 'degraded'];

/** A time for people, in their locale. */
export function formatTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString();
}

/**
 * What automatic restart does for a connector, in a few words: the next
 * attempt while it fails, that it gave up, or that it is off.
 */
export function describeAutoRestart(
  autoRestart: AutoRestartAssessment | undefined,
  health: string,
): string | undefined {
  if (!autoRestart) {
    return undefined;
  }
  if (!autoRestart.enabled) {
    return FAILING.includes(health) ? 'Automatic restart: off' : undefined;
  }
  if (autoRestart.gaveUp) {
    return `Automatic restart gave up after ${autoRestart.count} of ${autoRestart.maxRestarts}: restart it by hand`;
  }
  const done =
    autoRestart.count > 0
      ? `${autoRestart.count} automatic restart${
          autoRestart.count === 1 ? '' : 's'
        }`
      : undefined;
  if (FAILING.includes(health) && autoRestart.nextRestartAt) {
    return `${
      done ? `${done}; next` : 'Next automatic restart'
    } at ${formatTime(autoRestart.nextRestartAt)}`;
  }
  return done;
}

/**
 * What a connector's health rests on besides its reason: Strimzi's Warning
 * conditions, automatic restarts, a restart request still on the resource.
 */
export function HealthDetails({
  item,
  testId,
}: {
  item: ConnectorHealthAssessment;
  testId: string;
}) {
  const autoRestart = describeAutoRestart(item.autoRestart, item.health);
  return (
    <Box data-testid={testId}>
      {autoRestart && (
        <Typography variant="caption" display="block" color="textSecondary">
          {autoRestart}
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
