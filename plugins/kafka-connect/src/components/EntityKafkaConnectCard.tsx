import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Skeleton from '@material-ui/lab/Skeleton';
import {
  ConnectorSummary,
  summarizeHealths,
} from '@kcs/plugin-kafka-connect-common';
import {
  ConnectorActions,
  gitOpsWarning,
  RestartTaskButton,
} from './ConnectorActions';
import { ConnectorHealthStatus } from './ConnectorHealthStatus';
import { ConnectorHealthTimeline } from './ConnectorHealthTimeline';
import { FailingTasks } from './FailingTasks';
import { HealthDetails } from './HealthDetails';
import { MirrorMaker2Connectors } from './MirrorMaker2Connectors';
import { StaleClusters } from './StaleClusters';
import { useEntityConnectors } from './useEntityConnectors';

/** "running/total", plus failed and paused counts when there are any. */
export function formatTasks(item: ConnectorSummary): string {
  const parts = [`${item.tasks.running}/${item.tasks.total}`];
  if (item.tasks.failed > 0) {
    parts.push(`${item.tasks.failed} failed`);
  }
  if (item.tasks.paused > 0) {
    parts.push(`${item.tasks.paused} paused`);
  }
  return parts.join(', ');
}

export const HOW_TO_LINK = `Label KafkaConnector resources with backstage.io/kubernetes-id: <this entity's name>, or add the annotation kafka-connect.dev/connector: <cluster>/<namespace>/<name> (or backstage.io/kubernetes-label-selector) to this entity. Group pages list connectors whose kafka-connect.dev/owner names the group.`;

/** The "Kafka connectors" card of an entity page. @public */
export function EntityKafkaConnectCard() {
  const { entity } = useEntity();
  const { data, error, loading, refresh } = useEntityConnectors(
    stringifyEntityRef(entity),
  );

  const action = (
    <Tooltip title="Refresh">
      <IconButton aria-label="Refresh" onClick={refresh} disabled={loading}>
        <RefreshIcon />
      </IconButton>
    </Tooltip>
  );

  let content;
  if (!data && error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!data) {
    content = (
      <Box data-testid="kafka-connect-loading">
        {[0, 1, 2].map(row => (
          <Skeleton key={row} variant="text" height={32} />
        ))}
      </Box>
    );
  } else if (data.items.length === 0) {
    content = (
      <>
        <StaleClusters clusters={data.clusters} />
        <EmptyState
          missing="data"
          title="No Kafka connectors linked to this entity"
          description={HOW_TO_LINK}
        />
      </>
    );
  } else {
    content = (
      <>
        <StaleClusters clusters={data.clusters} />
        <Typography variant="subtitle1" data-testid="kafka-connect-summary">
          {summarizeHealths(data.items).text}
        </Typography>
        <Table size="small" aria-label="Kafka connectors">
          <TableHead>
            <TableRow>
              <TableCell>Connector</TableCell>
              <TableCell>Health</TableCell>
              <TableCell>Tasks</TableCell>
              <TableCell>Connect cluster</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map(item => (
              <TableRow
                key={`${item.cluster}/${item.namespace}/${item.name}`}
                data-testid={`connector-row-${item.name}`}
              >
                <TableCell>
                  <Typography variant="body2">{item.name}</Typography>
                  {item.health !== 'healthy' && (
                    <Typography variant="caption" color="textSecondary">
                      {item.reason}
                    </Typography>
                  )}
                  <HealthDetails
                    item={item}
                    testId={`health-details-${item.name}`}
                  />
                  <ConnectorHealthTimeline connector={item} />
                  {item.stale && (
                    <Typography variant="caption" color="error" display="block">
                      last known state
                    </Typography>
                  )}
                  {item.gitOps && (
                    <Tooltip title={gitOpsWarning(item) ?? ''}>
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        display="block"
                        data-testid={`gitops-${item.name}`}
                      >
                        managed by{' '}
                        {item.gitOps.tool === 'argocd' ? 'Argo CD' : 'Flux'}:
                        spec changes here are reverted by GitOps
                      </Typography>
                    </Tooltip>
                  )}
                  {item.kind === 'KafkaMirrorMaker2' && (
                    <MirrorMaker2Connectors
                      mirrorMaker={item}
                      onDone={refresh}
                    />
                  )}
                  {item.kind === 'KafkaConnector' &&
                    item.failingTasks.length > 0 && (
                      <FailingTasks
                        connector={item.name}
                        tasks={item.failingTasks}
                        taskAction={task => (
                          <RestartTaskButton
                            connector={item}
                            taskId={task.id}
                            onDone={refresh}
                          />
                        )}
                      />
                    )}
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <ConnectorHealthStatus health={item.health} />
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {formatTasks(item)}
                </TableCell>
                <TableCell>
                  {item.connectCluster ?? '—'} on {item.cluster}
                </TableCell>
                <TableCell>
                  <ConnectorActions connector={item} onDone={refresh} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {error && (
          <Box mt={1}>
            <Typography variant="caption" color="error">
              Refresh failed ({error.message}); showing the last data.
            </Typography>
          </Box>
        )}
      </>
    );
  }
  return (
    <InfoCard title="Kafka connectors" action={action}>
      {content}
    </InfoCard>
  );
}
