import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { kafkaConnectPlugin } from '../../plugin';

const FILE_SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';

/** The parts of Kafka Connect 4.3.1's answer (recorded from the dev cluster's worker) the backend reads. */
const FILE_SOURCE_TWO_ERRORS = {
  name: FILE_SOURCE,
  error_count: 2,
  configs: [
    {
      definition: { name: 'topic', type: 'STRING', required: true },
      value: {
        name: 'topic',
        value: '',
        errors: [
          'Invalid value  for configuration topic: String must be non-empty',
        ],
      },
    },
    {
      definition: { name: 'batch.size', type: 'INT', required: false },
      value: {
        name: 'batch.size',
        value: null,
        errors: [
          'Invalid value lots for configuration batch.size: Not a number of type INT',
        ],
      },
    },
    {
      definition: { name: 'file', type: 'STRING', required: false },
      value: { name: 'file', value: 'a.txt', errors: [] },
    },
  ],
};

const running: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map(started => started.stop()));
});
const BLUEPRINTS = path.join(__dirname, '__fixtures__', 'file-source.yaml');

/** A stand-in for Connect's REST API that records what it was sent. */
async function connectStub(
  answer: (body: Record<string, string>) => { status: number; body: unknown },
) {
  const calls: Array<{ method?: string; url?: string; body: any }> = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', chunk => {
      text += chunk;
    });
    req.on('end', () => {
      const body = JSON.parse(text || '{}');
      calls.push({ method: req.method, url: req.url, body });
      const reply = answer(body);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, calls, close: () => server.close() };
}

async function backend(options: {
  connectPort?: number;
  validation?: boolean;
  allowCreate?: boolean;
}) {
  const authorize = jest.fn(async (requests: any[]) =>
    requests.map(item => ({
      result:
        item.permission.name !== 'kafka.connect.create' ||
        options.allowCreate !== false
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    })),
  );
  const started = await startTestBackend({
    features: [
      kafkaConnectPlugin,
      catalogServiceMock.factory(),
      mockServices.permissions.mock({ authorize } as any).factory,
      mockServices.rootConfig.factory({
        data: {
          kafkaConnect: {
            clusters: [
              {
                name: 'local',
                url: 'https://127.0.0.1:1',
                serviceAccountToken: 't',
              },
            ],
            scaffolder: { blueprintLocations: [BLUEPRINTS] },
            ...(options.validation === false
              ? {}
              : {
                  validation: {
                    targets: [
                      {
                        cluster: 'local',
                        connectClusters: ['streaming/connect'],
                        url: `http://127.0.0.1:${
                          options.connectPort ?? 1
                        }/{namespace}/{name}`,
                        timeoutSeconds: 5,
                      },
                    ],
                  },
                }),
          },
        },
      }),
    ],
  });
  running.push(started);
  return { server: started.server, authorize };
}

const REQUEST = {
  blueprint: 'file-source',
  parameters: { feed: 'orders', topic: 'orders', batchSize: 'lots' },
  cluster: 'local',
  namespace: 'streaming',
  connectCluster: 'connect',
  owner: 'group:default/team-orders',
};

