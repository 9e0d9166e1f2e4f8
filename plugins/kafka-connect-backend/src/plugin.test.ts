import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  kafkaConnectAuthStrategyExtensionPoint,
  kafkaConnectClustersExtensionPoint,
} from '@kcs/plugin-kafka-connect-node';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { kafkaConnectPlugin } from './plugin';

const OPERATE_PATH = '/api/kafka-connect/connectors/local/orders/cdc/actions';

describe('kafkaConnectPlugin', () => {
  it('serves its API under /api/kafka-connect', async () => {
    const { server } = await startTestBackend({
      features: [kafkaConnectPlugin, catalogServiceMock.factory()],
    });
    const response = await request(server).get('/api/kafka-connect/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    // Without configured clusters there is nothing to watch, and that is not an error.
    const clusters = await request(server).get('/api/kafka-connect/clusters');
    expect(clusters.status).toBe(200);
    expect(clusters.body).toEqual({ items: [] });
  });

  it('refuses data routes without the read permission, with 403', async () => {
    const { server } = await startTestBackend({
      features: [
        kafkaConnectPlugin,
        catalogServiceMock.factory(),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
      ],
    });
    const denied = await request(server).get('/api/kafka-connect/clusters');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('kafka.connect.read');
    // The entity route asks its permissions itself (with the catalog's).
    const entity = await request(server).get(
      '/api/kafka-connect/entity-connectors?entityRef=component:default/orders',
    );
    expect(entity.status).toBe(403);
    expect(entity.body.error.message).toContain('kafka.connect.read');
    expect(
      (await request(server).get('/api/kafka-connect/entity-connectors'))
        .status,
    ).toBe(400);
    expect(
      (await request(server).get('/api/kafka-connect/health')).status,
    ).toBe(200);
  });

  it('refuses operations when requireOwnerPolicy is set and no policy is declared', async () => {
    const { server } = await startTestBackend({
      features: [
        kafkaConnectPlugin,
        catalogServiceMock.factory(),
        // What Backstage's allow-all policy answers.
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            kafkaConnect: { operations: { requireOwnerPolicy: true } },
          },
        }),
      ],
    });
    const refused = await request(server)
      .post(OPERATE_PATH)
      .send({ action: 'pause' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(
      'kafkaConnect.operations.policyHandlesOperate',
    );
  });

  it('does not refuse operations once the policy is declared', async () => {
    const { server } = await startTestBackend({
      features: [
        kafkaConnectPlugin,
        catalogServiceMock.factory(),
        // What Backstage's allow-all policy answers.
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            kafkaConnect: {
              operations: {
                policyHandlesOperate: true,
                requireOwnerPolicy: true,
              },
            },
          },
        }),
      ],
    });
    // Past the refusal, the unknown connector is what the answer names.
    const answer = await request(server)
      .post(OPERATE_PATH)
      .send({ action: 'pause' });
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toContain('No KafkaConnector');
  });

  it('watches clusters a module supplies through the extension point', async () => {
    const supplierModule = createBackendModule({
      pluginId: 'kafka-connect',
      moduleId: 'test-clusters',
      register(env) {
        env.registerInit({
          deps: { clusters: kafkaConnectClustersExtensionPoint },
          async init({ clusters }) {
            clusters.addClusterSupplier({
              getClusters: async () => [
                {
                  name: 'supplied',
                  url: 'https://127.0.0.1:1',
                  auth: { type: 'serviceAccount', token: 't' },
                  skipTLSVerify: false,
                  namespaces: [],
                },
              ],
            });
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        kafkaConnectPlugin,
        catalogServiceMock.factory(),
        supplierModule,
      ],
    });
    const clusters = await request(server).get('/api/kafka-connect/clusters');
    expect(clusters.body.items).toEqual([
      expect.objectContaining({ name: 'supplied', synced: false }),
    ]);
  });

  it('connects with the credential of a strategy a module adds through the extension point', async () => {
    const authorizations: (string | undefined)[] = [];
    const apiServer = http.createServer((req, res) => {
      authorizations.push(req.headers.authorization);
      res.statusCode = 503;
      res.end();
    });
    await new Promise<void>(resolve =>
      apiServer.listen(0, '127.0.0.1', resolve),
    );
    const port = (apiServer.address() as AddressInfo).port;
    const strategyModule = createBackendModule({
      pluginId: 'kafka-connect',
      moduleId: 'test-auth',
      register(env) {
        env.registerInit({
          deps: { auth: kafkaConnectAuthStrategyExtensionPoint },
          async init({ auth }) {
            auth.addAuthStrategy('testVault', {
              getCredential: async details => ({
                type: 'bearer token',
                token: `vault-${details.name}`,
              }),
              validateCluster: () => [],
              presentAuthMetadata: () => ({}),
            });
          },
        });
      },
    });
    try {
      const { server } = await startTestBackend({
        features: [
          kafkaConnectPlugin,
          catalogServiceMock.factory(),
          strategyModule,
          mockServices.rootConfig.factory({
            data: {
              kafkaConnect: {
                clusters: [
                  {
                    name: 'vaulted',
                    url: `http://127.0.0.1:${port}`,
                    skipTLSVerify: true,
                    authProvider: 'testVault',
                  },
                ],
              },
            },
          }),
        ],
      });
      const clusters = await request(server).get('/api/kafka-connect/clusters');
      expect(clusters.body.items).toEqual([
        expect.objectContaining({ name: 'vaulted' }),
      ]);
      for (let i = 0; i < 100 && authorizations.length === 0; i++) {
        await new Promise(resolve => setTimeout(resolve, 50));
      }
      expect(authorizations[0]).toBe('Bearer vault-vaulted');
    } finally {
      await new Promise(resolve => apiServer.close(resolve));
    }
  });
});
