import { startTestBackend } from '@backstage/backend-test-utils';
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
});
