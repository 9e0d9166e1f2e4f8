import { EntityProvider } from '@backstage/plugin-catalog-react';
import { configApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  MockConfigApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type {
  ConnectorSummary,
  EntityConnectorsResponse,
} from '@kcs/plugin-kafka-connect-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { KafkaConnectApi, kafkaConnectApiRef } from '../api';
import { EntityKafkaConnectCard, formatTasks } from './EntityKafkaConnectCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-service', namespace: 'default' },
  spec: {},
};

function connector(
  name: string,
  overrides: Partial<ConnectorSummary> = {},
): ConnectorSummary {
  return {
    cluster: 'eu-1',
    namespace: 'orders',
    name,
    kind: 'KafkaConnector',
    health: 'healthy',
    reason: 'All 2 tasks running',
    tasks: {
      total: 2,
      running: 2,
      failed: 0,
      paused: 0,
      unassigned: 0,
      restarting: 0,
    },
    failingTasks: [],
    warnings: [],
    topics: [],
    connectCluster: 'orders-connect',
    entityRef: `resource:default/kctr.eu-1.orders.${name}`,
    apiVersion: 'kafka.strimzi.io/v1',
    labels: {},
    stale: false,
    ...overrides,
  };
}

const degraded = connector('orders-cdc', {
  health: 'degraded',
  reason: '1 of 2 tasks failed',
  tasks: {
    total: 2,
    running: 1,
    failed: 1,
    paused: 0,
    unassigned: 0,
    restarting: 0,
  },
  failingTasks: [
    {
      id: 1,
      state: 'FAILED',
      workerId: 'connect-1:8083',
      trace:
        'org.apache.kafka.connect.errors.ConnectException: boom\n\tat a\n\tat b\n\tat hidden-frame',
    },
  ],
});

