import { parseEntityRef } from '@backstage/catalog-model';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  Select,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  ConnectorSummary,
  summarizeHealths,
} from '@kcs/plugin-kafka-connect-common';
import { useCallback, useState } from 'react';
import { kafkaConnectApiRef } from '../../api';
import { ConnectorHealthStatus } from '../ConnectorHealthStatus';
import { formatTasks } from '../EntityKafkaConnectCard';
import { StaleClusters } from '../StaleClusters';
import { usePolled } from '../usePolled';
import {
  choicesOf,
  filterConnectors,
  NO_OWNER,
  OwnershipFilters,
} from './filterConnectors';

const HEALTHS = [
  'healthy',
  'degraded',
  'failed',
  'paused',
  'stopped',
  'pending',
  'unknown',
];

const columns: TableColumn<ConnectorSummary>[] = [
  {
    title: 'Connector',
    field: 'name',
    highlight: true,
    render: item => (
      <EntityRefLink entityRef={item.entityRef} title={item.name} />
    ),
  },
  {
    title: 'Health',
    field: 'health',
    render: item => <ConnectorHealthStatus health={item.health} />,
  },
  {
    title: 'Owner',
    field: 'owner',
    render: item =>
      item.owner ? (
        <EntityRefLink entityRef={item.owner} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          no owner
        </Typography>
      ),
  },
  { title: 'Cluster', field: 'cluster' },
  { title: 'Namespace', field: 'namespace' },
  { title: 'Connect cluster', field: 'connectCluster' },
  { title: 'Tasks', render: formatTasks, sorting: false },
  { title: 'Reason', field: 'reason' },
];

const any = { label: 'All', value: '' };

/**
 * Every connector across clusters with its health and owner, filterable by
 * owner (including nobody), health and cluster: the answer to "who owns this
 * failing connector?".
 * @public
 */
export function KafkaConnectOwnershipPage() {
  const api = useApi(kafkaConnectApiRef);
  const fetch = useCallback(() => api.getConnectors(), [api]);
  const { data, error, refresh } = usePolled(fetch);
  const [filters, setFilters] = useState<OwnershipFilters>({});
  const set = (key: keyof OwnershipFilters) => (value: unknown) =>
    setFilters(current => ({ ...current, [key]: String(value ?? '') }));

  let body;
  if (!data && error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!data) {
    body = <Progress />;
  } else {
    const shown = filterConnectors(data.items, filters);
    body = (
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <StaleClusters clusters={data.clusters} />
        </Grid>
        <Grid item xs={12} sm={4}>
          <Select
            label="Owner"
            data-testid="owner-filter"
            selected={filters.owner ?? ''}
            onChange={set('owner')}
            items={[
              any,
              { label: 'No owner', value: NO_OWNER },
              ...choicesOf(data.items, item => item.owner).map(owner => ({
                label: parseEntityRef(owner).name,
                value: owner,
              })),
            ]}
          />
        </Grid>
        <Grid item xs={12} sm={4}>
          <Select
            label="Health"
            data-testid="health-filter"
            selected={filters.health ?? ''}
            onChange={set('health')}
            items={[any, ...HEALTHS.map(h => ({ label: h, value: h }))]}
          />
        </Grid>
        <Grid item xs={12} sm={4}>
          <Select
            label="Cluster"
            data-testid="cluster-filter"
            selected={filters.cluster ?? ''}
            onChange={set('cluster')}
            items={[
              any,
              ...choicesOf(data.items, item => item.cluster).map(c => ({
                label: c,
                value: c,
              })),
            ]}
          />
        </Grid>
        <Grid item xs={12}>
          <Table<ConnectorSummary>
            title={`${summarizeHealths(shown).text}`}
            options={{
              paging: shown.length > 50,
              pageSize: 50,
              padding: 'dense',
            }}
            columns={columns}
            data={shown.map(item => ({ ...item }))}
            actions={[
              {
                icon: () => <RefreshIcon />,
                tooltip: 'Refresh',
                isFreeAction: true,
                onClick: refresh,
              },
            ]}
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
