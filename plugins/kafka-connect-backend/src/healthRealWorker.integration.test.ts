/**
 * Health rules of issue 19 on a connector that a real Kafka Connect worker
 * runs: the failure is real (an unreadable file), so is Connect's trace,
 * and the operator stand-in restarts it automatically the way Strimzi does.
 */
import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { failTask, heal, useTestCluster } from '@kcs/dev-cluster';
import {
  applyRealWorkerFeed,
  pollConnector,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
jest.setTimeout(180_000);

describe('health on a real Kafka Connect worker', () => {
  it('names the root cause and the next automatic restart of a really failing task, and folds a Connect cluster at 0 replicas in', async () => {
    const cluster = getCluster();
    const { namespace, name, worker } = await applyRealWorkerFeed(
      cluster,
      'realhealth',
      { name: ns => `feed-${ns}`, spec: { autoRestart: { enabled: true } } },
    );
    const { server } = await startBackendForCluster(cluster);
    const until = (accept: (body: Record<string, any>) => boolean) =>
      pollConnector(server, cluster, namespace, name, accept, 90_000);
    const healthy = await until(body => body.health === 'healthy');
    expect(healthy.autoRestart).toMatchObject({ enabled: true, count: 0 });

    await failTask(
      cluster.kubeConfig(),
      { namespace, name },
      0,
      undefined,
      worker,
    );
    // Strimzi's rule: restart at once (count 0), then n²+n minutes after the
    // last; the file stays unreadable, so the task fails again.
    const retrying = await until(
      body => body.health !== 'healthy' && (body.autoRestart?.count ?? 0) >= 1,
    );
    expect(['failed', 'degraded']).toContain(retrying.health);
    expect(retrying.reason).toMatch(/automatic restart/);
    const { count, lastRestartTimestamp, nextRestartAt } = retrying.autoRestart;
    expect(Date.parse(nextRestartAt) - Date.parse(lastRestartTimestamp)).toBe(
      Math.min(count * count + count, 60) * 60_000,
    );
    const failed = await until(body => body.failingTasks.length > 0);
    // The reason quotes the bottom of Connect's own trace, not its first line.
    expect(failed.reason).toContain('Too many levels of symbolic links');
    expect(failed.failingTasks[0].trace.split('\n')[0]).not.toBe(failed.reason);

    await heal(cluster.kubeConfig(), { namespace, name }, worker);
    await until(body => body.health === 'healthy');

    // The Connect cluster scaled to 0: the connector is not healthy, and says why.
    await cluster
      .kubeConfig()
      .makeApiClient(CustomObjectsApi)
      .patchNamespacedCustomObject(
        {
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace,
          plural: 'kafkaconnects',
          name: 'connect',
          body: { spec: { replicas: 0 } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
    const scaledDown = await until(body => body.health !== 'healthy');
    expect(scaledDown.health).toBe('stopped');
    expect(scaledDown.reason).toContain('0 replicas');
  });
});
