import { alertApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { KafkaConnectApi, kafkaConnectApiRef } from '../../api';
import { ConnectorActions } from '../ConnectorActions';
import { useState } from 'react';
import { ConnectorOffsetsDialog } from './ConnectorOffsetsDialog';

function connector(
  overrides: Partial<ConnectorSummary> = {},
): ConnectorSummary {
  return {
    cluster: 'eu-1',
    namespace: 'orders',
    name: 'orders-sink',
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
    topics: ['orders'],
    connectorState: 'RUNNING',
    desiredState: 'running',
    owner: 'group:default/team-orders',
    entityRef: 'resource:default/kctr.eu-1.orders.orders-sink',
    apiVersion: 'kafka.strimzi.io/v1',
    labels: {},
    stale: false,
    ...overrides,
  };
}

const listing = (kafkaOffset: number) => ({
  offsets: [
    {
      partition: { kafka_topic: 'orders', kafka_partition: 0 },
      offset: { kafka_offset: kafkaOffset },
    },
    {
      partition: { kafka_topic: 'orders', kafka_partition: 1 },
      offset: { kafka_offset: 5 },
    },
  ],
  listedAt: '2026-12-02T10:00:00.000Z',
  configMap: 'orders-sink-offsets',
});

async function render(element: JSX.Element, api: Partial<KafkaConnectApi>) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [kafkaConnectApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
        [alertApiRef, { post: jest.fn(), alert$: jest.fn() }],
      ]}
    >
      {element}
    </TestApiProvider>,
  );
}

const dialog = (target: ConnectorSummary) => (
  <ConnectorOffsetsDialog
    connector={target}
    open
    onClose={() => {}}
    pollMs={1}
  />
);

describe('ConnectorOffsetsDialog', () => {
  it('lists the offsets with when they were listed; List again keeps the last listing when it fails', async () => {
    const getConnectorOffsets = jest
      .fn()
      .mockResolvedValueOnce(listing(42))
      .mockRejectedValueOnce(new Error('The operator did not act within 60 s'))
      .mockResolvedValueOnce(listing(50));
    await render(dialog(connector()), { getConnectorOffsets });

    expect(await screen.findByText('orders / partition 0')).toBeInTheDocument();
    expect(screen.getByText('{"kafka_offset":42}')).toBeInTheDocument();
    expect(
      screen.getByText(/into ConfigMap orders-sink-offsets/),
    ).toBeInTheDocument();
    expect(document.querySelector('time')?.getAttribute('dateTime')).toBe(
      '2026-12-02T10:00:00.000Z',
    );

    fireEvent.click(screen.getByRole('button', { name: 'List again' }));
    expect(await screen.findByTestId('offsets-list-error')).toHaveTextContent(
      'The operator did not act within 60 s',
    );
    expect(screen.getByText('{"kafka_offset":42}')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'List again' }));
    expect(await screen.findByText('{"kafka_offset":50}')).toBeInTheDocument();
    expect(screen.queryByTestId('offsets-list-error')).not.toBeInTheDocument();
    expect(getConnectorOffsets).toHaveBeenCalledTimes(3);
  });

  it('resets a running connector: stop first, the name typed, the outcome, then resume', async () => {
    const runConnectorAction = jest.fn(async (_ref: unknown, action: any) => ({
      accepted: true as const,
      action: action.action,
    }));
    const getConnector = jest
      .fn()
      .mockResolvedValueOnce(connector({ connectorState: 'RUNNING' }))
      .mockResolvedValue(connector({ connectorState: 'STOPPED' }));
    const resetConnectorOffsets = jest.fn(async () => ({
      operation: 'reset' as const,
      outcome: { state: 'done' as const },
    }));
    await render(dialog(connector()), {
      getConnectorOffsets: jest.fn(async () => listing(42)),
      runConnectorAction,
      getConnector,
      resetConnectorOffsets,
    });
    await screen.findByText('orders / partition 0');
    fireEvent.click(screen.getByRole('button', { name: 'Reset offsets…' }));
    expect(
      screen.getByText(/changes offsets only of a stopped connector/),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Stop orders-sink' }));
    const field = await screen.findByLabelText('Connector name');
    expect(runConnectorAction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'orders-sink' }),
      { action: 'stop' },
    );
    expect(getConnector).toHaveBeenCalledTimes(2);

    const reset = screen.getByRole('button', { name: 'Reset offsets' });
    expect(reset).toBeDisabled();
    fireEvent.change(field, { target: { value: 'orders-sin' } });
    expect(reset).toBeDisabled();
    fireEvent.change(field, { target: { value: 'orders-sink' } });
    expect(reset).toBeEnabled();
    fireEvent.click(reset);
    expect(await screen.findByTestId('offsets-outcome')).toHaveTextContent(
      'Strimzi reset the offsets of orders-sink. orders-sink stays stopped until you resume it.',
    );
    expect(resetConnectorOffsets).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Resume orders-sink' }));
    await waitFor(() =>
      expect(screen.getByTestId('offsets-outcome')).toHaveTextContent(
        'orders-sink is resuming.',
      ),
    );
    expect(runConnectorAction).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'orders-sink' }),
      { action: 'resume' },
    );
  });

  it("alters a stopped connector's edited offsets only, and shows Strimzi's Warning when it refuses", async () => {
    const alterConnectorOffsets = jest.fn(async () => ({
      operation: 'alter' as const,
      outcome: {
        state: 'failed' as const,
        reason: 'AlterOffsets',
        message: 'PATCH /connectors/orders-sink/offsets returned 400',
      },
    }));
    await render(dialog(connector({ connectorState: 'STOPPED' })), {
      getConnectorOffsets: jest.fn(async () => listing(42)),
      alterConnectorOffsets,
    });
    await screen.findByText('orders / partition 0');
    fireEvent.click(screen.getByRole('button', { name: 'Alter offsets…' }));
    // Already stopped: straight to the editor.
    const flow = screen.getByTestId('offsets-alter-flow');
    const alter = within(flow).getByRole('button', { name: 'Alter offsets' });
    expect(alter).toBeDisabled();

    const first = screen.getByLabelText('Offset of orders / partition 0');
    fireEvent.change(first, { target: { value: '{"kafka_offset": ' } });
    expect(
      await screen.findByText(/^Not JSON: write an object/),
    ).toBeInTheDocument();
    expect(alter).toBeDisabled();
    fireEvent.change(first, { target: { value: '{"kafka_offset": 0}' } });
    expect(alter).toBeEnabled();
    fireEvent.click(alter);

    expect(await screen.findByTestId('offsets-outcome')).toHaveTextContent(
      'Strimzi could not alter the offsets (AlterOffsets): PATCH /connectors/orders-sink/offsets returned 400',
    );
    expect(alterConnectorOffsets).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'orders-sink' }),
      {
        offsets: [
          {
            partition: { kafka_topic: 'orders', kafka_partition: 0 },
            offset: { kafka_offset: 0 },
          },
        ],
      },
    );
  });

  it('shows why stopping failed and stays at that step', async () => {
    await render(dialog(connector()), {
      getConnectorOffsets: jest.fn(async () => listing(42)),
      runConnectorAction: jest.fn(async () => {
        throw new Error(
          'You may not operate KafkaConnector orders/orders-sink',
        );
      }),
    });
    await screen.findByText('orders / partition 0');
    fireEvent.click(screen.getByRole('button', { name: 'Reset offsets…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stop orders-sink' }));
    expect(await screen.findByTestId('offsets-error')).toHaveTextContent(
      'You may not operate KafkaConnector orders/orders-sink',
    );
    expect(
      screen.getByRole('button', { name: 'Stop orders-sink' }),
    ).toBeEnabled();
  });
});

