import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { kafkaConnectPlugin } from './plugin';

describe('kafkaConnectPlugin', () => {
  it('serves its API under /api/kafka-connect', async () => {
    const { server } = await startTestBackend({
      features: [kafkaConnectPlugin],
    });
    const response = await request(server).get('/api/kafka-connect/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
