import { InputError } from '@backstage/errors';
import { parse } from 'yaml';
import { planConnector, renderConnector } from './renderConnector';
import { connectorManifestYaml } from './valuesFile';
import { isConfigProviderReference, isCredentialKey } from './credentials';
import {
  loadBuiltIn,
  SAMPLE_PARAMETERS,
  sampleRequest,
} from './__fixtures__/builtIns';

const EXPECTED_NAMES: Record<string, string> = {
  'debezium-mysql-source': 'ordersmysql-shop-orders-v1',
  'debezium-postgres-source': 'orderspostgres-billing-invoices-v2',
  'debezium-mongodb-source': 'catalogmongo-products-items-v1',
  'mirrormaker2-source': 'eu-us-mirror-orders',
  'bigquery-sink': 'bq-shop-analytics-orders-v1',
  'http-sink': 'http-billing-invoices-v1',
};

describe('renderConnector', () => {
  describe.each(Object.keys(SAMPLE_PARAMETERS))('%s', id => {
    const blueprint = loadBuiltIn(id);

    it.each(['v1', 'v1beta2'] as const)(
      'renders a KafkaConnector for %s',
      apiVersion => {
        const plan = renderConnector(
          blueprint,
          sampleRequest(id, { apiVersion }),
        );
        expect(plan.name).toBe(EXPECTED_NAMES[id]);
        expect(plan.connector).toMatchObject({
          apiVersion: `kafka.strimzi.io/${apiVersion}`,
          kind: 'KafkaConnector',
          metadata: {
            name: EXPECTED_NAMES[id],
            namespace: 'orders',
            labels: {
              'strimzi.io/cluster': 'orders-connect',
              'backstage.io/kubernetes-id': EXPECTED_NAMES[id],
            },
            annotations: {
              'kafka-connect.dev/owner': 'group:default/team-orders',
              'kafka-connect.dev/system': 'system:default/orders',
              'kafka-connect.dev/template':
                'template:default/debezium-mysql-source',
              'kafka-connect.dev/blueprint': id,
            },
          },
          spec: {
            class: blueprint.connector.class,
            tasksMax: blueprint.defaults.tasksMax,
            state: 'running',
          },
        });
        // the parameters travel with the resource, so a change can re-render it
        expect(
          JSON.parse(
            plan.connector.metadata!.annotations![
              'kafka-connect.dev/blueprint-parameters'
            ],
          ),
        ).toMatchObject(SAMPLE_PARAMETERS[id]);
        const config = plan.connector.spec!.config!;
        // no placeholder is left, every credential is a reference
        expect(Object.values(config).join('\n')).not.toMatch(/\{\{|\}\}/);
        const literalCredentials = Object.entries(config).filter(
          ([key, value]) =>
            isCredentialKey(key) && !isConfigProviderReference(value),
        );
        expect(literalCredentials).toEqual([]);
        expect(Object.keys(blueprint.secrets).every(key => key in config)).toBe(
          true,
        );
        expect(plan.entityRef).toBe(
          `resource:default/kctr.eu-1.orders.${EXPECTED_NAMES[id]}`,
        );
        // the manifest round-trips through YAML unchanged
        expect(parse(connectorManifestYaml(plan.connector))).toEqual(
          plan.connector,
        );
        expect(plan.valuesEntry).toEqual({
          name: EXPECTED_NAMES[id],
          class: blueprint.connector.class,
          tasksMax: blueprint.defaults.tasksMax,
          state: 'running',
          config,
        });
      },
    );
  });

  it('fills the mysql config from parameters and schema defaults', () => {
    const plan = renderConnector(
      loadBuiltIn('debezium-mysql-source'),
      sampleRequest('debezium-mysql-source'),
    );
    expect(plan.connector.spec!.config).toMatchObject({
      'database.hostname': '${secretManager:orders:HOST}',
      'database.password': '${secretManager:orders:PASSWORD}',
      'database.server.id': '184054',
      'table.include.list': 'shop.orders',
      'topic.prefix': 'ordersmysql',
      'snapshot.mode': 'initial',
      'snapshot.locking.mode': 'minimal',
      'transforms.unwrap.type': 'io.debezium.transforms.ExtractNewRecordState',
    });
  });

  it('takes tasksMax, state, kubernetes id and config overrides from the request', () => {
    const plan = renderConnector(
      loadBuiltIn('http-sink'),
      sampleRequest('http-sink', {
        tasksMax: 4,
        state: 'paused',
        kubernetesId: 'billing',
        system: '',
        template: undefined,
        configOverrides: {
          'max.retries': '9',
          'http.api.key': '${env:API_KEY}',
        },
      }),
    );
    expect(plan.connector.spec).toMatchObject({ tasksMax: 4, state: 'paused' });
    expect(plan.connector.spec!.config).toMatchObject({
      'max.retries': '9',
      'http.api.key': '${env:API_KEY}',
    });
    expect(plan.connector.metadata!.labels!['backstage.io/kubernetes-id']).toBe(
      'billing',
    );
    expect(Object.keys(plan.connector.metadata!.annotations!).sort()).toEqual([
      'kafka-connect.dev/blueprint',
      'kafka-connect.dev/blueprint-parameters',
      'kafka-connect.dev/owner',
    ]);
  });

  it('normalizes a short owner ref', () => {
    const plan = renderConnector(
      loadBuiltIn('http-sink'),
      sampleRequest('http-sink', { owner: 'team-orders' }),
    );
    expect(
      plan.connector.metadata!.annotations!['kafka-connect.dev/owner'],
    ).toBe('group:default/team-orders');
  });

  it('throws an InputError listing every field at once', () => {
    const call = () =>
      renderConnector(
        loadBuiltIn('http-sink'),
        sampleRequest('http-sink', { namespace: 'Bad_NS', tasksMax: 0 }),
      );
    expect(call).toThrow(InputError);
    expect(call).toThrow(
      /namespace .*not a valid Kubernetes name.*; tasksMax must be a whole number from 1 to 1000/,
    );
  });
});

