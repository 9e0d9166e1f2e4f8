import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';

// Production runs on PostgreSQL (app-config.production.yaml); the test command
// starts one on loopback and exports its URL.
const postgresUrl = process.env.KC_TEST_POSTGRES_URL;

describe('the portal backend on PostgreSQL', () => {
  it('migrates and serves the catalog from a real PostgreSQL', async () => {
    if (!postgresUrl) {
      throw new Error(
        'KC_TEST_POSTGRES_URL is not set: run the integration tests through ./scripts/test-all.sh',
      );
    }
    const { server } = await startTestBackend({
      features: [
        databaseServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://127.0.0.1:7007',
              database: {
                client: 'pg',
                connection: postgresUrl,
                pluginDivisionMode: 'schema',
              },
            },
            catalog: {
              rules: [{ allow: ['Component', 'Group'] }],
              locations: [],
            },
          },
        }),
        catalogPlugin,
      ],
    });
    const response = await request(server)
      .get('/api/catalog/entities')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body)).toBe(true);
  }, 60_000);
});
