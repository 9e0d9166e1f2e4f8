import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  KafkaConnectClient,
  type ClusterListResponse,
} from '@kcs/plugin-kafka-connect-common';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fireEvent, screen, within } from '@testing-library/react';
import { KafkaConnectApi, kafkaConnectApiRef } from '../../api';
import {
  KafkaConnectClusterPicker,
  validateKafkaConnectClusterChoice,
} from './KafkaConnectClusterPicker';

const MYSQL = 'io.debezium.connector.mysql.MySqlConnector';

function connect(name: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'KafkaConnect' as const,
    cluster: 'eu-1',
    namespace: 'orders',
    name,
    ready: true,
    plugins: [{ class: MYSQL }],
    connectorResourcesEnabled: true,
    entityRef: `resource:default/kc.eu-1.orders.${name}`,
    stale: false,
    ...overrides,
  };
}

const clusters: ClusterListResponse = {
  items: [
    {
      name: 'eu-1',
      synced: true,
      connectClusters: [
        connect('orders-connect'),
        connect('http-only', {
          plugins: [{ class: 'io.aiven.kafka.connect.http.HttpSinkConnector' }],
        }),
        connect('starting', { ready: false }),
        { ...connect('mm2'), kind: 'KafkaMirrorMaker2' as const },
      ],
    },
  ],
};

async function renderPicker(getClusters: () => Promise<ClusterListResponse>) {
  const onChange = jest.fn();
  const api = { getClusters } as unknown as KafkaConnectApi;
  await renderInTestApp(
    <TestApiProvider apis={[[kafkaConnectApiRef, api]]}>
      <KafkaConnectClusterPicker
        {...({
          onChange,
          formData: undefined,
          required: true,
          rawErrors: [],
          schema: { title: 'Connect cluster' },
          uiSchema: { 'ui:options': { requiredPlugin: MYSQL } },
        } as any)}
      />
    </TestApiProvider>,
  );
  return onChange;
}

describe('KafkaConnectClusterPicker', () => {
  it('lists KafkaConnect clusters, marks those lacking the plugin or not ready, and returns the pick', async () => {
    const onChange = await renderPicker(async () => clusters);
    fireEvent.mouseDown(await screen.findByRole('button'));
    const listbox = within(await screen.findByRole('listbox'));
    const options = listbox.getAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'eu-1/orders/orders-connect',
      'eu-1/orders/http-only (lacks MySqlConnector)',
      'eu-1/orders/starting (not ready)',
    ]);
    expect(options.map(o => o.getAttribute('aria-disabled'))).toEqual([
      'false',
      'true',
      'true',
    ]);
    fireEvent.click(options[0]);
    expect(onChange).toHaveBeenCalledWith({
      cluster: 'eu-1',
      namespace: 'orders',
      name: 'orders-connect',
    });
  });

  it('says the backend plugin is not installed when the real client gets an empty 404', async () => {
    // A backend without the plugin: Backstage's root router answers every
    // unknown path with an empty 404.
    const server = http.createServer((_req, res) => {
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    try {
      const { port } = server.address() as AddressInfo;
      const client = new KafkaConnectClient({
        discoveryApi: {
          getBaseUrl: async () => `http://127.0.0.1:${port}/api/kafka-connect`,
        },
        fetchApi: { fetch: (...args) => fetch(...args) },
      });
      await renderPicker(() => client.getClusters());
      expect(
        await screen.findByText(
          /Cannot list Connect clusters: the kafka-connect backend plugin is not installed/,
        ),
      ).toBeInTheDocument();
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });
});

describe('validateKafkaConnectClusterChoice', () => {
  it('refuses a partial choice and accepts a full one', () => {
    const addError = jest.fn();
    validateKafkaConnectClusterChoice(
      { cluster: 'eu-1', namespace: '', name: 'x' },
      { addError },
    );
    expect(addError).toHaveBeenCalledWith(
      expect.stringMatching(/Pick a Connect cluster/),
    );
    addError.mockClear();
    validateKafkaConnectClusterChoice(
      { cluster: 'eu-1', namespace: 'orders', name: 'x' },
      { addError },
    );
    expect(addError).not.toHaveBeenCalled();
  });
});
