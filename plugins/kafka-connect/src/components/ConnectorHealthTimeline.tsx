import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import useAsync from 'react-use/esm/useAsync';
import { kafkaConnectApiRef } from '../api';
import { useHealthColor } from './healthColor';
import { timeInState, timelineSegments } from './healthTimeline';

const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    height: 8,
    width: '100%',
    minWidth: 120,
    maxWidth: 320,
    borderRadius: 2,
    overflow: 'hidden',
    backgroundColor: theme.palette.action.hover,
    marginTop: theme.spacing(0.5),
  },
}));

const timeOf = (at: number) =>
  new Date(at).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/**
 * The connector's health over the last day as a bar (hover a stretch for its
 * health, times and reason) and how long the current health has lasted.
 * History is extra: without it (older backend, no record) nothing shows.
 */
export function ConnectorHealthTimeline({
  connector,
  windowMs = DAY_MS,
  now = Date.now,
}: {
  connector: ConnectorSummary;
  windowMs?: number;
  now?: () => number;
}) {
  const api = useApi(kafkaConnectApiRef);
  const classes = useStyles();
  const colorOf = useHealthColor();
  const { cluster, namespace, name, health } = connector;
  const { value } = useAsync(
    async () =>
      api.getConnectorHistory(
        { cluster, namespace, name },
        new Date(now() - windowMs),
      ),
    // A new health means a new transition to show.
    [api, cluster, namespace, name, health, windowMs],
  );
  if (!value) {
    return null;
  }
  const at = now();
  const windowStart = at - windowMs;
  const segments = timelineSegments(value.items, windowStart, at);
  const inState = timeInState(value.items, health, at);
  return (
    <Box data-testid={`health-timeline-${name}`}>
      <Box
        className={classes.bar}
        role="img"
        aria-label={`Health of ${name} over the last ${Math.round(
          windowMs / 3_600_000,
        )} hours`}
      >
        {segments.map(segment => (
          <Tooltip
            key={segment.start}
            title={`${segment.health ?? 'no record'} from ${timeOf(
              segment.start,
            )} to ${segment.end >= at ? 'now' : timeOf(segment.end)}: ${
              segment.reason
            }`}
          >
            <Box
              data-testid="health-timeline-segment"
              data-health={segment.health ?? 'none'}
              style={{
                flexGrow: segment.end - segment.start,
                flexBasis: 0,
                backgroundColor: colorOf(segment.health),
              }}
            />
          </Tooltip>
        ))}
      </Box>
      {inState && health !== 'healthy' && (
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          data-testid={`time-in-state-${name}`}
        >
          {inState}
        </Typography>
      )}
    </Box>
  );
}
