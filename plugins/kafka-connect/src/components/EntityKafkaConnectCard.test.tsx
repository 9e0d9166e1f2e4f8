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

describe('EntityKafkaConnectCard', () => {
  it('shows a summary, one row per connector, and the reason of what is not healthy', async () => {
    const getEntityConnectors = jest.fn(async () =>
      response([connector('orders-sink'), degraded]),
    );
    await renderCard({ getEntityConnectors });
    expect(
      await screen.findByText('2 connectors: 1 healthy, 1 degraded'),
    ).toBeInTheDocument();
    expect(getEntityConnectors).toHaveBeenCalledWith(
      'component:default/orders-service',
    );
    expect(screen.getByText('1 of 2 tasks failed')).toBeInTheDocument();
    expect(screen.getByText('1/2, 1 failed')).toBeInTheDocument();
    expect(screen.getAllByText('orders-connect on eu-1')).toHaveLength(2);
  });

  it('shows failing tasks with worker and trace preview, and the full trace in a dialog', async () => {
    await renderCard({ getEntityConnectors: async () => response([degraded]) });
    expect(await screen.findByText(/on connect-1:8083/)).toBeInTheDocument();
    expect(screen.queryByText(/hidden-frame/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Full trace' }));
    expect(await screen.findByText(/hidden-frame/)).toBeInTheDocument();
  });

  it('shows the next automatic restart, Warnings and a waiting restart request', async () => {
    const nextRestartAt = '2026-03-01T10:12:00.000Z';
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
    const details = await screen.findByTestId('health-details-orders-cdc');
    expect(details).toHaveTextContent(
      `3 automatic restarts; next at ${new Date(
        nextRestartAt,
      ).toLocaleString()}`,
    );
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
