import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { connectManifest, useTestCluster } from '@kcs/dev-cluster';
import { readValidationConfig } from '@kcs/plugin-kafka-connect-node';
// The test needs the real backend plugin beside the scaffolder.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import kafkaConnectPlugin from '@kcs/plugin-kafka-connect-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { CustomObjectsApi } from '@kubernetes/client-node';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createConnectorAction } from './actions/createConnector';
import { openAccess } from './__fixtures__/fakes';
import { clusterRegistryOf } from './__fixtures__/clusterRegistry';
import { scaffolderModuleKafkaConnect } from './module';
import { BlueprintRegistry } from './services/BlueprintRegistry';
import { BackendConnectClusterDirectory } from './services/ConnectClusterDirectory';
import { KubernetesConnectorApplier } from './services/ConnectorApplier';
import { BackendConnectorValidator } from './services/ConnectorValidator';

// A real Kafka Connect worker checks the config; nothing is stubbed between
// the scaffolder task, the kafka-connect backend and Connect's REST API.
const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
jest.setTimeout(120_000);

const BLUEPRINTS = path.resolve(
  __dirname,
  '../../kafka-connect-backend/src/service/validation/__fixtures__/file-source.yaml',
);

/** A template over the FileStream blueprint, as a platform team writes one. */
function fileSourceTemplate() {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'file-source', namespace: 'default' },
    spec: {
      owner: 'group:default/platform-team',
      type: 'kafka-connector',
      parameters: [
        {
          properties: {
            feed: { type: 'string' },
            topic: { type: 'string' },
            batchSize: { type: 'string' },
            owner: { type: 'string' },
            connect: { type: 'object' },
          },
        },
      ],
      steps: [
        {
          id: 'connector',
          name: 'Render, validate and apply',
          action: 'kafka-connect:connector:create',
          input: {
            blueprint: 'file-source',
            parameters: {
              feed: '${{ parameters.feed }}',
              topic: '${{ parameters.topic }}',
              batchSize: '${{ parameters.batchSize }}',
            },
            cluster: '${{ parameters.connect.cluster }}',
            namespace: '${{ parameters.connect.namespace }}',
            connectCluster: '${{ parameters.connect.name }}',
            owner: '${{ parameters.owner }}',
            output: 'apply',
          },
        },
      ],
    },
  };
}

