import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import { Fragment } from 'react';
import { gitOpsWarning, RestartTaskButton } from './ConnectorActions';
import { humanizeTimes, runsOn } from './connectorDisplay';
import { FailingTasks } from './FailingTasks';
import { HealthDetails } from './HealthDetails';
import { MirrorMaker2Connectors } from './MirrorMaker2Connectors';

/** A labelled value, as the catalog's About card shows them. */
function Field({
  label,
  children,
  wide,
}: {
  label: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  return (
    <Grid item xs={12} sm={wide ? 12 : 6}>
      <Typography
        variant="overline"
        color="textSecondary"
        component="div"
        style={{ lineHeight: 1.6 }}
      >
        {label}
      </Typography>
      <Typography variant="body2" component="div">
        {children}
      </Typography>
    </Grid>
  );
}

/**
 * Everything about one connector behind its row: the full reason, where it
 * runs, topics, automatic restarts, Warnings, failing tasks with worker and
 * trace, and a KafkaMirrorMaker2's own connectors.
 */
export function ConnectorDetails({
  item,
  onDone,
  testIdPrefix = '',
  mirrorConnectors = true,
  now = Date.now(),
}: {
  item: ConnectorSummary;
  /** Show a KafkaMirrorMaker2's connectors (false where the page shows them already). */
  mirrorConnectors?: boolean;
  /** Called after an operation (restart a task) was accepted. */
  onDone?: () => void;
  testIdPrefix?: string;
  now?: number;
}) {
  return (
    <Box py={1} data-testid={`${testIdPrefix}connector-details-${item.name}`}>
      <Grid container spacing={1}>
        {item.health !== 'healthy' && (
          <Field label="Reason" wide>
            <span style={{ overflowWrap: 'anywhere' }}>
              {humanizeTimes(item.reason, now)}
            </span>
          </Field>
        )}
        <Field label="Connect cluster">
          <span style={{ whiteSpace: 'nowrap' }}>{runsOn(item)}</span>
        </Field>
        <Field label="Namespace">{item.namespace}</Field>
        {item.kind === 'KafkaConnector' && (
          <Field label="Topics">
            {item.topics.length
              ? item.topics.map((topic, index) => (
                  // Breaks between topics, never inside a name.
                  <Fragment key={topic}>
                    <span style={{ whiteSpace: 'nowrap' }}>
                      {topic}
                      {index < item.topics.length - 1 ? ',' : ''}
                    </span>{' '}
                  </Fragment>
                ))
              : '—'}
          </Field>
        )}
        <Field label="Automatic restarts">
          {item.autoRestart?.enabled === false
            ? 'off'
            : `${item.autoRestart?.count ?? 0} so far`}
          <HealthDetails
            item={item}
            testId={`${testIdPrefix}health-details-${item.name}`}
            now={now}
          />
        </Field>
        {item.gitOps && (
          <Field label="Deployed by" wide>
            <span data-testid={`${testIdPrefix}gitops-${item.name}`}>
              {gitOpsWarning(item)}
            </span>
          </Field>
        )}
        {item.stale && (
          <Field label="Data" wide>
            <Typography variant="body2" color="error" component="span">
              last known state: its cluster is not reachable
            </Typography>
          </Field>
        )}
        {item.kind === 'KafkaConnector' && item.failingTasks.length > 0 && (
          <Field label="Failing tasks" wide>
            <FailingTasks
              connector={item.name}
              tasks={item.failingTasks}
              taskAction={task => (
                <RestartTaskButton
                  connector={item}
                  taskId={task.id}
                  onDone={onDone}
                />
              )}
            />
          </Field>
        )}
        {item.kind === 'KafkaMirrorMaker2' && mirrorConnectors && (
          <Field label="Connectors of this MirrorMaker 2" wide>
            <MirrorMaker2Connectors mirrorMaker={item} onDone={onDone} />
          </Field>
        )}
      </Grid>
    </Box>
  );
}
