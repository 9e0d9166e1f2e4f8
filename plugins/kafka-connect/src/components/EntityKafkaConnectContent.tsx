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
import { Fragment, useMemo, useState } from 'react';
import {
  CONNECTOR_HEALTHS,
  ConnectClusterSummary,
  ConnectorHealth,
  ConnectorSummary,
} from '@kcs/plugin-kafka-connect-common';
import { ConnectorActions } from './ConnectorActions';
import { ConnectorDetails } from './ConnectorDetails';
import { ConnectClusterCell } from './ConnectClusterCell';
import { causeOf, countByHealth, sortWorstFirst } from './connectorDisplay';
import { ConnectorHealthStatus } from './ConnectorHealthStatus';
import { ConnectorHealthTimeline } from './ConnectorHealthTimeline';
import { HOW_TO_LINK } from './EntityKafkaConnectCard';
import { formatTasks } from './formatTasks';
import { HealthChips } from './HealthChips';
import { MirrorMaker2Connectors } from './MirrorMaker2Connectors';
import { StaleClusters } from './StaleClusters';
import { useEntityConnectors } from './useEntityConnectors';

const HOUR_MS = 3_600_000;
/** The windows the health timeline can show. */
const HISTORY_WINDOWS = [
  { label: '24 h', ms: 24 * HOUR_MS },
  { label: '7 days', ms: 7 * 24 * HOUR_MS },
];

const severity = (health: ConnectorHealth) => CONNECTOR_HEALTHS.indexOf(health);

const connectorColumns = (
  historyWindowMs: number,
): TableColumn<ConnectorSummary>[] => [
  {
    title: 'Connector',
    field: 'name',
    highlight: true,
    render: item => {
      const cause = causeOf(item);
      return (
        // A cause line is cut with an ellipsis, not left to widen the table.
        <Box minWidth={200} maxWidth={300}>
          <Typography variant="body2" style={{ fontWeight: 'bold' }}>
            {item.name}
          </Typography>
          {cause && (
            <Typography
              variant="caption"
              color="textSecondary"
              noWrap
              display="block"
              title={cause}
              data-testid={`tab-root-cause-${item.name}`}
            >
              {cause}
            </Typography>
          )}
          {item.stale && (
            <Typography variant="caption" color="error" display="block">
              last known state
            </Typography>
          )}
        </Box>
      );
    },
  },
  {
    title: 'Health',
    field: 'health',
    cellStyle: { whiteSpace: 'nowrap', minWidth: 160 },
    headerStyle: { whiteSpace: 'nowrap' },
    customSort: (a, b) => severity(b.health) - severity(a.health),
    render: item => (
      <>
        <ConnectorHealthStatus health={item.health} />
        <ConnectorHealthTimeline connector={item} windowMs={historyWindowMs} />
      </>
    ),
  },
  {
    title: 'Tasks',
    render: formatTasks,
    cellStyle: { whiteSpace: 'nowrap' },
    headerStyle: { whiteSpace: 'nowrap' },
    customSort: (a, b) => a.tasks.failed - b.tasks.failed,
  },
  {
    title: 'Connect cluster',
    field: 'connectCluster',
    cellStyle: { whiteSpace: 'nowrap' },
    headerStyle: { whiteSpace: 'nowrap' },
    render: item => <ConnectClusterCell item={item} />,
  },
];

const connectClusterColumns: TableColumn<ConnectClusterSummary>[] = [
  {
    title: 'Connect cluster',
    field: 'name',
    highlight: true,
    headerStyle: { whiteSpace: 'nowrap' },
    cellStyle: { whiteSpace: 'nowrap' },
  },
  { title: 'Kind', field: 'kind', cellStyle: { whiteSpace: 'nowrap' } },
  { title: 'Cluster', field: 'cluster' },
  {
    title: 'Ready',
    render: item => (item.ready ? 'ready' : item.reason ?? 'not ready'),
  },
  { title: 'Replicas', field: 'replicas' },
  {
    title: 'Plugins',
    sorting: false,
    render: item =>
      item.plugins.length
        ? item.plugins.map((plugin, index) => (
            // Whole class names, one after the other, wrapping between them.
            <Fragment key={plugin.class}>
              <span style={{ whiteSpace: 'nowrap' }}>
                {plugin.class.split('.').pop()}
                {index < item.plugins.length - 1 ? ',' : ''}
              </span>{' '}
            </Fragment>
          ))
        : '—',
    cellStyle: { minWidth: 280 },
  },
];

/** The "Kafka Connect" tab of an entity page: connectors and their Connect clusters. @public */
export function EntityKafkaConnectContent() {
  const { entity } = useEntity();
  const { data, error, refresh } = useEntityConnectors(
    stringifyEntityRef(entity),
  );
  const [historyWindowMs, setHistoryWindowMs] = useState(HISTORY_WINDOWS[0].ms);
  const [health, setHealth] = useState<ConnectorHealth>();
  // New columns or panels make the table start over (closing open details): made once per window.
  const columns = useMemo<TableColumn<ConnectorSummary>[]>(
    () => [
      ...connectorColumns(historyWindowMs),
      {
        title: <span className="MuiTypography-srOnly">Actions</span>,
        sorting: false,
        render: item => <ConnectorActions connector={item} onDone={refresh} />,
      },
    ],
    [historyWindowMs, refresh],
  );
  const detailPanel = useMemo(
    () => [
      {
        tooltip: 'Details',
        render: ({ rowData }: { rowData: ConnectorSummary }) => (
          <Box
            px={7}
            style={{ width: 0, minWidth: '100%', boxSizing: 'border-box' }}
          >
            <ConnectorDetails
              item={rowData}
              onDone={refresh}
              testIdPrefix="tab-"
              mirrorConnectors={false}
            />
          </Box>
        ),
      },
    ],
    [refresh],
  );
  const sorted = useMemo(
    () => (data ? sortWorstFirst(data.items) : []),
    [data],
  );
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
  const byHealth = countByHealth(data.items);
  // A chip whose connectors all recovered shows everything again.
  const selected = health && byHealth[health] ? health : undefined;
  const shown = selected
    ? sorted.filter(item => item.health === selected)
    : sorted;
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
        <Box mb={1}>
          <HealthChips
            testId="tab-health-chips"
            total={data.items.length}
            byHealth={byHealth}
            selected={selected}
            onSelect={setHealth}
          />
        </Box>
        <Table<ConnectorSummary>
          title="Kafka connectors"
          options={{
            filtering: false,
            paging: shown.length > 20,
            pageSize: 20,
            padding: 'dense',
            detailPanelType: 'multiple',
          }}
          columns={columns}
          data={shown.map(item => ({ ...item }))}
          detailPanel={detailPanel}
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
