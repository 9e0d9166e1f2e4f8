import {
  KafkaConnectClient,
  type ConnectorValidationResponse,
} from '@kcs/plugin-kafka-connect-common';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkConfig,
  describeValidationErrors,
  formFieldOf,
  type KafkaConnectConfigCheckOptions,
  validationRequestOf,
} from './configCheck';

const OPTIONS: KafkaConnectConfigCheckOptions = {
  blueprint: 'debezium-postgres-source',
  parameters: ['instance', 'database', 'table', 'version'],
};

const FORM = {
  instance: 'orders',
  database: 'shop',
  table: 'orders',
  version: '',
  owner: 'group:default/team-orders',
  connect: { cluster: 'eu-1', namespace: 'streaming', name: 'connect' },
  tasksMax: 2,
  delivery: 'apply',
};

const REFUSED: ConnectorValidationResponse = {
  valid: false,
  errorCount: 2,
  errors: [
    {
      field: 'parameters.instance',
      fields: ['parameters.instance', 'parameters.table', 'parameters.version'],
      configKey: 'slot.name',
      message: 'too long',
    },
    {
      field: 'config.key.converter',
      fields: ['config.key.converter'],
      configKey: 'key.converter',
      message: 'missing',
    },
  ],
  connector: {} as ConnectorValidationResponse['connector'],
};

describe('validationRequestOf', () => {
  it("takes the blueprint's parameters from the form, leaves empty ones out, and the target from the picker", () => {
    expect(validationRequestOf(FORM, OPTIONS)).toEqual({
      blueprint: 'debezium-postgres-source',
      parameters: { instance: 'orders', database: 'shop', table: 'orders' },
      cluster: 'eu-1',
      namespace: 'streaming',
      connectCluster: 'connect',
      owner: 'group:default/team-orders',
      tasksMax: 2,
    });
  });

  it('reads renamed form fields from a map', () => {
    expect(
      validationRequestOf(
        { db: 'shop', who: 'group:default/a', where: FORM.connect },
        {
          blueprint: 'b',
          parameters: { database: 'db' },
          ownerField: 'who',
          connectField: 'where',
        },
      ),
    ).toMatchObject({
      parameters: { database: 'shop' },
      owner: 'group:default/a',
    });
  });

  it('waits for the owner and a full Connect cluster pick', () => {
    expect(
      validationRequestOf({ ...FORM, owner: '' }, OPTIONS),
    ).toBeUndefined();
    expect(
      validationRequestOf({ ...FORM, connect: { cluster: 'eu-1' } }, OPTIONS),
    ).toBeUndefined();
  });
});

// The change template's options: the connector's blueprint, current
// parameters and place come prefilled; the form gives what changes.
const CHANGE: KafkaConnectConfigCheckOptions = {
  blueprintField: 'blueprint',
  parameterObjectFields: ['currentParameters', 'parameters'],
  parameters: ['version'],
  connectField: {
    cluster: 'cluster',
    namespace: 'namespace',
    name: 'connectCluster',
  },
  tasksMaxField: ['tasksMax', 'currentTasksMax'],
  onlyWhenSet: ['tasksMax', 'version', 'parameters'],
};

const CHANGE_FORM = {
  blueprint: 'debezium-postgres-source',
  cluster: 'eu-1',
  namespace: 'streaming',
  connectCluster: 'local-connect',
  owner: 'group:default/team-orders',
  currentTasksMax: 1,
  currentParameters: {
    instance: 'orders',
    database: 'shop',
    table: 'orders',
    version: 'v1',
  },
};

