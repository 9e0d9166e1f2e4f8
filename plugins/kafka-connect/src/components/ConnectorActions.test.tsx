import { alertApiRef } from '@backstage/core-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { kafkaConnectApiRef } from '../api';
import {
  actionChoices,
  ConnectorActions,
  RestartTaskButton,
  tasksMaxProblem,
} from './ConnectorActions';

function connector(
  overrides: Partial<ConnectorSummary> = {},
): ConnectorSummary {
  return {
    cluster: 'eu-1',
    namespace: 'orders',
    name: 'orders-cdc',
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
    desiredState: 'running',
    owner: 'group:default/team-orders',
    entityRef: 'resource:default/kctr.eu-1.orders.orders-cdc',
    apiVersion: 'kafka.strimzi.io/v1',
    labels: {},
    stale: false,
    ...overrides,
  };
}

async function render(
  element: JSX.Element,
  options: { allowed?: boolean } = {},
) {
  const runConnectorAction = jest.fn(async (_ref: unknown, action: any) => ({
    accepted: true as const,
    action: action.action,
    generation: 7,
  }));
  const post = jest.fn();
  const authorize = jest.fn(() =>
    options.allowed === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  );
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [kafkaConnectApiRef, { runConnectorAction }],
        [permissionApiRef, mockApis.permission({ authorize })],
        [alertApiRef, { post, alert$: jest.fn() }],
      ]}
    >
      {element}
    </TestApiProvider>,
  );
  return { runConnectorAction, post, authorize };
}

describe('actionChoices', () => {
  it('offers what fits the desired state, the failed tasks and automatic restart', () => {
    expect(actionChoices(connector()).map(c => c.label)).toEqual([
      'Pause',
      'Stop',
      'Restart connector',
      'Restart connector and tasks',
      'Turn automatic restart on',
    ]);
    expect(
      actionChoices(
        connector({
          desiredState: 'paused',
          tasks: { ...connector().tasks, failed: 1 },
          autoRestart: { enabled: true, count: 0, gaveUp: false },
        }),
      ).map(c => c.label),
    ).toEqual([
      'Resume',
      'Stop',
      'Restart connector',
      'Restart connector and tasks',
      'Restart failed tasks',
      'Turn automatic restart off',
    ]);
    expect(
      actionChoices(connector({ desiredState: 'stopped' })).map(c => c.label),
    ).toEqual([
      'Resume',
      'Restart connector',
      'Restart connector and tasks',
      'Turn automatic restart on',
    ]);
    expect(
      actionChoices(connector({ connectorState: 'FAILED' })).map(c => c.label),
    ).toContain('Restart failed tasks');
  });

  it('offers restarts per connector of a KafkaMirrorMaker2, and state and auto-restart for those its spec names', () => {
    const source = 'eu->us.MirrorSourceConnector';
    const mirror = connector({
      kind: 'KafkaMirrorMaker2',
      components: [
        {
          ...connector(),
          name: source,
          tasks: { ...connector().tasks, failed: 1 },
          desiredState: 'paused',
          inSpec: true,
          reported: true,
          autoRestart: { enabled: true, count: 1, gaveUp: false },
        },
        {
          ...connector(),
          name: 'old->us.MirrorSourceConnector',
          desiredState: 'running',
          inSpec: false,
          reported: true,
        },
      ],
    });
    const choices = actionChoices(mirror);
    expect(choices.map(c => c.label)).toEqual([
      `Restart ${source}`,
      `Restart ${source} and its tasks`,
      `Restart failed tasks of ${source}`,
      `Resume ${source}`,
      `Stop ${source}`,
      `Turn automatic restart off for ${source}`,
      'Restart old->us.MirrorSourceConnector',
      'Restart old->us.MirrorSourceConnector and its tasks',
    ]);
    expect(choices[2].action).toEqual({
      action: 'restart',
      connector: source,
      includeTasks: true,
      onlyFailed: true,
    });
    expect(choices[5].action).toEqual({
      action: 'auto-restart',
      connector: source,
      enabled: false,
    });
  });

  it('keeps Stop, disabled with the reason, where the cluster has no spec.state (Strimzi before 0.38)', () => {
    const reason =
      "Action 'stop' needs spec.state, which came with Strimzi 0.38";
    const source = 'eu->us.MirrorSourceConnector';
    const mirror = connector({
      kind: 'KafkaMirrorMaker2',
      stopUnsupported: reason,
      components: [
        {
          ...connector(),
          name: source,
          desiredState: 'running',
          inSpec: true,
          reported: true,
        },
      ],
    });
    const stops = (summary: ConnectorSummary) =>
      actionChoices(summary).filter(c => c.action.action === 'stop');
    expect(stops(mirror)).toEqual([
      {
        label: `Stop ${source}`,
        action: { action: 'stop', connector: source },
        disabledReason: reason,
      },
    ]);
    expect(
      stops(connector({ stopUnsupported: reason }))[0].disabledReason,
    ).toBe(reason);
    expect(stops(connector())[0].disabledReason).toBeUndefined();
    // Pause and resume stay available.
    expect(
      actionChoices(mirror).find(c => c.action.action === 'pause'),
    ).not.toHaveProperty('disabledReason');
  });
});

