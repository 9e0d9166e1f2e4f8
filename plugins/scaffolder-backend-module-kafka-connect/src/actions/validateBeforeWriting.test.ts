import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { ConnectorValidationResponse } from '@kcs/plugin-kafka-connect-common';
import { fakeApplier, fakeDirectory, openAccess } from '../__fixtures__/fakes';
import { blueprints, CURRENT, VALUES } from '../__testUtils__/change';
import { seedWorkspace, snapshotTree } from '../__testUtils__/hostile';
import type { ConnectorValidator } from '../services/ConnectorValidator';
import { changeConnectorAction } from './changeConnector';
import { createConnectorAction } from './createConnector';
import { changedInputField } from './validateBeforeWriting';

const REFUSED: ConnectorValidationResponse = {
  valid: false,
  errorCount: 1,
  errors: [
    {
      field: 'parameters.serverId',
      fields: ['parameters.serverId'],
      configKey: 'database.server.id',
      message: 'Invalid value 0 for configuration database.server.id',
    },
  ],
  connector: {} as ConnectorValidationResponse['connector'],
};

function fakeValidator(
  answer: ConnectorValidationResponse | Error,
  covers = true,
): ConnectorValidator & { validate: jest.Mock } {
  return {
    covers: () => covers,
    validate: jest.fn(async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    }),
  };
}

function run(
  action: { handler(ctx: any): Promise<void> },
  input: object,
  workspacePath: string,
) {
  return action.handler(
    createMockActionContext({ input: input as any, workspacePath }),
  );
}

describe('create action with validation', () => {
  function setUp(validator: ConnectorValidator) {
    const workspacePath = seedWorkspace({});
    const before = snapshotTree(workspacePath);
    const applier = fakeApplier();
    const action = createConnectorAction({
      blueprints,
      directory: fakeDirectory(),
      applier,
      validator,
      ...openAccess(),
    });
    return { workspacePath, before, applier, action };
  }

  it.each(['manifest', 'helm-values', 'apply'])(
    'refuses what Connect refuses, naming the form field, and writes nothing (%s)',
    async output => {
      const validator = fakeValidator(REFUSED);
      const { workspacePath, before, applier, action } = setUp(validator);
      const attempt = run(action, { ...CURRENT, output }, workspacePath);
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(
        'parameters.serverId (database.server.id) is refused by Kafka Connect: Invalid value 0 for configuration database.server.id',
      );
      expect(snapshotTree(workspacePath)).toEqual(before);
      expect(applier.apply).not.toHaveBeenCalled();
      expect(validator.validate).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({
          blueprint: 'debezium-mysql-source',
          parameters: CURRENT.parameters,
          cluster: 'eu-1',
          namespace: 'orders',
          connectCluster: 'orders-connect',
          owner: 'group:default/team-orders',
          tasksMax: 2,
        }),
      );
    },
  );

  it('writes once Connect accepts the config', async () => {
    const { workspacePath, before, action } = setUp(
      fakeValidator({ ...REFUSED, valid: true, errorCount: 0, errors: [] }),
    );
    await run(action, { ...CURRENT, output: 'manifest' }, workspacePath);
    expect(
      Object.keys(snapshotTree(workspacePath)).filter(
        file => !(file in before),
      ),
    ).toContain('kafka-connectors/orders/ordersmysql-shop-orders-v1.yaml');
  });

  it('does not ask when validation does not cover the Connect cluster', async () => {
    const validator = fakeValidator(REFUSED, false);
    const { workspacePath, action } = setUp(validator);
    await run(action, { ...CURRENT, output: 'manifest' }, workspacePath);
    expect(validator.validate).not.toHaveBeenCalled();
  });

  it('stops with the backend’s error when Connect cannot be asked, having written nothing', async () => {
    const { workspacePath, before, action } = setUp(
      fakeValidator(
        new ServiceUnavailableError('Kafka Connect is unreachable'),
      ),
    );
    await expect(
      run(action, { ...CURRENT, output: 'manifest' }, workspacePath),
    ).rejects.toThrow('Kafka Connect is unreachable');
    expect(snapshotTree(workspacePath)).toEqual(before);
  });
});

describe('change action with validation', () => {
  it('refuses a change Connect refuses, naming the change field, and leaves the values file as it was', async () => {
    const validator = fakeValidator(REFUSED);
    const workspacePath = seedWorkspace({ 'values.yaml': VALUES });
    const before = snapshotTree(workspacePath);
    const action = changeConnectorAction({
      blueprints,
      applier: fakeApplier(),
      validator,
      ...openAccess(),
    });
    const attempt = run(
      action,
      {
        ...CURRENT,
        change: { parameters: { serverId: 184055 } },
        output: 'helm-values',
      },
      workspacePath,
    );
    await expect(attempt).rejects.toThrow(
      'change.parameters.serverId (database.server.id) is refused by Kafka Connect',
    );
    expect(snapshotTree(workspacePath)).toEqual(before);
    expect(validator.validate).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({
        parameters: { ...CURRENT.parameters, serverId: 184055 },
        tasksMax: 2,
      }),
    );
  });

  it('does not ask Connect about a new state alone', async () => {
    const validator = fakeValidator(REFUSED);
    const workspacePath = seedWorkspace({ 'values.yaml': VALUES });
    await run(
      changeConnectorAction({
        blueprints,
        applier: fakeApplier(),
        validator,
        ...openAccess(),
      }),
      { ...CURRENT, change: { state: 'paused' }, output: 'helm-values' },
      workspacePath,
    );
    expect(validator.validate).not.toHaveBeenCalled();
  });
});

describe('changedInputField', () => {
  it.each([
    [
      'parameters.serverId',
      { parameters: { serverId: 1 } },
      'change.parameters.serverId',
    ],
    ['parameters.table', { parameters: { serverId: 1 } }, 'parameters.table'],
    ['parameters.version', { version: 'v2' }, 'change.version'],
    ['parameters.version', {}, 'parameters.version'],
    ['tasksMax', { tasksMax: 3 }, 'change.tasksMax'],
    ['tasksMax', {}, 'tasksMax'],
    ['config.key.converter', { tasksMax: 3 }, 'config.key.converter'],
  ])('%s with change %j is %s', (field, change, expected) => {
    expect(changedInputField(field, change)).toBe(expected);
  });
});