describe("ConnectorOffsetsDialog for a MirrorMaker 2's source connector", () => {
  it('names each partition with its source cluster and says what its offset is', async () => {
    const SOURCE = 'us->eu.MirrorSourceConnector';
    const getConnectorOffsets = jest.fn(async () => ({
      offsets: [
        {
          partition: { cluster: 'us', partition: 0, topic: 'order-events' },
          offset: { offset: 19 },
        },
      ],
      listedAt: '2026-12-02T10:00:00.000Z',
      configMap: 'mirror-offsets',
    }));
    await render(
      <ConnectorOffsetsDialog
        connector={connector({ kind: 'KafkaMirrorMaker2', name: 'mirror' })}
        mirrorConnector={SOURCE}
        open
        onClose={jest.fn()}
      />,
      { getConnectorOffsets },
    );
    expect(
      await screen.findByText('order-events / partition 0 (source cluster us)'),
    ).toBeInTheDocument();
    expect(screen.getByText('{"offset":19}')).toBeInTheDocument();
    expect(screen.getByTestId('mirror-source-offsets-note')).toHaveTextContent(
      'the last record mirrored',
    );
  });

  it("adds no such note to a KafkaConnector's offsets", async () => {
    await render(dialog(connector()), {
      getConnectorOffsets: jest.fn(async () => listing(42)),
    });
    await screen.findByText('orders / partition 0');
    expect(
      screen.queryByTestId('mirror-source-offsets-note'),
    ).not.toBeInTheDocument();
  });
});

describe('ConnectorOffsetsDialog in a polling card', () => {
  it('keeps the flow when the card hands over a fresher summary of the same connector', async () => {
    const getConnectorOffsets = jest.fn(async () => listing(42));
    // What the card's next poll does: the same connector, a new object.
    function PollingCard() {
      const [summary, setSummary] = useState(connector());
      return (
        <>
          <button onClick={() => setSummary(connector({ reason: 'polled' }))}>
            poll
          </button>
          {dialog(summary)}
        </>
      );
    }
    await render(<PollingCard />, { getConnectorOffsets });
    await screen.findByText('orders / partition 0');
    fireEvent.click(screen.getByRole('button', { name: 'Reset offsets…' }));
    expect(screen.getByTestId('offsets-reset-flow')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'poll', hidden: true }));
    expect(screen.getByTestId('offsets-reset-flow')).toBeInTheDocument();
    expect(getConnectorOffsets).toHaveBeenCalledTimes(1);
  });
});