async function renderCard(api: Partial<KafkaConnectApi>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [kafkaConnectApiRef, api],
        [permissionApiRef, mockApis.permission()],
        [
          configApiRef,
          new MockConfigApi({
            kafkaConnect: { frontend: { refreshIntervalSeconds: 0 } },
          }),
        ],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityKafkaConnectCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

const response = (
  items: ConnectorSummary[],
  clusters: EntityConnectorsResponse['clusters'] = [],
) => ({ items, connectClusters: [], clusters } as EntityConnectorsResponse);

// Rows with menus and timelines: slow in jsdom on a busy machine.
jest.setTimeout(60_000);

const findName = async (name: string) => {
  await screen.findByTestId(`connector-row-${name}`);
  return name;
};

const expand = (name: string) =>
  fireEvent.click(
    screen.getByRole('button', { name: `Show details of ${name}` }),
  );

describe('EntityKafkaConnectCard', () => {
  it('shows health chips, one line per connector with the root cause, and details on opening a row', async () => {
    const getEntityConnectors = jest.fn(async () =>
      response([connector('orders-sink'), degraded]),
    );
    await renderCard({ getEntityConnectors });
    const chips = await screen.findByTestId('kafka-connect-summary');
    expect(chips).toHaveTextContent('All 2');
    expect(chips).toHaveTextContent('1 degraded');
    expect(chips).toHaveTextContent('1 healthy');
    expect(getEntityConnectors).toHaveBeenCalledWith(
      'component:default/orders-service',
    );
    expect(screen.getByTestId('root-cause-orders-cdc')).toHaveTextContent(
      'ConnectException: boom',
    );
    expect(screen.queryByTestId('root-cause-orders-sink')).toBeNull();
    expect(screen.getByText('1/2, 1 failed')).toBeInTheDocument();
    // Details are behind the row.
    expect(screen.queryByText('orders-connect on eu-1')).toBeNull();
    expand('orders-cdc');
    const details = await screen.findByTestId('connector-details-orders-cdc');
    expect(details).toHaveTextContent('orders-connect on eu-1');
    expect(details).toHaveTextContent('1 of 2 tasks failed');
  });

  it('lists the worst health first, whatever order the backend answers in', async () => {
    await renderCard({
      getEntityConnectors: async () =>
        response([
          connector('a-healthy'),
          connector('b-paused', {
            health: 'paused',
            reason: 'Paused on request',
          }),
          degraded,
          connector('z-failed', {
            health: 'failed',
            reason: 'Connector failed: x',
          }),
        ]),
    });
    await screen.findByTestId('connector-row-z-failed');
    expect(
      screen
        .getAllByTestId(/^connector-row-/)
        .map(row => row.getAttribute('data-testid')),
    ).toEqual([
      'connector-row-z-failed',
      'connector-row-orders-cdc',
      'connector-row-b-paused',
      'connector-row-a-healthy',
    ]);
  });

  it('shows only the connectors of a health chip clicked, and all again on a second click', async () => {
    await renderCard({
      getEntityConnectors: async () =>
        response([connector('orders-sink'), connector('audit-sink'), degraded]),
    });
    const chip = await screen.findByTestId('health-chip-degraded');
    fireEvent.click(chip);
    expect(screen.getAllByTestId(/^connector-row-/)).toHaveLength(1);
    expect(screen.getByTestId('connector-row-orders-cdc')).toBeInTheDocument();
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(screen.getByTestId('health-chip-healthy'));
    expect(
      screen
        .getAllByTestId(/^connector-row-/)
        .map(row => row.getAttribute('data-testid')),
    ).toEqual(['connector-row-audit-sink', 'connector-row-orders-sink']);
    fireEvent.click(screen.getByTestId('health-chip-healthy'));
    expect(screen.getAllByTestId(/^connector-row-/)).toHaveLength(3);
  });

  it('shows failing tasks with worker and trace preview, and the full trace in a dialog', async () => {
    await renderCard({ getEntityConnectors: async () => response([degraded]) });
    expand(await findName('orders-cdc'));
    expect(await screen.findByText(/on connect-1:8083/)).toBeInTheDocument();
    expect(screen.queryByText(/hidden-frame/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Full trace' }));
    expect(await screen.findByText(/hidden-frame/)).toBeInTheDocument();
  });

  it('shows the next automatic restart, Warnings and a waiting restart request', async () => {
    // 12.5 min ahead: "in 12 min" however long rendering takes.
    const nextRestartAt = new Date(Date.now() + 12.5 * 60_000).toISOString();
    const failing = connector('orders-cdc', {
      health: 'failed',
      reason:
        'All 1 tasks failed: java.sql.SQLException: password authentication failed; automatic restart 4 due at 2026-03-01T10:12:00.000Z',
      autoRestart: {
        enabled: true,
        count: 3,
        lastRestartTimestamp: '2026-03-01T10:00:00Z',
        nextRestartAt,
        gaveUp: false,
      },
      warnings: ['DeprecatedFields: spec.pause is deprecated'],
      restartRequest: { annotation: 'strimzi.io/restart', value: 'true' },
    });
    const exhausted = connector('orders-sink', {
      health: 'failed',
      reason: 'Connector failed: boom',
      autoRestart: { enabled: true, count: 5, maxRestarts: 5, gaveUp: true },
    });
    const off = connector('orders-audit', {
      health: 'degraded',
      reason: '1 of 2 tasks failed',
      autoRestart: { enabled: false, count: 0, gaveUp: false },
    });
    await renderCard({
      getEntityConnectors: async () => response([failing, exhausted, off]),
    });
    for (const name of ['orders-cdc', 'orders-sink', 'orders-audit']) {
      expand(await findName(name));
    }
    const details = await screen.findByTestId('health-details-orders-cdc');
    expect(details).toHaveTextContent('3 automatic restarts; next in 12 min');
    // The exact time is the element's, shown on hover; no ISO string is read out.
    expect(details.querySelector('time')).toHaveAttribute(
      'dateTime',
      nextRestartAt,
    );
    expect(details).not.toHaveTextContent(/\d{4}-\d\d-\d\dT/);
    expect(details).toHaveTextContent(
      'Restart requested (strimzi.io/restart: true), waiting for the operator',
    );
    expect(details).toHaveTextContent(
      'Warning: DeprecatedFields: spec.pause is deprecated',
    );
    expect(screen.getByTestId('health-details-orders-sink')).toHaveTextContent(
      'Automatic restart gave up after 5 of 5: restart it by hand',
    );
    expect(screen.getByTestId('health-details-orders-audit')).toHaveTextContent(
      'Automatic restart: off',
    );
  });

  it('shows each connector of a MirrorMaker 2 with its health, tasks and patterns', async () => {
    const component = (name: string, overrides: object) => ({
      ...connector(name),
      desiredState: 'running' as const,
      inSpec: true,
      reported: true,
      ...overrides,
    });
    const mirror = connector('mirror', {
      kind: 'KafkaMirrorMaker2',
      health: 'unknown',
      reason: 'eu->us.MirrorCheckpointConnector: Missing from the status: ...',
      components: [
        component('eu->us.MirrorCheckpointConnector', {
          health: 'unknown',
          reason:
            'Missing from the status: The Connect REST API could not be reached',
          reported: false,
          tasks: { ...degraded.tasks, total: 0, running: 0, failed: 0 },
          failingTasks: [],
          mirror: {
            index: 0,
            role: 'checkpointConnector',
            groupsPattern: 'orders-.*',
            topicsPattern: 'orders.*',
          },
        }),
        component('eu->us.MirrorSourceConnector', {
          health: 'degraded',
          reason: '1 of 2 tasks failed: boom',
          tasks: degraded.tasks,
          failingTasks: [{ id: 1, state: 'FAILED', trace: 'boom' }],
          mirror: {
            index: 0,
            role: 'sourceConnector',
            topicsPattern: 'orders.*',
          },
        }),
      ],
    });
    await renderCard({ getEntityConnectors: async () => response([mirror]) });
    expand(await findName('mirror'));
    const checkpoint = await screen.findByTestId(
      'mm2-connector-eu->us.MirrorCheckpointConnector',
    );
    expect(checkpoint).toHaveTextContent('unknown');
    expect(checkpoint).toHaveTextContent('could not be reached');
    expect(checkpoint).toHaveTextContent('groups orders-.*');
    const source = screen.getByTestId(
      'mm2-connector-eu->us.MirrorSourceConnector',
    );
    expect(source).toHaveTextContent('1/2, 1 failed');
    expect(source).toHaveTextContent('topics orders.*');
    expect(
      screen.getByRole('button', {
        name: 'Restart eu->us.MirrorSourceConnector task 1',
      }),
    ).toBeInTheDocument();
  });

  it('shows a skeleton while loading', async () => {
    await renderCard({ getEntityConnectors: () => new Promise(() => {}) });
    expect(
      await screen.findByTestId('kafka-connect-loading'),
    ).toBeInTheDocument();
  });

  it('explains how to link connectors when there are none', async () => {
    await renderCard({ getEntityConnectors: async () => response([]) });
    expect(
      await screen.findByText('No Kafka connectors linked to this entity'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/backstage\.io\/kubernetes-id/),
    ).toBeInTheDocument();
  });

  it('shows an error panel when loading fails', async () => {
    await renderCard({
      getEntityConnectors: async () => {
        throw new Error('backend down');
      },
    });
    expect(await screen.findByText('Error: backend down')).toBeInTheDocument();
  });

  it('warns about an unreachable cluster without hiding the connectors', async () => {
    await renderCard({
      getEntityConnectors: async () =>
        response(
          [connector('orders-sink', { stale: true })],
          [
            {
              name: 'eu-1',
              synced: false,
              error: 'connect ECONNREFUSED',
              lastSyncAt: new Date(Date.now() - 3 * 60_000).toISOString(),
            },
          ],
        ),
    });
    expect(
      await screen.findByText(
        'Cluster eu-1 unreachable (connect ECONNREFUSED), data from 3 min ago',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('orders-sink')).toBeInTheDocument();
    expect(screen.getByText('last known state')).toBeInTheDocument();
  });

  it('keeps the last data when a refresh fails', async () => {
    const getEntityConnectors = jest
      .fn()
      .mockResolvedValueOnce(response([connector('orders-sink')]))
      .mockRejectedValueOnce(new Error('timeout'));
    await renderCard({ getEntityConnectors });
    expect(await screen.findByText('orders-sink')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() =>
      expect(
        screen.getByText(/Refresh failed \(timeout\)/),
      ).toBeInTheDocument(),
    );
    expect(screen.getByText('orders-sink')).toBeInTheDocument();
  });
});

describe('formatTasks', () => {
  it('shows failed and paused counts only when non-zero', () => {
    expect(formatTasks(connector('a'))).toBe('2/2');
    expect(
      formatTasks(
        connector('b', {
          tasks: {
            total: 3,
            running: 1,
            failed: 1,
            paused: 1,
            unassigned: 0,
            restarting: 0,
          },
        }),
      ),
    ).toBe('1/3, 1 failed, 1 paused');
  });
});
