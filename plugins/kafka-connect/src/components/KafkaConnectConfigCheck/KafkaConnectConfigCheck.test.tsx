import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ConnectorValidationResponse } from '@kcs/plugin-kafka-connect-common';
import { fireEvent, screen } from '@testing-library/react';
import { type KafkaConnectApi, kafkaConnectApiRef } from '../../api';
import {
  KafkaConnectConfigCheck,
  validateKafkaConnectConfig,
} from './KafkaConnectConfigCheck';

const OPTIONS = { blueprint: 'file-source', parameters: ['feed', 'batchSize'] };
const FORM = {
  feed: 'orders',
  batchSize: 'lots',
  owner: 'group:default/team-orders',
  connect: { cluster: 'eu-1', namespace: 'streaming', name: 'connect' },
};
const REFUSED: ConnectorValidationResponse = {
  valid: false,
  errorCount: 1,
  errors: [
    {
      field: 'parameters.batchSize',
      fields: ['parameters.batchSize'],
      configKey: 'batch.size',
      message: 'Invalid value lots for configuration batch.size',
    },
  ],
  connector: {} as ConnectorValidationResponse['connector'],
};

describe('KafkaConnectConfigCheck', () => {
  it("keeps a value so the form validates it, and shows Connect's answer on demand", async () => {
    const onChange = jest.fn();
    const validateConnector = jest.fn(async () => REFUSED);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            kafkaConnectApiRef,
            { validateConnector } as unknown as KafkaConnectApi,
          ],
        ]}
      >
        <KafkaConnectConfigCheck
          {...({
            onChange,
            formData: undefined,
            rawErrors: [],
            schema: { title: 'Check with Kafka Connect' },
            uiSchema: { 'ui:options': OPTIONS },
            formContext: { formData: FORM },
            idSchema: { $id: 'root_configCheck' },
          } as any)}
        />
      </TestApiProvider>,
    );
    expect(onChange).toHaveBeenCalledWith('unchecked');
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(
      await screen.findByText(
        'batchSize (batch.size): Invalid value lots for configuration batch.size',
      ),
    ).toBeInTheDocument();
    expect(validateConnector).toHaveBeenCalledWith(
      expect.objectContaining({
        blueprint: 'file-source',
        parameters: { feed: 'orders', batchSize: 'lots' },
        connectCluster: 'connect',
      }),
    );
  });
});

describe('validateKafkaConnectConfig', () => {
  const context = (validateConnector: jest.Mock) => ({
    apiHolder: { get: () => ({ validateConnector } as any) },
    formData: FORM,
    uiSchema: { 'ui:options': OPTIONS },
  });

  it('adds one error per refused setting, naming the form field', async () => {
    const addError = jest.fn();
    await validateKafkaConnectConfig(
      'unchecked',
      { addError },
      context(jest.fn(async () => REFUSED)),
    );
    expect(addError.mock.calls).toEqual([
      [
        'batchSize (batch.size): Invalid value lots for configuration batch.size',
      ],
    ]);
  });

  it('checks a change form, whose blueprint is a form field, and names the changed field; not while only the state changes', async () => {
    const change = {
      blueprintField: 'blueprint',
      parameterObjectFields: ['currentParameters', 'parameters'],
      connectField: {
        cluster: 'cluster',
        namespace: 'namespace',
        name: 'connectCluster',
      },
      onlyWhenSet: ['tasksMax', 'parameters'],
    };
    const formData = {
      blueprint: 'file-source',
      cluster: 'eu-1',
      namespace: 'streaming',
      connectCluster: 'connect',
      owner: 'group:default/team-orders',
      currentParameters: { feed: 'orders', batchSize: '100' },
      state: 'paused',
    };
    const validateConnector = jest.fn(async () => REFUSED);
    const addError = jest.fn();
    const validate = (data: object) =>
      validateKafkaConnectConfig(
        'unchecked',
        { addError },
        {
          apiHolder: { get: () => ({ validateConnector } as any) },
          formData: data,
          uiSchema: { 'ui:options': change },
        },
      );
    await validate(formData);
    expect(validateConnector).not.toHaveBeenCalled();
    await validate({ ...formData, parameters: { batchSize: 'lots' } });
    expect(validateConnector).toHaveBeenCalledWith(
      expect.objectContaining({
        blueprint: 'file-source',
        parameters: { feed: 'orders', batchSize: 'lots' },
        connectCluster: 'connect',
      }),
    );
    expect(addError.mock.calls).toEqual([
      [
        'parameters.batchSize (batch.size): Invalid value lots for configuration batch.size',
      ],
    ]);
  });

  it('adds nothing when Connect accepts the config', async () => {
    const addError = jest.fn();
    await validateKafkaConnectConfig(
      'unchecked',
      { addError },
      context(jest.fn(async () => ({ ...REFUSED, valid: true, errors: [] }))),
    );
    expect(addError).not.toHaveBeenCalled();
  });
});
