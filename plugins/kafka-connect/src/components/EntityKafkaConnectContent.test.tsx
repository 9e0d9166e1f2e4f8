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
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { KafkaConnectApi, kafkaConnectApiRef } from '../api';
import { EntityKafkaConnectContent } from './EntityKafkaConnectContent';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-orders', namespace: 'default' },
  spec: {},
};

const summary = (
  name: string,
  overrides: Partial<ConnectorSummary>,
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
  entityRef: `resource:default/${name}`,
  apiVersion: 'kafka.strimzi.io/v1',
  labels: {},
  stale: false,
  ...overrides,
});

async function renderTab(api: Partial<KafkaConnectApi>) {
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
        <EntityKafkaConnectContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

// Two tables with details panels: slow in jsdom on a busy machine.
jest.setTimeout(60_000);

/** Opens the details panel of the index-th connector row (worst first). */
const openDetails = (index: number) =>
  fireEvent.click(
    screen.getAllByRole('button', {
      name: 'Detail panel visiblity toggle',
    })[index],
  );

describe('EntityKafkaConnectContent', () => {
  it("draws each connector's health timeline for 24 h, and for 7 days when asked", async () => {
    const getConnectorHistory = jest.fn(async () => ({
      since: '',
      items: [
        {
          from: null,
          to: 'failed' as const,
          reason: 'All 2 tasks failed',
          at: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        },
      ],
    }));
    await renderTab({
      getEntityConnectors: async () => ({
        items: [
          summary('billing-sink', {
            health: 'failed',
            reason: 'All 2 tasks failed',
          }),
        ],
        connectClusters: [],
        clusters: [],
      }),
      getConnectorHistory,
    });
    expect(
      await screen.findByTestId('time-in-state-billing-sink'),
    ).toHaveTextContent('failing for 3 h');
    const ageOfSince = () => {
      const calls = getConnectorHistory.mock.calls as unknown as [
        unknown,
        Date,
      ][];
      return Math.round(
        (Date.now() - calls[calls.length - 1][1].getTime()) / 3_600_000,
      );
    };
    expect(ageOfSince()).toBe(24);
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Health history of the last 7 days',
      }),
    );
    await waitFor(() => expect(ageOfSince()).toBe(7 * 24));
    expect(
      (await screen.findByTestId('health-timeline-billing-sink')).querySelector(
        '[role="img"]',
      ),
    ).toHaveAttribute(
      'aria-label',
      'Health of billing-sink over the last 168 hours',
    );
  });

  it('lists connectors with topics, auto-restarts and the Connect clusters involved', async () => {
    const response: EntityConnectorsResponse = {
      items: [
        summary('orders-cdc', {
          topics: ['shop.orders'],
          autoRestart: { enabled: true, count: 3, gaveUp: false },
          connectCluster: 'orders-connect',
        }),
        summary('billing-sink', {
          health: 'failed',
          reason: 'All 2 tasks failed',
          cluster: 'us-1',
        }),
      ],
      connectClusters: [
        {
          cluster: 'eu-1',
          namespace: 'orders',
          name: 'orders-connect',
          kind: 'KafkaConnect',
          ready: true,
          replicas: 2,
          plugins: [{ class: 'io.debezium.connector.mysql.MySqlConnector' }],
          connectorResourcesEnabled: true,
          entityRef: 'resource:default/kc.eu-1.orders.orders-connect',
          stale: false,
        },
      ],
      clusters: [],
    };
    await renderTab({ getEntityConnectors: async () => response });
    expect(await screen.findByText('Kafka connectors')).toBeInTheDocument();
    const chips = screen.getByTestId('tab-health-chips');
    expect(chips).toHaveTextContent('All 2');
    expect(chips).toHaveTextContent('1 failed');
    const row = screen.getByText('orders-cdc').closest('tr')!;
    expect(within(row).getByText('orders-connect')).toBeInTheDocument();
    // Worst first: the failed connector leads, its reason as the cause line.
    const names = screen
      .getAllByText(/^(orders-cdc|billing-sink)$/)
      .map(element => element.textContent);
    expect(names).toEqual(['billing-sink', 'orders-cdc']);
    expect(screen.getByTestId('tab-root-cause-billing-sink')).toHaveTextContent(
      'All 2 tasks failed',
    );
    // Automatic restarts and topics are among the details.
    openDetails(1);
    expect(
      await screen.findByTestId('tab-connector-details-orders-cdc'),
    ).toHaveTextContent('3 so far');
    expect(
      screen.getByTestId('tab-connector-details-orders-cdc'),
    ).toHaveTextContent('shop.orders');
    fireEvent.click(screen.getByTestId('health-chip-healthy'));
    await waitFor(() =>
      expect(screen.queryByText('billing-sink')).not.toBeInTheDocument(),
    );
    expect(screen.getByText('Connect clusters')).toBeInTheDocument();
    expect(screen.getByText('MySqlConnector')).toBeInTheDocument();
  });

  it('shows Warnings and automatic restarts under the reason, and a table per MirrorMaker 2', async () => {
    const component = {
      ...summary('eu->us.MirrorSourceConnector', {}),
      health: 'degraded' as const,
      reason: '1 of 2 tasks failed: boom',
      desiredState: 'running' as const,
      inSpec: true,
      reported: true,
      autoRestart: { enabled: true, count: 2, gaveUp: false },
      mirror: {
        index: 0,
        role: 'sourceConnector' as const,
        topicsPattern: 'orders.*',
      },
    };
    await renderTab({
      getEntityConnectors: async () => ({
        items: [
          summary('orders-cdc', {
            health: 'failed',
            reason: 'All 1 tasks failed',
            warnings: ['DeprecatedFields: spec.pause is deprecated'],
            autoRestart: {
              enabled: true,
              count: 5,
              maxRestarts: 5,
              gaveUp: true,
            },
          }),
          summary('mirror', {
            kind: 'KafkaMirrorMaker2',
            health: 'degraded',
            components: [component],
          }),
        ],
        connectClusters: [],
        clusters: [],
      }),
    });
    await screen.findByText('orders-cdc');
    openDetails(0);
    const details = await screen.findByTestId('tab-health-details-orders-cdc');
    expect(details).toHaveTextContent(
      'Warning: DeprecatedFields: spec.pause is deprecated',
    );
    expect(details).toHaveTextContent('Automatic restart gave up after 5 of 5');
    expect(
      screen.getByText('Connectors of MirrorMaker 2 mirror (eu-1)'),
    ).toBeInTheDocument();
    const row = screen.getByTestId(
      'mm2-connector-eu->us.MirrorSourceConnector',
    );
    expect(row).toHaveTextContent('topics orders.*');
    expect(row).toHaveTextContent('2 automatic restarts');
  });

  it('explains how to link connectors when there are none', async () => {
    await renderTab({
      getEntityConnectors: async () => ({
        items: [],
        connectClusters: [],
        clusters: [],
      }),
    });
    expect(
      await screen.findByText('No Kafka connectors linked to this entity'),
    ).toBeInTheDocument();
  });
});
