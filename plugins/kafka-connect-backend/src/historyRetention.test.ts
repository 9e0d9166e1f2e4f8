import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { kafkaConnectPlugin } from './plugin';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const DAY_MS = 24 * 60 * 60 * 1000;

describe('health history retention', () => {
  it('schedules a prune that deletes transitions older than kafkaConnect.history.retentionDays', async () => {
    const knex = await databases.init('SQLITE_3');
    const scheduler = mockServices.scheduler.mock();
    await startTestBackend({
      features: [
        kafkaConnectPlugin,
        catalogServiceMock.factory(),
        mockServices.database.factory({ knex }),
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: { kafkaConnect: { history: { retentionDays: 3 } } },
        }),
      ],
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const task = scheduler.scheduleTask.mock.calls[0][0];
    expect(task).toMatchObject({
      id: 'kafka-connect-health-history-prune',
      frequency: { hours: 1 },
    });

    const row = (name: string, ageMs: number) => ({
      cluster: 'eu',
      namespace: 'shop',
      name,
      from_health: null,
      to_health: 'healthy',
      reason: 'all tasks running',
      at: new Date(Date.now() - ageMs).toISOString(),
    });
    await knex('kafka_connect_health_transitions').insert([
      row('four-days-old', 4 * DAY_MS),
      row('two-days-old', 2 * DAY_MS),
    ]);
    await task.fn(new AbortController().signal);
    expect(
      await knex('kafka_connect_health_transitions').pluck('name'),
    ).toEqual(['two-days-old']);
  });

  it('refuses a retention that is not a positive number of days', async () => {
    await expect(
      startTestBackend({
        features: [
          kafkaConnectPlugin,
          catalogServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: { kafkaConnect: { history: { retentionDays: 0 } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      /kafkaConnect\.history\.retentionDays must be a positive number of days/,
    );
  });
});
