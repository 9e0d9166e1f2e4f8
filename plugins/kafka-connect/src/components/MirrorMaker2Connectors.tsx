import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  ConnectorSummary,
  MirrorMaker2ConnectorAssessment,
} from '@kcs/plugin-kafka-connect-common';
import { RestartTaskButton } from './ConnectorActions';
import { ConnectorHealthStatus } from './ConnectorHealthStatus';
import { FailingTasks } from './FailingTasks';
import { HealthDetails } from './HealthDetails';

/** "running/total", plus failed counts, for one connector. */
function tasksText(component: MirrorMaker2ConnectorAssessment): string {
  const { tasks } = component;
  return `${tasks.running}/${tasks.total}${
    tasks.failed > 0 ? `, ${tasks.failed} failed` : ''
  }`;
}

function patterns(component: MirrorMaker2ConnectorAssessment): string {
  const mirror = component.mirror;
  if (!mirror) {
    return 'not in spec';
  }
  return [
    mirror.topicsPattern ? `topics ${mirror.topicsPattern}` : undefined,
    mirror.groupsPattern && mirror.role === 'checkpointConnector'
      ? `groups ${mirror.groupsPattern}`
      : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/** One row per connector of a KafkaMirrorMaker2: health, tasks, restarts, patterns, failing tasks. */
export function MirrorMaker2Connectors({
  mirrorMaker,
  onDone,
}: {
  mirrorMaker: ConnectorSummary;
  onDone?: () => void;
}) {
  const components = mirrorMaker.components ?? [];
  if (components.length === 0) {
    return null;
  }
  return (
    <Table
      size="small"
      aria-label={`Connectors of ${mirrorMaker.name}`}
      data-testid={`mm2-connectors-${mirrorMaker.name}`}
    >
      <TableHead>
        <TableRow>
          <TableCell>Connector</TableCell>
          <TableCell>Health</TableCell>
          <TableCell>Tasks</TableCell>
          <TableCell>Mirrors</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {components.map(component => (
          <TableRow
            key={component.name}
            data-testid={`mm2-connector-${component.name}`}
          >
            <TableCell>
              <Typography variant="body2">{component.name}</Typography>
              {component.health !== 'healthy' && (
                <Typography variant="caption" color="textSecondary">
                  {component.reason}
                </Typography>
              )}
              <HealthDetails
                item={component}
                testId={`health-details-${component.name}`}
              />
              {component.failingTasks.length > 0 && (
                <Box>
                  <FailingTasks
                    connector={component.name}
                    tasks={component.failingTasks}
                    taskAction={task => (
                      <RestartTaskButton
                        connector={mirrorMaker}
                        taskId={task.id}
                        mirrorConnector={component.name}
                        onDone={onDone}
                      />
                    )}
                  />
                </Box>
              )}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <ConnectorHealthStatus health={component.health} />
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {tasksText(component)}
            </TableCell>
            <TableCell>{patterns(component) || '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
