import {
  failConnector,
  failTask,
  heal,
  useTestCluster,
} from '@kcs/dev-cluster';
import {
  applyRealWorkerFeed,
  pollConnector,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

// A real Kafka Connect worker runs the connector; its failures are real
// (an unreadable file, an invalid setting), and so are the traces the API
// serves.
const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
jest.setTimeout(120_000);

describe('kafka-connect REST API on a real Kafka Connect worker', () => {
  it('serves a really failing task as degraded or failed with Connect’s trace, then a failed connector', async () => {
    const cluster = getCluster();
    const { namespace, name, worker } = await applyRealWorkerFeed(
      cluster,
      'real',
      {
        name: ns => `feed-${ns}`,
        files: feed => ({ [`${feed}.properties`]: 'batch.size=10\n' }),
        config: feed => ({
          'batch.size': `\${file:${feed}.properties:batch.size}`,
        }),
      },
    );
    const { server } = await startBackendForCluster(cluster);
    const until = (accept: (body: Record<string, any>) => boolean) =>
      pollConnector(server, cluster, namespace, name, accept, 60_000);
    await until(body => body.health === 'healthy');

    await failTask(
      cluster.kubeConfig(),
      { namespace, name },
      0,
      undefined,
      worker,
    );
    const taskFailed = await until(body =>
      ['degraded', 'failed'].includes(body.health),
    );
    expect(taskFailed.failingTasks).toEqual([
      expect.objectContaining({
        id: 0,
        state: 'FAILED',
        trace: expect.stringContaining(
          'at org.apache.kafka.connect.file.FileStreamSourceTask.poll',
        ),
      }),
    ]);
    expect(JSON.stringify(taskFailed)).toContain(
      'Too many levels of symbolic links',
    );

    await heal(cluster.kubeConfig(), { namespace, name }, worker);
    await until(body => body.health === 'healthy');
    await failConnector(
      cluster.kubeConfig(),
      { namespace, name },
      undefined,
      worker,
    );
    const connectorFailed = await until(body => body.health === 'failed');
    expect(JSON.stringify(connectorFailed)).toContain(
      'Invalid value not-a-number for configuration batch.size',
    );
  });
});
