import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useState } from 'react';
import {
  ConnectClusterSummary,
  ConnectorSummary,
  summarizeHealths,
} from '@kcs/plugin-kafka-connect-common';
import {
  ConnectorActions,
  gitOpsWarning,
  RestartTaskButton,
} from './ConnectorActions';
import { ConnectorHealthStatus } from './ConnectorHealthStatus';
import { formatTasks, HOW_TO_LINK } from './EntityKafkaConnectCard';
import { HealthDetails } from './HealthDetails';
import { ConnectorHealthTimeline } from './ConnectorHealthTimeline';
import { MirrorMaker2Connectors } from './MirrorMaker2Connectors';
import { StaleClusters } from './StaleClusters';
import { useEntityConnectors } from './useEntityConnectors';

const HOUR_MS = 3_600_000;
/** The windows the health timeline can show. */
const HISTORY_WINDOWS = [
  { label: '24 h', ms: 24 * HOUR_MS },
  { label: '7 days', ms: 7 * 24 * HOUR_MS },
];

const connectorColumns = (
  historyWindowMs: number,
): TableColumn<ConnectorSummary>[] => [
  { title: 'Connector', field: 'name', highlight: true },
  {
    title: 'Health',
    field: 'health',
    render: item => <ConnectorHealthStatus health={item.health} />,
    lookup: {
      healthy: 'healthy',
      degraded: 'degraded',
      failed: 'failed',
      paused: 'paused',
      stopped: 'stopped',
      pending: 'pending',
      unknown: 'unknown',
    },
  },
  {
    title: 'Reason',
    field: 'reason',
    cellStyle: { minWidth: 320 },
    render: item => (
      <>
        {item.reason}
        <HealthDetails item={item} testId={`tab-health-details-${item.name}`} />
        <ConnectorHealthTimeline connector={item} windowMs={historyWindowMs} />
      </>
    ),
  },
  {
    title: 'Tasks',
    render: formatTasks,
    customSort: (a, b) => a.tasks.failed - b.tasks.failed,
  },
  { title: 'Cluster', field: 'cluster' },
  { title: 'Connect cluster', field: 'connectCluster' },
  {
    title: 'Topics',
    render: item => item.topics.join(', ') || '—',
    sorting: false,
  },
  {
    title: 'Auto-restarts',
    render: item =>
      item.kind === 'KafkaMirrorMaker2'
        ? (item.components ?? []).reduce(
            (sum, c) => sum + (c.autoRestart?.count ?? 0),
            0,
          )
        : `${item.autoRestart?.count ?? 0}${
            item.autoRestart && !item.autoRestart.enabled ? ' (off)' : ''
          }`,
    customSort: (a, b) =>
      (a.autoRestart?.count ?? 0) - (b.autoRestart?.count ?? 0),
  },
  {
    title: 'Last transition',
    field: 'lastTransitionTime',
    render: item =>
      item.lastTransitionTime
        ? new Date(item.lastTransitionTime).toLocaleString()
        : '—',
  },
];

const connectClusterColumns: TableColumn<ConnectClusterSummary>[] = [
  { title: 'Connect cluster', field: 'name', highlight: true },
  { title: 'Kind', field: 'kind' },
  { title: 'Cluster', field: 'cluster' },
  {
    title: 'Ready',
    render: item => (item.ready ? 'ready' : item.reason ?? 'not ready'),
  },
  { title: 'Replicas', field: 'replicas' },
  {
    title: 'Plugins',
    render: item =>
      item.plugins.map(plugin => plugin.class.split('.').pop()).join(', ') ||
      '—',
  },
];

/** The "Kafka Connect" tab of an entity page: connectors and their Connect clusters. @public */
export function EntityKafkaConnectContent() {
  const { entity } = useEntity();
  const { data, error, refresh } = useEntityConnectors(
    stringifyEntityRef(entity),
  );
  const [historyWindowMs, setHistoryWindowMs] = useState(HISTORY_WINDOWS[0].ms);
  if (!data && error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!data) {
    return <Progress />;
  }
  if (data.items.length === 0) {
    return (
      <>
        <StaleClusters clusters={data.clusters} />
        <EmptyState
          missing="data"
          title="No Kafka connectors linked to this entity"
          description={HOW_TO_LINK}
        />
      </>
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <StaleClusters clusters={data.clusters} />
        <Box display="flex" alignItems="center" mb={1}>
          <Typography variant="body2" color="textSecondary">
            Health history:&nbsp;
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={historyWindowMs}
            aria-label="Health history window"
            onChange={(_event, value: number | null) => {
              if (value) {
                setHistoryWindowMs(value);
              }
            }}
          >
            {HISTORY_WINDOWS.map(window => (
              <ToggleButton
                key={window.ms}
                value={window.ms}
                aria-label={`Health history of the last ${window.label}`}
              >
                {window.label}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
        <Table<ConnectorSummary>
          title={`Kafka connectors: ${summarizeHealths(data.items).text}`}
          options={{
            filtering: true,
            paging: data.items.length > 20,
            pageSize: 20,
            padding: 'dense',
          }}
          columns={[
            ...connectorColumns(historyWindowMs),
            {
              title: 'Actions',
              sorting: false,
              filtering: false,
              render: item => (
                <Box>
                  <ConnectorActions connector={item} onDone={refresh} />
                  {item.gitOps && (
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      display="block"
                    >
                      {gitOpsWarning(item)}
                    </Typography>
                  )}
                  {item.kind === 'KafkaConnector' &&
                    item.failingTasks
                      .filter(task => task.state === 'FAILED')
                      .map(task => (
                        <Box key={task.id}>
                          <RestartTaskButton
                            connector={item}
                            taskId={task.id}
                            onDone={refresh}
                          />
                        </Box>
                      ))}
                </Box>
              ),
            },
          ]}
          data={data.items.map(item => ({ ...item }))}
          actions={[
            {
              icon: () => <RefreshIcon />,
              tooltip: 'Refresh',
              isFreeAction: true,
              onClick: refresh,
            },
          ]}
        />
        {error && (
          <Box mt={1}>
            <Typography variant="caption" color="error">
              Refresh failed ({error.message}); showing the last data.
            </Typography>
          </Box>
        )}
      </Grid>
      {data.items
        .filter(item => item.kind === 'KafkaMirrorMaker2')
        .map(item => (
          <Grid
            item
            xs={12}
            key={`${item.cluster}/${item.namespace}/${item.name}`}
          >
            <Paper>
              <Box p={2}>
                <Typography variant="h6">
                  Connectors of MirrorMaker 2 {item.name} ({item.cluster})
                </Typography>
                <MirrorMaker2Connectors mirrorMaker={item} onDone={refresh} />
              </Box>
            </Paper>
          </Grid>
        ))}
      <Grid item xs={12}>
        <Table<ConnectClusterSummary>
          title="Connect clusters"
          options={{ search: false, paging: false, padding: 'dense' }}
          columns={connectClusterColumns}
          data={data.connectClusters.map(item => ({ ...item }))}
        />
      </Grid>
    </Grid>
  );
}