describe('tasksMaxProblem', () => {
  it.each(['1', '5', ' 12 ', '1000'])('accepts %p', text => {
    expect(tasksMaxProblem(text)).toBeUndefined();
  });

  it.each([
    ['', 'Enter a whole number of tasks'],
    ['2.5', 'Enter a whole number of tasks'],
    ['-1', 'Enter a whole number of tasks'],
    ['1e3', 'Enter a whole number of tasks'],
    ['0', 'Enter a number from 1 to 1000'],
    ['1001', 'Enter a number from 1 to 1000'],
  ])('refuses %p', (text, problem) => {
    expect(tasksMaxProblem(text)).toBe(problem);
  });
});

describe('ConnectorActions', () => {
  it('scales a connector that no GitOps tool manages, after checking the number', async () => {
    const { runConnectorAction } = await render(
      <ConnectorActions
        connector={connector({ name: 'scaled-cdc', tasksMax: 2 })}
      />,
    );
    const button = await screen.findByLabelText('Actions for scaled-cdc');
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    expect(
      screen.queryByText('Change through a pull request'),
    ).not.toBeInTheDocument();
    fireEvent.click(await screen.findByText('Scale tasks…'));
    const field = await screen.findByLabelText('tasksMax');
    expect(field).toHaveValue(2);
    const scale = screen.getByRole('button', { name: 'Scale' });

    fireEvent.change(field, { target: { value: '0' } });
    expect(screen.getByText('Enter a number from 1 to 1000')).toBeVisible();
    expect(scale).toBeDisabled();

    fireEvent.change(field, { target: { value: '5' } });
    expect(scale).toBeEnabled();
    fireEvent.click(scale);
    await waitFor(() =>
      expect(runConnectorAction).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'scaled-cdc' }),
        { action: 'scale', tasksMax: 5 },
      ),
    );
  });

  it('offers a pull request, prefilled, for a connector GitOps manages, and no direct scaling', async () => {
    const managed = connector({
      name: 'stock-cdc',
      tasksMax: 3,
      gitOps: { tool: 'argocd', name: 'inventory' },
      blueprint: {
        id: 'debezium-postgres-source',
        parameters: { instance: 'inventory' },
      },
    });
    await render(<ConnectorActions connector={managed} />);
    const button = await screen.findByLabelText('Actions for stock-cdc');
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    const link = await screen.findByRole('menuitem', {
      name: 'Change through a pull request',
    });
    expect(screen.queryByText('Scale tasks…')).not.toBeInTheDocument();
    const href = new URL(link.getAttribute('href')!, 'http://portal');
    expect(href.pathname).toBe(
      '/create/templates/default/change-kafka-connector',
    );
    expect(JSON.parse(href.searchParams.get('formData')!)).toMatchObject({
      name: 'stock-cdc',
      blueprint: 'debezium-postgres-source',
      currentTasksMax: 3,
      currentParameters: { instance: 'inventory' },
    });
  });

  it('offers neither scaling nor a change template for a KafkaMirrorMaker2', async () => {
    const mirror = connector({
      name: 'eu-to-us',
      kind: 'KafkaMirrorMaker2',
      gitOps: { tool: 'flux', name: 'mirrors' },
      components: [{ name: 'eu->us.MirrorSourceConnector' } as any],
    });
    await render(<ConnectorActions connector={mirror} />);
    const button = await screen.findByLabelText('Actions for eu-to-us');
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    expect(
      await screen.findByText('Restart eu->us.MirrorSourceConnector'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Scale tasks…')).not.toBeInTheDocument();
    expect(
      screen.queryByText('Change through a pull request'),
    ).not.toBeInTheDocument();
  });

  it('runs the chosen operation for the connector and reports the result', async () => {
    const onDone = jest.fn();
    const { runConnectorAction, post, authorize } = await render(
      <ConnectorActions connector={connector()} onDone={onDone} />,
    );
    const button = await screen.findByLabelText('Actions for orders-cdc');
    await waitFor(() => expect(button).toBeEnabled());
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({ resourceRef: 'eu-1/orders/orders-cdc' }),
    );
    fireEvent.click(button);
    fireEvent.click(await screen.findByText('Pause'));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(runConnectorAction).toHaveBeenCalledWith(
      expect.objectContaining({ cluster: 'eu-1', name: 'orders-cdc' }),
      { action: 'pause' },
    );
    expect(post).toHaveBeenCalledWith(
      expect.objectContaining({
        severity: 'success',
        message: expect.stringContaining('Pause of orders-cdc accepted'),
      }),
    );
  });

  it('asks before stopping', async () => {
    const { runConnectorAction } = await render(
      <ConnectorActions connector={connector()} />,
    );
    const button = await screen.findByLabelText('Actions for orders-cdc');
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    fireEvent.click(await screen.findByText('Stop'));
    expect(await screen.findByText('Stop orders-cdc?')).toBeInTheDocument();
    expect(runConnectorAction).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() =>
      expect(runConnectorAction).toHaveBeenCalledWith(expect.anything(), {
        action: 'stop',
      }),
    );
  });

  it('shows Stop disabled with the reason on a Strimzi without spec.state, and does not run it', async () => {
    const reason =
      "Action 'stop' needs spec.state, which came with Strimzi 0.38; this cluster's Strimzi is 0.37.0: pause the connector instead, or upgrade Strimzi";
    const { runConnectorAction } = await render(
      <ConnectorActions
        connector={connector({ name: 'old-cdc', stopUnsupported: reason })}
      />,
    );
    const button = await screen.findByLabelText('Actions for old-cdc');
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    const stop = await screen.findByRole('menuitem', { name: 'Stop' });
    expect(stop).toHaveAttribute('aria-disabled', 'true');
    fireEvent.mouseOver(stop.parentElement!);
    expect(await screen.findByText(reason)).toBeInTheDocument();
    fireEvent.click(stop);
    expect(screen.queryByText('Stop old-cdc?')).not.toBeInTheDocument();
    expect(runConnectorAction).not.toHaveBeenCalled();
  });

  it('warns that GitOps reverts spec changes, but restarts without asking', async () => {
    const managed = connector({
      gitOps: { tool: 'argocd', name: 'orders' },
    });
    const { runConnectorAction } = await render(
      <ConnectorActions connector={managed} />,
    );
    const button = await screen.findByLabelText('Actions for orders-cdc');
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    fireEvent.click(await screen.findByText('Pause'));
    expect(await screen.findByTestId('gitops-warning')).toHaveTextContent(
      'managed by Argo CD (orders): a spec change made here will be reverted by GitOps',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(runConnectorAction).not.toHaveBeenCalled();

    fireEvent.click(button);
    fireEvent.click(await screen.findByText('Restart connector and tasks'));
    await waitFor(() =>
      expect(runConnectorAction).toHaveBeenCalledWith(expect.anything(), {
        action: 'restart',
        includeTasks: true,
      }),
    );
  });

  it('is disabled with the reason when the user may not operate the connector', async () => {
    const { runConnectorAction } = await render(
      // A connector of its own: permission answers are cached per resource.
      <ConnectorActions connector={connector({ name: 'billing-cdc' })} />,
      { allowed: false },
    );
    const button = await screen.findByLabelText('Actions for billing-cdc');
    expect(button).toBeDisabled();
    fireEvent.mouseOver(button.parentElement!);
    expect(
      await screen.findByText(
        'Only the owner of billing-cdc (group:default/team-orders) and admins can operate it',
      ),
    ).toBeInTheDocument();
    expect(runConnectorAction).not.toHaveBeenCalled();
  });

  it('reports a refused operation as an error', async () => {
    const post = jest.fn();
    const runConnectorAction = jest.fn(async () => {
      throw new Error('The API server refused the change');
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [kafkaConnectApiRef, { runConnectorAction }],
          [permissionApiRef, mockApis.permission()],
          [alertApiRef, { post, alert$: jest.fn() }],
        ]}
      >
        <RestartTaskButton connector={connector()} taskId={0} />
      </TestApiProvider>,
    );
    const button = await screen.findByRole('button', {
      name: 'Restart task 0',
    });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    await waitFor(() =>
      expect(post).toHaveBeenCalledWith(
        expect.objectContaining({
          severity: 'error',
          message:
            'Restart of task 0 of orders-cdc failed: The API server refused the change',
        }),
      ),
    );
  });
});

describe('RestartTaskButton', () => {
  it('restarts one task', async () => {
    const { runConnectorAction } = await render(
      <RestartTaskButton connector={connector()} taskId={1} />,
    );
    const button = await screen.findByRole('button', {
      name: 'Restart task 1',
    });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    await waitFor(() =>
      expect(runConnectorAction).toHaveBeenCalledWith(expect.anything(), {
        action: 'restart-task',
        taskId: 1,
      }),
    );
  });

  it('names the connector of a KafkaMirrorMaker2 task', async () => {
    const mirror = connector({ kind: 'KafkaMirrorMaker2', name: 'mirror' });
    const { runConnectorAction } = await render(
      <RestartTaskButton
        connector={mirror}
        taskId={0}
        mirrorConnector="eu->us.MirrorSourceConnector"
      />,
    );
    const button = await screen.findByRole('button', {
      name: 'Restart eu->us.MirrorSourceConnector task 0',
    });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);
    await waitFor(() =>
      expect(runConnectorAction).toHaveBeenCalledWith(expect.anything(), {
        action: 'restart-task',
        taskId: 0,
        connector: 'eu->us.MirrorSourceConnector',
      }),
    );
  });
});
