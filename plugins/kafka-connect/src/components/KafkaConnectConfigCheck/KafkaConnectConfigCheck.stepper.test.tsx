import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import type { ConnectorValidationResponse } from '@kcs/plugin-kafka-connect-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { type KafkaConnectApi, kafkaConnectApiRef } from '../../api';
import {
  KafkaConnectConfigCheck,
  KAFKA_CONNECT_CONFIG_CHECK,
  validateKafkaConnectConfig,
} from './KafkaConnectConfigCheck';

// Steps shaped like the change template's: the connector, prefilled, what
// changes, with the check, and the delivery.
const manifest = {
  title: 'Change a Kafka connector',
  steps: [
    {
      title: 'Connector',
      schema: {
        required: [
          'blueprint',
          'cluster',
          'namespace',
          'connectCluster',
          'owner',
        ],
        properties: {
          blueprint: { title: 'Blueprint id', type: 'string' },
          cluster: { title: 'Kubernetes cluster', type: 'string' },
          namespace: { title: 'Namespace', type: 'string' },
          connectCluster: { title: 'Kafka Connect cluster', type: 'string' },
          owner: { title: 'Owner', type: 'string' },
          currentParameters: {
            title: 'Current blueprint parameters',
            type: 'object',
            additionalProperties: true,
          },
        },
      },
    },
    {
      title: 'What to change',
      schema: {
        properties: {
          version: { title: 'New version', type: 'string' },
          configCheck: {
            title: 'Check with Kafka Connect',
            type: 'string',
            'ui:field': KAFKA_CONNECT_CONFIG_CHECK,
            'ui:options': {
              blueprintField: 'blueprint',
              parameterObjectFields: ['currentParameters', 'parameters'],
              parameters: ['version'],
              connectField: {
                cluster: 'cluster',
                namespace: 'namespace',
                name: 'connectCluster',
              },
              onlyWhenSet: ['version', 'parameters'],
            },
          },
        },
      },
    },
    {
      title: 'Delivery',
      schema: {
        properties: { delivery: { title: 'How to deliver', type: 'string' } },
      },
    },
  ],
};

const REFUSED: ConnectorValidationResponse = {
  valid: false,
  errorCount: 1,
  errors: [
    {
      field: 'parameters.instance',
      fields: ['parameters.instance'],
      configKey: 'database.hostname',
      message: "The 'database.hostname' value is invalid",
    },
  ],
  connector: {} as ConnectorValidationResponse['connector'],
};

describe('KafkaConnectConfigCheck in the scaffolder stepper', () => {
  // The stepper scrolls to the top on each step; jsdom does not scroll.
  beforeAll(() => {
    window.scrollTo = jest.fn() as unknown as typeof window.scrollTo;
  });

  it("keeps the change step and shows Connect's refusal on the field when the config changed", async () => {
    const validateConnector = jest.fn(async () => REFUSED);
    const onCreate = jest.fn();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            kafkaConnectApiRef,
            { validateConnector } as unknown as KafkaConnectApi,
          ],
        ]}
      >
        <Stepper
          manifest={manifest as any}
          extensions={[
            {
              name: KAFKA_CONNECT_CONFIG_CHECK,
              component: KafkaConnectConfigCheck as any,
              validation: validateKafkaConnectConfig as any,
            },
          ]}
          initialState={{
            blueprint: 'debezium-postgres-source',
            cluster: 'eu-1',
            namespace: 'streaming',
            connectCluster: 'local-connect',
            owner: 'group:default/team-orders',
            currentParameters: { instance: 'warehouse', version: 'v1' },
          }}
          onCreate={onCreate}
        />
      </TestApiProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const version = await screen.findByLabelText('New version');
    fireEvent.change(version, { target: { value: 'v2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    const field = screen.getByTestId('kafka-connect-config-check');
    const formControl = field.closest('.MuiFormControl-root') as HTMLElement;
    await waitFor(() =>
      expect(formControl).toHaveTextContent(
        "currentParameters.instance (database.hostname): The 'database.hostname' value is invalid",
      ),
    );
    // The refusal once; the help text beside it not drawn as an error.
    expect(
      within(formControl).getAllByText(/\(database\.hostname\)/),
    ).toHaveLength(1);
    expect(
      within(formControl).getByText(/The Connect cluster checks the config/),
    ).not.toHaveClass('Mui-error');
    expect(validateConnector).toHaveBeenCalledWith(
      expect.objectContaining({
        blueprint: 'debezium-postgres-source',
        parameters: { instance: 'warehouse', version: 'v2' },
        connectCluster: 'local-connect',
      }),
    );
    // Still on the change step: no delivery, nothing created.
    expect(screen.getByLabelText('New version')).toBeInTheDocument();
    expect(screen.queryByLabelText('How to deliver')).toBeNull();
    expect(onCreate).not.toHaveBeenCalled();
    // The whole stepper renders slowly on a busy machine.
  }, 30_000);
});
