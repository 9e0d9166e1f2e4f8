import { parseEntityRef } from '@backstage/catalog-model';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  Select,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import TablePagination from '@material-ui/core/TablePagination';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  CONNECTOR_SORT_FIELDS,
  ConnectorSortField,
  ConnectorSummary,
  describeHealthCounts,
  NO_OWNER,
} from '@kcs/plugin-kafka-connect-common';
import { useCallback, useMemo } from 'react';
import { kafkaConnectApiRef } from '../../api';
import { ConnectClusterCell } from '../ConnectClusterCell';
import { causeOf, formatExact } from '../connectorDisplay';
import { ConnectorHealthStatus } from '../ConnectorHealthStatus';
import { formatTasks } from '../formatTasks';
import { HealthChips } from '../HealthChips';
import { formatDuration } from '../healthTimeline';
import { fleetTotals, OwnerTotals } from './OwnerTotals';
import { StaleClusters } from '../StaleClusters';
import { usePolled } from '../usePolled';
import { PAGE_SIZE, useConnectorQuery } from './useConnectorQuery';

const columns = (now: number): TableColumn<ConnectorSummary>[] => [
  {
    title: 'Connector',
    field: 'name',
    highlight: true,
    render: item => {
      const cause = causeOf(item);
      return (
        // A cause line is cut with an ellipsis, not left to widen the table.
        <Box minWidth={180} maxWidth={250}>
          <EntityRefLink entityRef={item.entityRef} title={item.name} />
          {cause && (
            <Typography
              variant="caption"
              color="textSecondary"
              noWrap
              display="block"
              title={cause}
            >
              {cause}
            </Typography>
          )}
        </Box>
      );
    },
  },
  {
    title: 'Health',
    field: 'health',
    cellStyle: { whiteSpace: 'nowrap' },
    render: item => <ConnectorHealthStatus health={item.health} />,
  },
  {
    title: 'In this health',
    field: 'healthSince',
    cellStyle: { whiteSpace: 'nowrap' },
    headerStyle: { whiteSpace: 'nowrap' },
    render: item =>
      item.healthSince ? (
        <Tooltip title={`since ${formatExact(Date.parse(item.healthSince))}`}>
          <span data-testid={`health-since-${item.name}`}>
            {formatDuration(now - Date.parse(item.healthSince))}
          </span>
        </Tooltip>
      ) : (
        <Typography variant="body2" color="textSecondary" component="span">
          not recorded
        </Typography>
      ),
  },
  {
    title: 'Owner',
    field: 'owner',
    cellStyle: { whiteSpace: 'nowrap' },
    render: item =>
      item.owner ? (
        <EntityRefLink entityRef={item.owner} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          no owner
        </Typography>
      ),
  },
  {
    title: 'Connect cluster',
    field: 'connectCluster',
    cellStyle: { whiteSpace: 'nowrap' },
    headerStyle: { whiteSpace: 'nowrap' },
    render: item => <ConnectClusterCell item={item} />,
  },
  {
    title: 'Tasks',
    render: formatTasks,
    cellStyle: { whiteSpace: 'nowrap' },
  },
];

const any = { label: 'All', value: '' };

const SORT_LABELS: Record<ConnectorSortField, string> = {
  health: 'Health (worst first)',
  healthSince: 'Time in its health (longest first)',
  name: 'Name',
  owner: 'Owner',
  cluster: 'Cluster',
  namespace: 'Namespace',
  connectCluster: 'Connect cluster',
};

/**
 * Every connector across clusters with its health and owner, filterable by
 * owner (including nobody), health, cluster and text: the answer to "who
 * owns this failing connector?". The backend filters, sorts and pages; the
 * page asks for (and polls) one page of 50 and the health summary of all
 * that match, never every connector.
 * @public
 */