describe('the Offsets menu item', () => {
  it('opens the offsets view', async () => {
    const getConnectorOffsets = jest.fn(async () => listing(42));
    await render(<ConnectorActions connector={connector()} />, {
      getConnectorOffsets,
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Actions for orders-sink' }),
    );
    fireEvent.click(screen.getByRole('menuitem', { name: 'Offsets…' }));
    expect(
      await screen.findByText('Offsets of orders-sink'),
    ).toBeInTheDocument();
    expect(await screen.findByText('orders / partition 1')).toBeInTheDocument();
  });

  it('is disabled with the reason where Strimzi has no offsets support', async () => {
    const reason =
      'Strimzi 0.43.0 cannot list, alter or reset connector offsets: … came with Strimzi 0.44.';
    const getConnectorOffsets = jest.fn();
    await render(
      <ConnectorActions
        connector={connector({ offsetsUnsupported: reason })}
      />,
      { getConnectorOffsets },
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Actions for orders-sink' }),
    );
    const item = screen.getByRole('menuitem', { name: 'Offsets…' });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    fireEvent.mouseOver(item.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(reason);
    expect(getConnectorOffsets).not.toHaveBeenCalled();
  });
});

describe('the Offsets menu items of a KafkaMirrorMaker2', () => {
  const SOURCE = 'eu->us.MirrorSourceConnector';
  const mirror = (state: string) =>
    connector({
      kind: 'KafkaMirrorMaker2',
      name: 'mirror',
      components: [
        { ...connector(), name: SOURCE, connectorState: state },
        { ...connector(), name: 'eu->us.MirrorCheckpointConnector' },
        {
          ...connector(),
          name: 'old->us.MirrorSourceConnector',
          inSpec: false,
        },
      ].map(component => ({
        desiredState: 'running' as const,
        inSpec: true,
        reported: true,
        ...component,
      })),
    });
  const ref = { cluster: 'eu-1', namespace: 'orders', name: 'mirror' };

  it('offer each connector the spec configures, and reset the chosen one: stopped, reset and resumed on its own', async () => {
    const runConnectorAction = jest.fn(async (_ref: unknown, action: any) => ({
      accepted: true as const,
      action: action.action,
    }));
    const getConnectorOffsets = jest.fn(async () => listing(42));
    const resetConnectorOffsets = jest.fn(async () => ({
      operation: 'reset' as const,
      outcome: { state: 'done' as const },
    }));
    await render(<ConnectorActions connector={mirror('RUNNING')} />, {
      getConnectorOffsets,
      runConnectorAction,
      getConnector: jest.fn(async () => mirror('STOPPED')),
      resetConnectorOffsets,
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Actions for mirror' }),
    );
    expect(
      screen
        .getAllByRole('menuitem')
        .map(item => item.textContent)
        .filter(text => text?.startsWith('Offsets')),
    ).toEqual([
      `Offsets of ${SOURCE}…`,
      'Offsets of eu->us.MirrorCheckpointConnector…',
    ]);
    fireEvent.click(
      screen.getByRole('menuitem', { name: `Offsets of ${SOURCE}…` }),
    );
    expect(
      await screen.findByText('in KafkaMirrorMaker2 mirror'),
    ).toBeInTheDocument();
    await screen.findByText('orders / partition 0');
    expect(getConnectorOffsets).toHaveBeenCalledWith({
      ...ref,
      connector: SOURCE,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Reset offsets…' }));
    fireEvent.click(screen.getByRole('button', { name: `Stop ${SOURCE}` }));
    const field = await screen.findByLabelText('Connector name');
    expect(runConnectorAction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'mirror' }),
      { action: 'stop', connector: SOURCE },
    );
    fireEvent.change(field, { target: { value: SOURCE } });
    fireEvent.click(screen.getByRole('button', { name: 'Reset offsets' }));
    expect(await screen.findByTestId('offsets-outcome')).toHaveTextContent(
      `Strimzi reset the offsets of ${SOURCE}.`,
    );
    expect(resetConnectorOffsets).toHaveBeenCalledWith({
      ...ref,
      connector: SOURCE,
    });
    fireEvent.click(screen.getByRole('button', { name: `Resume ${SOURCE}` }));
    await waitFor(() =>
      expect(runConnectorAction).toHaveBeenLastCalledWith(
        expect.objectContaining({ name: 'mirror' }),
        { action: 'resume', connector: SOURCE },
      ),
    );
  });
});
