import { configApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  MockConfigApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type {
  ConnectorListResponse,
  ConnectorSummary,
} from '@kcs/plugin-kafka-connect-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { KafkaConnectApi, kafkaConnectApiRef } from '../../api';
import { KafkaConnectOwnershipPage } from './KafkaConnectOwnershipPage';
import { filterConnectors } from './filterConnectors';

const summary = (
  name: string,
  overrides: Partial<ConnectorSummary> = {},
): ConnectorSummary => ({
  cluster: 'eu-1',
  namespace: 'orders',
  name,
  kind: 'KafkaConnector',
  health: 'healthy',
  reason: 'All 1 tasks running',
  tasks: {
    total: 1,
    running: 1,
    failed: 0,
    paused: 0,
    unassigned: 0,
    restarting: 0,
  },
  failingTasks: [],
  warnings: [],
  topics: [],
  entityRef: `resource:default/kctr.eu-1.orders.${name}`,
  apiVersion: 'kafka.strimzi.io/v1',
  labels: {},
  stale: false,
  ...overrides,
});

const items = [
  summary('orders-cdc', {
    owner: 'group:default/team-orders',
    connectCluster: 'orders-connect',
  }),
  summary('billing-sink', {
    owner: 'group:default/team-billing',
    health: 'failed',
    reason: 'Connector failed',
    cluster: 'us-1',
  }),
  summary('orphan', { health: 'degraded', reason: '1 of 2 tasks failed' }),
];

describe('filterConnectors', () => {
  it('filters by owner, "none" for no owner, health and cluster together', () => {
    const names = (f: Parameters<typeof filterConnectors>[1]) =>
      filterConnectors(items, f).map(i => i.name);
    expect(names({})).toEqual(['orders-cdc', 'billing-sink', 'orphan']);
    expect(names({ owner: 'group:default/team-orders' })).toEqual([
      'orders-cdc',
    ]);
    expect(names({ owner: 'none' })).toEqual(['orphan']);
    expect(names({ health: 'failed' })).toEqual(['billing-sink']);
    expect(names({ cluster: 'eu-1' })).toEqual(['orders-cdc', 'orphan']);
    expect(names({ cluster: 'eu-1', health: 'failed' })).toEqual([]);
  });
});

async function renderPage(api: Partial<KafkaConnectApi>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [kafkaConnectApiRef, api],
        [
          configApiRef,
          new MockConfigApi({
            kafkaConnect: { frontend: { refreshIntervalSeconds: 0 } },
          }),
        ],
      ]}
    >
      <KafkaConnectOwnershipPage />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('KafkaConnectOwnershipPage', () => {
  it('lists every connector with health, owner, cluster and Connect cluster, and filters to the unowned', async () => {
    const response: ConnectorListResponse = {
      items,
      clusters: [
        { name: 'eu-1', synced: true },
        { name: 'us-1', synced: true },
      ],
    };
    await renderPage({ getConnectors: async () => response });
    expect(await screen.findByText('orders-cdc')).toBeInTheDocument();
    const row = screen.getByText('orders-cdc').closest('tr')!;
    expect(within(row).getByText('team-orders')).toBeInTheDocument();
    expect(within(row).getByText('orders-connect')).toBeInTheDocument();
    expect(within(row).getByText('eu-1')).toBeInTheDocument();
    const orphanRow = screen.getByText('orphan').closest('tr')!;
    expect(within(orphanRow).getByText('no owner')).toBeInTheDocument();
    expect(screen.getByText(/3 connectors/)).toBeInTheDocument();

    fireEvent.mouseDown(
      within(screen.getByTestId('owner-filter')).getByRole('button'),
    );
    fireEvent.click(await screen.findByRole('option', { name: 'No owner' }));
    expect(screen.queryByText('orders-cdc')).not.toBeInTheDocument();
    expect(screen.queryByText('billing-sink')).not.toBeInTheDocument();
    expect(screen.getByText('orphan')).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    await renderPage({
      getConnectors: async () => {
        throw new Error('backend down');
      },
    });
    expect((await screen.findAllByText(/backend down/))[0]).toBeInTheDocument();
  });
});