describe('validation rules', () => {
  const mysql = loadBuiltIn('debezium-mysql-source');
  const errorsOf = (overrides: Parameters<typeof sampleRequest>[1]) => {
    const plan = planConnector(
      mysql,
      sampleRequest('debezium-mysql-source', overrides),
    );
    return plan.errors ?? [];
  };

  it('accepts tasksMax at both ends of 1..1000 and refuses outside', () => {
    expect(errorsOf({ tasksMax: 1 })).toEqual([]);
    expect(errorsOf({ tasksMax: 1000 })).toEqual([]);
    expect(errorsOf({ tasksMax: 1001 })).toEqual([
      expect.objectContaining({ field: 'tasksMax' }),
    ]);
    expect(errorsOf({ tasksMax: 1.5 })).toEqual([
      expect.objectContaining({ field: 'tasksMax' }),
    ]);
  });

  it('enables automatic restart by default, takes maxRestarts, and names a bad setting', () => {
    const render = (autoRestart?: unknown) =>
      renderConnector(
        mysql,
        sampleRequest('debezium-mysql-source', {
          autoRestart: autoRestart as never,
        }),
      ).connector.spec!.autoRestart;
    expect(render()).toEqual({ enabled: true });
    expect(render({ maxRestarts: 10 })).toEqual({
      enabled: true,
      maxRestarts: 10,
    });
    expect(render({ enabled: false })).toEqual({ enabled: false });
    expect(errorsOf({ autoRestart: { maxRestarts: -1 } })).toEqual([
      expect.objectContaining({ field: 'autoRestart.maxRestarts' }),
    ]);
    expect(errorsOf({ autoRestart: { enabled: 'yes' } as never })).toEqual([
      expect.objectContaining({ field: 'autoRestart.enabled' }),
    ]);
    expect(errorsOf({ autoRestart: { retries: 3 } as never })).toEqual([
      expect.objectContaining({ field: 'autoRestart.retries' }),
    ]);
  });

  it('refuses a rendered name longer than 63 characters and says where it came from', () => {
    expect(
      errorsOf({
        parameters: {
          ...SAMPLE_PARAMETERS['debezium-mysql-source'],
          database: 'a'.repeat(31),
          table: 'b'.repeat(31),
        },
      }),
    ).toEqual([
      expect.objectContaining({
        field: 'name',
        message: expect.stringMatching(/at most 63.*naming rule/),
      }),
    ]);
  });

  it('refuses parameters against the blueprint schema, naming each', () => {
    expect(
      errorsOf({
        parameters: { instance: 'Orders', extra: 1, serverId: 0 },
      }).map(e => e.field),
    ).toEqual(
      expect.arrayContaining([
        'parameters.instance',
        'parameters.extra',
        'parameters.serverId',
        'parameters.database',
        'parameters.table',
      ]),
    );
  });

  it('refuses literal credentials in overrides and accepts references', () => {
    expect(
      errorsOf({ configOverrides: { 'database.password': 'hunter2' } }),
    ).toEqual([
      expect.objectContaining({
        field: 'configOverrides.database.password',
        message: expect.stringMatching(/config-provider reference/),
      }),
    ]);
    expect(
      errorsOf({
        configOverrides: {
          'database.password': '${secrets:orders/db:password}',
        },
      }),
    ).toEqual([]);
  });

  it('names an unknown blueprint', () => {
    expect(planConnector(undefined, sampleRequest('nope')).errors).toEqual([
      expect.objectContaining({
        field: 'blueprint',
        message: expect.stringMatching(/'nope' is not a known blueprint/),
      }),
    ]);
  });
});

describe('isCredentialKey and isConfigProviderReference', () => {
  it.each([
    ['database.password', true],
    ['keyfile', true],
    ['http.api.key', true],
    ['apikey', true],
    ['sasl.jaas.config', true],
    ['ssl.truststore.secret', true],
    ['oauth.token', true],
    ['gcp.credentials', true],
    ['http.headers.authorization', true],
    ['key.converter', false],
    ['key.converter.schemas.enable', false],
    ['keySource', false],
    ['topic.prefix', false],
  ])('%s is a credential: %s', (key, expected) => {
    expect(isCredentialKey(key)).toBe(expected);
  });

  it.each([
    ['${secrets:orders/db:password}', true],
    ['${env:DB_PASSWORD}', true],
    ['${secretManager:orders:PASSWORD}', true],
    ['hunter2', false],
    ['prefix${env:X}', false],
    ['${env:X} ${env:Y}', false],
    ['${env:}', false],
    ['${:X}', false],
    [42, false],
  ])('%s is a reference: %s', (value, expected) => {
    expect(isConfigProviderReference(value)).toBe(expected);
  });
});

describe('planConnector parameters', () => {
  it('names an empty extra parameter key instead of a bare schema message', () => {
    const plan = planConnector(
      loadBuiltIn('debezium-mysql-source'),
      sampleRequest('debezium-mysql-source', {
        parameters: { ...SAMPLE_PARAMETERS['debezium-mysql-source'], '': 1 },
      }),
    );
    expect(plan.errors).toEqual([
      {
        field: 'parameters.""',
        message:
          "is not a parameter of blueprint 'debezium-mysql-source'; remove it",
      },
    ]);
  });
});