export function KafkaConnectOwnershipPage() {
  const api = useApi(kafkaConnectApiRef);
  const state = useConnectorQuery();
  const { query } = state;
  const fetch = useCallback(() => api.getConnectors(query), [api, query]);
  const { data, answeredAt, error, refresh } = usePolled(fetch);
  // "Now" for the time in health moves on with each answer, not each render
  // (new columns make the table draw its rows anew); set with the answer, so
  // an answer is drawn once.
  const tableColumns = useMemo(
    () => columns(answeredAt ?? Date.now()),
    [answeredAt],
  );

  let body;
  if (!data && error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!data) {
    body = <Progress />;
  } else {
    const fleet = data.byOwner ? fleetTotals(data.byOwner) : data.byHealth;
    const fleetTotal = Object.values(fleet).reduce(
      (sum, n) => sum + (n ?? 0),
      0,
    );
    body = (
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <StaleClusters clusters={data.clusters} />
          <HealthChips
            testId="fleet-health"
            total={fleetTotal}
            byHealth={fleet}
            selected={state.filters.health || undefined}
            onSelect={health => state.setFilter('health', health ?? '')}
          />
        </Grid>
        {data.byOwner && (
          <Grid item xs={12}>
            <InfoCard title="Connectors per owner" noPadding>
              <OwnerTotals
                byOwner={data.byOwner}
                onShow={owner => state.setFilter('owner', owner)}
              />
            </InfoCard>
          </Grid>
        )}
        <Grid item xs={12} sm={6} md={2}>
          <Select
            label="Owner"
            data-testid="owner-filter"
            selected={state.filters.owner ?? ''}
            onChange={value => state.setFilter('owner', String(value ?? ''))}
            items={[
              any,
              { label: 'No owner', value: NO_OWNER },
              ...data.owners.map(owner => ({
                label: parseEntityRef(owner).name,
                value: owner,
              })),
            ]}
          />
        </Grid>
        <Grid item xs={12} sm={6} md={2}>
          <Select
            label="Cluster"
            data-testid="cluster-filter"
            selected={state.filters.cluster ?? ''}
            onChange={value => state.setFilter('cluster', String(value ?? ''))}
            items={[
              any,
              ...data.clusters.map(({ name }) => ({
                label: name,
                value: name,
              })),
            ]}
          />
        </Grid>
        <Grid item xs={12} sm={6} md={3}>
          <Select
            label="Sort by"
            data-testid="sort-field"
            selected={state.sort}
            onChange={value => state.setSort(value as ConnectorSortField)}
            items={CONNECTOR_SORT_FIELDS.map(field => ({
              label: SORT_LABELS[field],
              value: field,
            }))}
          />
        </Grid>
        <Grid item xs={12} sm={6} md={2}>
          <Select
            label="Order"
            data-testid="sort-order"
            selected={state.order}
            onChange={value =>
              state.setOrder(value === 'desc' ? 'desc' : 'asc')
            }
            items={[
              { label: 'Ascending', value: 'asc' },
              { label: 'Descending', value: 'desc' },
            ]}
          />
        </Grid>
        <Grid item xs={12} sm={6} md={3}>
          <TextField
            label="Search"
            placeholder="name, namespace, owner, reason…"
            fullWidth
            variant="outlined"
            size="small"
            style={{ marginTop: 24 }}
            value={state.text}
            onChange={event => state.setText(event.target.value)}
            inputProps={{ 'data-testid': 'connector-search' }}
          />
        </Grid>
        <Grid item xs={12}>
          <Table<ConnectorSummary>
            title="Connectors"
            subtitle={describeHealthCounts(data.total, data.byHealth)}
            options={{
              paging: false,
              sorting: false,
              search: false,
              padding: 'dense',
            }}
            columns={tableColumns}
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
          <TablePagination
            component="div"
            data-testid="connector-pages"
            count={data.total}
            page={Math.min(
              state.page,
              Math.max(0, Math.ceil(data.total / PAGE_SIZE) - 1),
            )}
            rowsPerPage={PAGE_SIZE}
            rowsPerPageOptions={[PAGE_SIZE]}
            onPageChange={(_event, next) => state.setPage(next)}
          />
        </Grid>
      </Grid>
    );
  }
  return (
    <Page themeId="tool">
      <Header
        title="Kafka Connect"
        subtitle="Every connector across clusters, with its health and owner"
      />
      <Content>{body}</Content>
    </Page>
  );
}
