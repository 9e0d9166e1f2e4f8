import { configApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  MockConfigApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  ConnectorFilters,
  ConnectorListResponse,
  ConnectorSummary,
  queryConnectors,
} from '@kcs/plugin-kafka-connect-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { KafkaConnectApi, kafkaConnectApiRef } from '../../api';
import { KafkaConnectOwnershipPage } from './KafkaConnectOwnershipPage';

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

const clusters = [
  { name: 'eu-1', synced: true },
  { name: 'us-1', synced: true },
];

/** A backend stand-in answering with the shared query function, recording each query. */
function serverSide(all: ConnectorSummary[]) {
  const queries: ConnectorFilters[] = [];
  return {
    queries,
    getConnectors: async (
      query: ConnectorFilters = {},
    ): Promise<ConnectorListResponse> => {
      queries.push(query);
      return { ...queryConnectors(all, query), clusters };
    },
  };
}

const choose = async (testId: string, option: string) => {
  fireEvent.mouseDown(within(screen.getByTestId(testId)).getByRole('button'));
  fireEvent.click(await screen.findByRole('option', { name: option }));
};

describe('KafkaConnectOwnershipPage', () => {
  it('shows the page the backend answers with health, owner, cluster and Connect cluster, and asks the backend to filter', async () => {
    const backend = serverSide(items);
    await renderPage(backend);
    expect(await screen.findByText('orders-cdc')).toBeInTheDocument();
    expect(backend.queries[0]).toEqual({
      sort: 'health',
      order: 'asc',
      offset: 0,
      limit: 50,
    });
    const row = screen.getByText('orders-cdc').closest('tr')!;
    expect(within(row).getByText('team-orders')).toBeInTheDocument();
    expect(within(row).getByText('orders-connect')).toBeInTheDocument();
    expect(within(row).getByText('eu-1')).toBeInTheDocument();
    const orphanRow = screen.getByText('orphan').closest('tr')!;
    expect(within(orphanRow).getByText('no owner')).toBeInTheDocument();
    expect(
      screen.getByText('3 connectors: 1 healthy, 1 degraded, 1 failed'),
    ).toBeInTheDocument();

    await choose('owner-filter', 'No owner');
    await waitFor(() =>
      expect(screen.queryByText('orders-cdc')).not.toBeInTheDocument(),
    );
    expect(backend.queries.at(-1)).toMatchObject({ owner: 'none', offset: 0 });
    expect(screen.queryByText('billing-sink')).not.toBeInTheDocument();
    expect(screen.getByText('orphan')).toBeInTheDocument();
    expect(screen.getByText('1 connector: 1 degraded')).toBeInTheDocument();
  });

  it('pages through the backend 50 at a time, and sends search text and order', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      summary(`c-${String(i).padStart(3, '0')}`, {
        owner: `group:default/team-${i % 3}`,
      }),
    );
    const backend = serverSide(many);
    await renderPage(backend);
    expect(await screen.findByText('c-000')).toBeInTheDocument();
    expect(screen.getAllByRole('row').length).toBeLessThanOrEqual(52);
    expect(screen.getByText('1-50 of 120')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('c-050')).toBeInTheDocument();
    expect(screen.queryByText('c-000')).not.toBeInTheDocument();
    expect(backend.queries.at(-1)).toMatchObject({ offset: 50, limit: 50 });

    await choose('sort-field', 'Name');
    await choose('sort-order', 'Descending');
    expect(await screen.findByText('c-119')).toBeInTheDocument();
    expect(backend.queries.at(-1)).toMatchObject({
      sort: 'name',
      order: 'desc',
      offset: 0,
    });

    // Sent once typing pauses (300 ms).
    fireEvent.change(screen.getByTestId('connector-search'), {
      target: { value: 'c-11' },
    });
    await waitFor(
      () => expect(backend.queries.at(-1)).toMatchObject({ text: 'c-11' }),
      { timeout: 5000 },
    );
    expect(
      await screen.findByText('10 connectors: 10 healthy'),
    ).toBeInTheDocument();
  }, 30_000);

  it('shows an error panel when the backend fails', async () => {
    await renderPage({
      getConnectors: async () => {
        throw new Error('backend down');
      },
    });
    expect((await screen.findAllByText(/backend down/))[0]).toBeInTheDocument();
  });
});