describe('validation through the real Kafka Connect worker', () => {
  async function start() {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('validate');
    await cluster.apply(
      connectManifest(namespace, {
        bootstrapServers: cluster.bootstrapServers,
        realWorker: true,
      }),
    );
    const kafkaConnect = {
      clusters: [
        {
          name: cluster.name,
          url: cluster.server,
          authProvider: 'serviceAccount',
          serviceAccountToken: cluster.portalToken,
          caData: cluster.caData,
        },
      ],
      scaffolder: { blueprintLocations: [BLUEPRINTS] },
      // The dev cluster's worker listens on loopback; in a real cluster this
      // is http://{name}-connect-api.{namespace}.svc:8083.
      validation: {
        targets: [{ cluster: cluster.name, url: cluster.connectUrl! }],
      },
    };
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKafkaConnect,
        kafkaConnectPlugin,
        catalogServiceMock.factory({ entities: [fileSourceTemplate()] }),
        mockServices.rootConfig.factory({
          data: { backend: { baseUrl: 'http://localhost:7007' }, kafkaConnect },
        }),
      ],
    });
    await waitForReadyConnect(backend.server, cluster.name, namespace);
    const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    const connectors = async () =>
      (
        (await api.listNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace,
          plural: 'kafkaconnectors',
        })) as { items: Array<{ metadata: { name: string } }> }
      ).items.map(item => item.metadata.name);
    return { cluster, namespace, backend, kafkaConnect, connectors };
  }

  it('fails a task whose config Connect refuses, naming the form field, with nothing applied; a good config is applied', async () => {
    const { cluster, namespace, backend, connectors } = await start();
    const values = {
      feed: 'orders',
      topic: `orders-${namespace}`,
      batchSize: 'lots',
      owner: 'group:default/team-orders',
      connect: { cluster: cluster.name, namespace, name: 'connect' },
    };
    const refused = await runTask(backend.server, values);
    expect(refused.status).toBe('failed');
    expect(refused.log).toContain(
      'parameters.batchSize (batch.size) is refused by Kafka Connect: Invalid value lots for configuration batch.size: Not a number of type INT',
    );
    expect(await connectors()).toEqual([]);

    const accepted = await runTask(backend.server, {
      ...values,
      batchSize: '50',
    });
    expect(accepted.status).toBe('completed');
    expect(accepted.log).toContain(
      `Kafka Connect ${namespace}/connect accepts the config of file-orders`,
    );
    expect(await connectors()).toEqual(['file-orders']);
    await backend.stop();
  });

  it('writes no manifest and no values entry when Connect refuses, as the action run alone', async () => {
    const { cluster, namespace, backend, kafkaConnect } = await start();
    const port = (backend.server.address() as AddressInfo).port;
    const config = mockServices.rootConfig({ data: { kafkaConnect } });
    const validator = new BackendConnectorValidator(
      {
        getBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
        getExternalBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
      },
      mockServices.auth(),
      readValidationConfig(config),
    );
    const action = createConnectorAction({
      blueprints: BlueprintRegistry.load([BLUEPRINTS]),
      directory: new BackendConnectClusterDirectory(
        {
          getBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
          getExternalBaseUrl: async id => `http://127.0.0.1:${port}/api/${id}`,
        },
        mockServices.auth(),
      ),
      applier: new KubernetesConnectorApplier(
        clusterRegistryOf(config),
        'kafka-connect-test',
      ),
      validator,
      ...openAccess(),
    });
    const workspacePath = fs.mkdtempSync(
      path.join(os.tmpdir(), 'kc-validate-'),
    );
    const values = '# shared values\nconnectors: []\n';
    fs.writeFileSync(path.join(workspacePath, 'values.yaml'), values);
    const input = {
      blueprint: 'file-source',
      // an empty topic: Connect's own check refuses it
      parameters: { feed: 'audit', topic: 'audit', batchSize: '10' },
      configOverrides: { topic: '' },
      cluster: cluster.name,
      namespace,
      connectCluster: 'connect',
      owner: 'group:default/team-orders',
    };
    for (const output of ['manifest', 'helm-values']) {
      await expect(
        action.handler(
          createMockActionContext({
            input: { ...input, output } as any,
            workspacePath,
            initiatorCredentials: mockCredentials.user(),
          } as any),
        ),
      ).rejects.toThrow(
        'configOverrides.topic (topic) is refused by Kafka Connect: Invalid value  for configuration topic: String must be non-empty',
      );
    }
    expect(fs.readdirSync(workspacePath)).toEqual(['values.yaml']);
    expect(
      fs.readFileSync(path.join(workspacePath, 'values.yaml'), 'utf8'),
    ).toBe(values);
    fs.rmSync(workspacePath, { recursive: true });
    await backend.stop();
  });
});

async function waitForReadyConnect(
  server: Server,
  cluster: string,
  namespace: string,
) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await request(server).get('/api/kafka-connect/clusters');
    const ready = response.body.items
      ?.find((c: { name: string }) => c.name === cluster)
      ?.connectClusters.some(
        (c: { namespace: string; ready: boolean; plugins: unknown[] }) =>
          c.namespace === namespace && c.ready && c.plugins.length > 0,
      );
    if (ready) return;
    if (Date.now() > deadline) {
      throw new Error(`Connect never ready: ${JSON.stringify(response.body)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

async function runTask(server: Server, values: Record<string, unknown>) {
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .send({ templateRef: 'template:default/file-source', values });
  expect(created.status).toBe(201);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const task = await request(server).get(
      `/api/scaffolder/v2/tasks/${created.body.id}`,
    );
    if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
      const events = await request(server).get(
        `/api/scaffolder/v2/tasks/${created.body.id}/events`,
      );
      return {
        status: task.body.status as string,
        log: (events.body as any[])
          .map(event => event.body?.message ?? '')
          .join('\n'),
      };
    }
    if (Date.now() > deadline) {
      throw new Error(`task stuck: ${JSON.stringify(task.body)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
