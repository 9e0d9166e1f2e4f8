/**
 * "Restart failed tasks" from the portal on a real Kafka Connect worker,
 * under the stand-in's Strimzi 0.45 profile (the annotation is read as a
 * boolean) and 1.2 (restart options): on both the really failed task runs
 * again, because the portal sends what that Strimzi reads.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { failTask, useTestCluster } from '@kcs/dev-cluster';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  applyRealWorkerFeed,
  pollConnector,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

jest.setTimeout(180_000);

describe.each([
  ['0.45', 'v1beta2', 'strimzi.io/restart-task'],
  ['1.2', 'v1', 'strimzi.io/restart'],
] as const)('Strimzi %s profile', (profile, version, annotation) => {
  const getCluster = useTestCluster({
    kafka: true,
    strimziProfile: profile,
    private: true,
    timeoutMs: 180_000,
  });

  it(`restarts a really failed task with ${annotation}`, async () => {
    const cluster = getCluster();
    const { namespace, name, filesDir, worker } = await applyRealWorkerFeed(
      cluster,
      `restart${profile.replace('.', '')}`,
      { name: ns => `feed-${ns}`, version },
    );
    const file = path.join(filesDir, `${name}.txt`);
    const { server } = await startBackendForCluster(cluster);
    const until = (accept: (body: Record<string, any>) => boolean) =>
      pollConnector(server, cluster, namespace, name, accept, 90_000, {
        user: true,
      });
    const url = `/api/kafka-connect/connectors/${cluster.name}/${namespace}/${name}`;
    await until(body => body.health === 'healthy');

    await failTask(
      cluster.kubeConfig(),
      { namespace, name },
      0,
      undefined,
      worker,
    );
    await until(body => body.failingTasks.length === 1);
    // The file is readable again, but nothing restarts the task by itself.
    fs.rmSync(file, { force: true });
    fs.renameSync(`${file}.held`, file);

    const restart = await request(server)
      .post(`${url}/actions`)
      .set('Authorization', mockCredentials.user.header())
      .send({ action: 'restart', includeTasks: true, onlyFailed: true });
    expect(restart.status).toBe(202);
    const recovered = await until(body => body.health === 'healthy');
    expect(recovered.restartRequest).toBeUndefined();
    const resource = (await cluster
      .kubeConfig()
      .makeApiClient(CustomObjectsApi)
      .getNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version,
        namespace,
        plural: 'kafkaconnectors',
        name,
      })) as Record<string, any>;
    expect(resource.metadata.annotations ?? {}).not.toHaveProperty(annotation);
  });
});