describe('POST /api/kafka-connect/validate', () => {
  it("sends Strimzi's config to the configured Connect cluster and answers the errors on the form's parameters", async () => {
    const connect = await connectStub(() => ({
      status: 200,
      body: FILE_SOURCE_TWO_ERRORS,
    }));
    const { server, authorize } = await backend({ connectPort: connect.port });
    const response = await request(server)
      .post('/api/kafka-connect/validate')
      .send(REQUEST);
    connect.close();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      valid: false,
      errorCount: 2,
      errors: [
        expect.objectContaining({
          field: 'parameters.topic',
          configKey: 'topic',
        }),
        expect.objectContaining({
          field: 'parameters.batchSize',
          configKey: 'batch.size',
          message:
            'Invalid value lots for configuration batch.size: Not a number of type INT',
        }),
      ],
      connector: {
        cluster: 'local',
        namespace: 'streaming',
        connectCluster: 'connect',
        name: 'file-orders',
        class: FILE_SOURCE,
      },
    });
    expect(connect.calls).toEqual([
      {
        method: 'PUT',
        url: `/streaming/connect/connector-plugins/${FILE_SOURCE}/config/validate`,
        body: {
          'connector.class': FILE_SOURCE,
          'tasks.max': '1',
          name: 'file-orders',
          file: 'orders.txt',
          topic: 'orders',
          'batch.size': 'lots',
        },
      },
    ]);
    expect(authorize).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          permission: expect.objectContaining({ name: 'kafka.connect.create' }),
          resourceRef: 'local/streaming/group:default/team-orders',
        }),
      ],
      expect.anything(),
    );
  });

  it('answers valid when Connect finds nothing, for a rendered manifest too', async () => {
    const connect = await connectStub(() => ({
      status: 200,
      body: { error_count: 0, configs: [] },
    }));
    const { server } = await backend({ connectPort: connect.port });
    const response = await request(server)
      .post('/api/kafka-connect/validate')
      .send({
        cluster: 'local',
        connector: {
          kind: 'KafkaConnector',
          metadata: {
            name: 'file-orders',
            namespace: 'streaming',
            labels: { 'strimzi.io/cluster': 'connect' },
            annotations: {
              'kafka-connect.dev/owner': 'group:default/team-orders',
              'kafka-connect.dev/blueprint': 'file-source',
            },
          },
          spec: { class: FILE_SOURCE, tasksMax: 2, config: { topic: 't' } },
        },
      });
    connect.close();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ valid: true, errors: [] });
    expect(connect.calls[0].body).toEqual({
      topic: 't',
      'connector.class': FILE_SOURCE,
      'tasks.max': '2',
      name: 'file-orders',
    });
  });

  it('refuses a request its blueprint refuses, naming the field, without asking Connect', async () => {
    const connect = await connectStub(() => ({ status: 500, body: {} }));
    const { server } = await backend({ connectPort: connect.port });
    const response = await request(server)
      .post('/api/kafka-connect/validate')
      .send({ ...REQUEST, parameters: { feed: 'Bad Name', topic: 't' } });
    connect.close();
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('parameters.feed');
    expect(connect.calls).toEqual([]);
  });

  it('refuses a manifest with a literal credential, naming the key', async () => {
    const { server } = await backend({});
    const response = await request(server)
      .post('/api/kafka-connect/validate')
      .send({
        cluster: 'local',
        owner: 'group:default/a',
        connector: {
          metadata: {
            name: 'x',
            namespace: 'streaming',
            labels: { 'strimzi.io/cluster': 'connect' },
          },
          spec: { class: FILE_SOURCE, config: { 'database.password': 'pw' } },
        },
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(
      'connector.spec.config.database.password looks like a credential',
    );
    expect(response.body.error.message).not.toContain("'pw'");
  });

  it('answers 403 naming kafka.connect.create when the user may not create there', async () => {
    const connect = await connectStub(() => ({ status: 500, body: {} }));
    const { server } = await backend({
      connectPort: connect.port,
      allowCreate: false,
    });
    const response = await request(server)
      .post('/api/kafka-connect/validate')
      .send(REQUEST);
    connect.close();
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain('kafka.connect.create');
    expect(connect.calls).toEqual([]);
  });

  it.each([
    [
      false,
      'streaming',
      'not configured for Connect cluster streaming/connect',
    ],
    [true, 'other', 'not configured for Connect cluster other/connect'],
  ])(
    'answers 400 when validation is not configured (on: %s, namespace %s)',
    async (validation, namespace, message) => {
      const { server } = await backend({ validation });
      const response = await request(server)
        .post('/api/kafka-connect/validate')
        .send({ ...REQUEST, namespace });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
      expect(response.body.error.message).toContain(
        'kafkaConnect.validation.targets',
      );
    },
  );

  it('says validation is off before judging the input, so forms skip the check', async () => {
    const { server } = await backend({ validation: false });
    const response = await request(server)
      .post('/api/kafka-connect/validate')
      .send({ ...REQUEST, parameters: { feed: 'Bad Name' } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^Validation through Kafka Connect is not configured for Connect cluster streaming\/connect/,
    );
  });

  it('answers 503 naming the Connect cluster when Connect is unreachable', async () => {
    const closed = await connectStub(() => ({ status: 200, body: {} }));
    closed.close();
    const { server } = await backend({ connectPort: closed.port });
    const response = await request(server)
      .post('/api/kafka-connect/validate')
      .send(REQUEST);
    expect(response.status).toBe(503);
    expect(response.body.error.message).toMatch(
      /Kafka Connect streaming\/connect in cluster 'local' is unreachable at http:\/\/127\.0\.0\.1:\d+\/streaming\/connect\/connector-plugins/,
    );
  });

  it('answers a missing plugin on connectCluster and a refused provider on config, masked', async () => {
    const replies = [
      {
        status: 500,
        body: {
          error_code: 500,
          message: `org.apache.kafka.connect.runtime.rest.errors.BadRequestException: Failed to find any class that implements Connector and which name matches ${FILE_SOURCE}`,
        },
      },
      {
        status: 500,
        body: {
          error_code: 500,
          message:
            'org.apache.kafka.common.config.ConfigException: Invalid value s3cret for configuration x (from ${file:/opt/secrets.properties:pw})',
        },
      },
      { status: 502, body: { message: 'bad gateway' } },
    ];
    const connect = await connectStub(() => replies.shift()!);
    const { server } = await backend({ connectPort: connect.port });
    const ask = () =>
      request(server).post('/api/kafka-connect/validate').send(REQUEST);
    const missing = await ask();
    expect(missing.body.errors).toEqual([
      {
        field: 'connectCluster',
        fields: ['connectCluster'],
        configKey: 'connector.class',
        message: `Kafka Connect streaming/connect has no plugin ${FILE_SOURCE}; pick a Connect cluster that has it`,
      },
    ]);
    const refused = await ask();
    expect(refused.body.valid).toBe(false);
    expect(refused.body.errors[0].field).toBe('config');
    expect(JSON.stringify(refused.body)).not.toMatch(
      /s3cret|secrets\.properties/,
    );
    const failing = await ask();
    connect.close();
    expect(failing.status).toBe(503);
    expect(failing.body.error.message).toContain('HTTP 502 bad gateway');
  });
});