describe('the change form', () => {
  it('asks what the change action validates: current parameters, then the changed ones, then the new version; the new task count, else the current one', () => {
    expect(
      validationRequestOf(
        {
          ...CHANGE_FORM,
          parameters: { table: 'refunds' },
          version: 'v2',
        },
        CHANGE,
      ),
    ).toEqual({
      blueprint: 'debezium-postgres-source',
      parameters: {
        instance: 'orders',
        database: 'shop',
        table: 'refunds',
        version: 'v2',
      },
      cluster: 'eu-1',
      namespace: 'streaming',
      connectCluster: 'local-connect',
      owner: 'group:default/team-orders',
      tasksMax: 1,
    });
    expect(
      validationRequestOf({ ...CHANGE_FORM, tasksMax: 3 }, CHANGE),
    ).toMatchObject({ tasksMax: 3 });
    expect(
      validationRequestOf({ ...CHANGE_FORM, blueprint: '' }, CHANGE),
    ).toBeUndefined();
  });

  it('names each refused parameter where its value came from', () => {
    const form = {
      ...CHANGE_FORM,
      parameters: { table: 'refunds' },
      version: 'v2',
    };
    expect(describeValidationErrors(REFUSED, CHANGE, form)).toEqual([
      'currentParameters.instance, parameters.table, version (slot.name): too long',
      'config.key.converter (key.converter): missing',
    ]);
    expect(formFieldOf('connectCluster', CHANGE)).toBe('connectCluster');
    expect(formFieldOf('namespace', CHANGE)).toBe('namespace');
    expect(formFieldOf('tasksMax', CHANGE, CHANGE_FORM)).toBe(
      'currentTasksMax',
    );
    expect(formFieldOf('blueprint', CHANGE)).toBe('blueprint');
  });

  it('does not ask while only the state changes, as the change action does not', async () => {
    const validateConnector = jest.fn(async () => REFUSED);
    expect(
      await checkConfig(
        { validateConnector },
        { ...CHANGE_FORM, state: 'paused' },
        CHANGE,
      ),
    ).toEqual({
      kind: 'skipped',
      reason: 'Nothing that Kafka Connect checks has changed yet.',
    });
    expect(validateConnector).not.toHaveBeenCalled();
    expect(
      (
        await checkConfig(
          { validateConnector },
          { ...CHANGE_FORM, version: 'v2' },
          CHANGE,
        )
      ).kind,
    ).toBe('invalid');
  });
});

describe('formFieldOf and describeValidationErrors', () => {
  it.each([
    ['parameters.instance', 'instance'],
    ['tasksMax', 'tasksMax'],
    ['connectCluster', 'connect'],
    ['owner', 'owner'],
    ['config.key.converter', 'config.key.converter'],
  ])('%s is the form field %s', (field, formField) => {
    expect(formFieldOf(field, OPTIONS)).toBe(formField);
  });

  it('names the form fields and the config key in each line', () => {
    expect(describeValidationErrors(REFUSED, OPTIONS)).toEqual([
      'instance, table, version (slot.name): too long',
      'config.key.converter (key.converter): missing',
    ]);
  });
});

describe('checkConfig', () => {
  it('answers valid, or the refused settings', async () => {
    const validateConnector = jest.fn(async () => REFUSED);
    expect(await checkConfig({ validateConnector }, FORM, OPTIONS)).toEqual({
      kind: 'invalid',
      messages: [
        'instance, table, version (slot.name): too long',
        'config.key.converter (key.converter): missing',
      ],
    });
    validateConnector.mockResolvedValueOnce({
      ...REFUSED,
      valid: true,
      errors: [],
    });
    expect(await checkConfig({ validateConnector }, FORM, OPTIONS)).toEqual({
      kind: 'valid',
    });
  });

  it('does not ask before the owner and Connect cluster are picked', async () => {
    const validateConnector = jest.fn();
    expect(
      (await checkConfig({ validateConnector }, { instance: 'a' }, OPTIONS))
        .kind,
    ).toBe('skipped');
    expect(validateConnector).not.toHaveBeenCalled();
  });

  it("skips where the backend's 400 says validation is not configured, and reports other failures", async () => {
    // Backstage's JSON error body, as the backend's error handler writes it.
    const replies = [
      {
        status: 400,
        body: {
          error: {
            name: 'InputError',
            message:
              "Validation through Kafka Connect is not configured for Connect cluster streaming/connect of cluster 'eu-1': add it",
          },
          response: { statusCode: 400 },
        },
      },
      {
        status: 503,
        body: {
          error: {
            name: 'ServiceUnavailableError',
            message: 'Kafka Connect streaming/connect is unreachable',
          },
          response: { statusCode: 503 },
        },
      },
    ];
    const server = http.createServer((_req, res) => {
      const reply = replies.shift()!;
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
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
      expect(await checkConfig(client, FORM, OPTIONS)).toEqual({
        kind: 'skipped',
        reason: 'This portal does not check configs of that Connect cluster.',
      });
      expect(await checkConfig(client, FORM, OPTIONS)).toEqual({
        kind: 'failed',
        messages: ['Kafka Connect streaming/connect is unreachable'],
      });
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });
});
