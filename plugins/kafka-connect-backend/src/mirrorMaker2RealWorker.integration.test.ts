/**
 * A MirrorMaker 2 backed by the dev cluster's real Kafka Connect worker,
 * read through the backend API: a really failed task leaves Strimzi's
 * MirrorMaker 2 Ready and the portal says `degraded`; a really failed
 * connector makes it NotReady and the portal says `failed`, with Connect's
 * own trace. Nothing in the status is written by hand.
 */
import {
  failConnector,
  failTask,
  heal,
  realMirrorMaker2Manifest,
  useTestCluster,
} from '@kcs/dev-cluster';
import {
  applyRealWorkerFeed,
  pollConnector,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
jest.setTimeout(240_000);

describe('MirrorMaker 2 on a real Kafka Connect worker, through the backend', () => {
  it('shows a really failed task as degraded and a really failed connector as failed, with the real trace', async () => {
    const cluster = getCluster();
    // Real records in the topic the MirrorMaker 2 mirrors.
    const {
      namespace,
      name: topic,
      filesDir,
      worker,
    } = await applyRealWorkerFeed(cluster, 'mm2api', {
      name: ns => `orders-${ns}`,
      config: () => ({
        'topic.creation.default.partitions': 2,
        'topic.creation.default.replication.factor': -1,
      }),
    });
    const mirror = realMirrorMaker2Manifest({
      apiVersion: 'kafka.strimzi.io/v1',
      namespace,
      name: 'mirror',
      bootstrapServers: cluster.bootstrapServers!,
      filesDir,
      topicsPattern: topic,
      // Two partitions, two tasks: one failing task leaves the other running.
      sourceTasksMax: 2,
    });
    await cluster.apply([mirror.resource] as any);
    const sourceName = `${mirror.sourceAlias}->${mirror.targetAlias}.MirrorSourceConnector`;
    const { server, stop } = await startBackendForCluster(cluster);
    const until = (accept: (body: Record<string, any>) => boolean) =>
      pollConnector(server, cluster, namespace, 'mirror', accept, 120_000);
    const sourceOf = (body: Record<string, any>) =>
      (body.components ?? []).find(
        (component: Record<string, any>) => component.name === sourceName,
      );
    try {
      const healthy = await until(
        body =>
          body.health === 'healthy' && sourceOf(body)?.tasks.running === 2,
      );
      expect(healthy.kind).toBe('KafkaMirrorMaker2');
      // One component per connector the spec names (in the spec's order).
      expect(
        healthy.components.map((c: Record<string, any>) => c.name).sort(),
      ).toEqual([
        `${mirror.sourceAlias}->${mirror.targetAlias}.MirrorCheckpointConnector`,
        sourceName,
      ]);

      const ref = { namespace, name: 'mirror', connector: sourceName };
      await failTask(cluster.kubeConfig(), ref, 0, undefined, worker);
      const degraded = await until(body => body.health === 'degraded');
      expect(sourceOf(degraded)).toMatchObject({
        health: 'degraded',
        tasks: { total: 2, running: 1, failed: 1 },
      });
      expect(sourceOf(degraded).failingTasks[0].trace).toContain(
        'ConfigException: Invalid value not-a-number for configuration refresh.topics.interval.seconds',
      );

      await failConnector(cluster.kubeConfig(), ref, undefined, worker);
      const failed = await until(body => body.health === 'failed');
      expect(sourceOf(failed)).toMatchObject({
        health: 'failed',
        connectorState: 'FAILED',
      });
      expect(sourceOf(failed).reason).toContain(
        'Invalid value not-a-number for configuration refresh.topics.interval.seconds',
      );

      await heal(cluster.kubeConfig(), ref, worker);
      await until(body => body.health === 'healthy');
    } finally {
      await stop();
    }
  });
});
