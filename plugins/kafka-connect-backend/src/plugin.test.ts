import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { kafkaConnectClustersExtensionPoint } from '@kcs/plugin-kafka-connect-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { kafkaConnectPlugin } from './plugin';

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
    expect(
      (await request(server).get('/api/kafka-connect/health')).status,
    ).toBe(200);
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
});
