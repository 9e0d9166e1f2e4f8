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

// The page renders two tables with links and chips: slow in jsdom on a busy machine.
jest.setTimeout(60_000);

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
    expect(within(row).getByText('on eu-1 · orders')).toBeInTheDocument();
    expect(within(row).getByText('orders-cdc').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/resource/kctr.eu-1.orders.orders-cdc',
    );
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
    const connectorRows = screen
      .getAllByRole('row')
      .filter(row => /c-\d{3}/.test(row.textContent ?? ''));
    expect(connectorRows).toHaveLength(50);
    expect(screen.getByText('1-50 of 120')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    // Fifty new rows take a while to draw on a busy 2-core machine.
    expect(
      await screen.findByText('c-050', undefined, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByText('c-000')).not.toBeInTheDocument();
    expect(backend.queries.at(-1)).toMatchObject({ offset: 50, limit: 50 });

    await choose('sort-field', 'Name');
    await choose('sort-order', 'Descending');
    expect(
      await screen.findByText('c-119', undefined, { timeout: 15_000 }),
    ).toBeInTheDocument();
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
      await screen.findByText('10 connectors: 10 healthy', undefined, {
        timeout: 15_000,
      }),
    ).toBeInTheDocument();
  }, 60_000);

  it('shows the fleet per health as chips that filter, and each owner per health, worst owner first', async () => {
    const fleet = [
      ...items,
      summary('orders-sink', {
        owner: 'group:default/team-orders',
        health: 'failed',
        reason: 'Connector failed',
      }),
      summary('orders-audit', {
        owner: 'group:default/team-orders',
        health: 'failed',
        reason: 'Connector failed',
      }),
    ];
    const backend = serverSide(fleet);
    await renderPage(backend);
    const chips = await screen.findByTestId('fleet-health');
    expect(chips).toHaveTextContent('All 5');
    expect(chips).toHaveTextContent('3 failed');

    const owners = within(screen.getByTestId('owner-totals'))
      .getAllByRole('row')
      .slice(1)
      .map(row => row.getAttribute('data-testid'));
    expect(owners).toEqual([
      'owner-total-group:default/team-orders',
      'owner-total-group:default/team-billing',
      'owner-total-none',
    ]);
    const orders = screen.getByTestId('owner-total-group:default/team-orders');
    // failed, degraded, healthy, total
    expect(
      within(orders)
        .getAllByRole('cell')
        .slice(1, 5)
        .map(cell => cell.textContent),
    ).toEqual(['2', '0', '1', '3']);
    expect(
      within(orders).getByText('team-orders').closest('a'),
    ).toHaveAttribute('href', '/catalog/default/group/team-orders');

    fireEvent.click(screen.getByTestId('health-chip-failed'));
    await waitFor(() =>
      expect(backend.queries.at(-1)).toMatchObject({ health: 'failed' }),
    );
    await waitFor(() =>
      expect(screen.queryByText('orphan')).not.toBeInTheDocument(),
    );
    // The fleet's totals stay while the list is filtered.
    expect(screen.getByTestId('fleet-health')).toHaveTextContent('All 5');

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Show the connectors of group:default/team-billing',
      }),
    );
    await waitFor(() =>
      expect(backend.queries.at(-1)).toMatchObject({
        health: 'failed',
        owner: 'group:default/team-billing',
      }),
    );
    expect(
      await screen.findByText('1 connector: 1 failed'),
    ).toBeInTheDocument();
  });

  it('shows how long each connector is in its health, and asks the backend to sort by it', async () => {
    const now = Date.now();
    const timed = [
      summary('recent', {
        health: 'failed',
        reason: 'Connector failed',
        healthSince: new Date(now - (2 * 60 + 14.5) * 60_000).toISOString(),
      }),
      summary('unrecorded'),
    ];
    const backend = serverSide(timed);
    await renderPage(backend);
    expect(await screen.findByTestId('health-since-recent')).toHaveTextContent(
      '2 h 14 min',
    );
    expect(screen.getByText('unrecorded').closest('tr')).toHaveTextContent(
      'not recorded',
    );
    await choose('sort-field', 'Time in its health (longest first)');
    await waitFor(() =>
      expect(backend.queries.at(-1)).toMatchObject({ sort: 'healthSince' }),
    );
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
