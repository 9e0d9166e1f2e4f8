/**
 * A `v1beta2`-only cluster without `strimziVersion` starts "unknown"; the
 * backend learns what its Strimzi reads in `strimzi.io/restart` from an
 * options value written with kubectl-like client code, and its next restart
 * sends that: one `includeTasks` annotation under the stand-in's 0.48
 * profile (the operator acted on the value and removed it), `true` and the
 * task one by one under 0.45 (the value stayed after the operator
 * reconciled a newer generation). On a real Kafka Connect worker.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { useTestCluster } from '@kcs/dev-cluster';
import request from 'supertest';
import {
  applyRealWorkerFeed,
  pollConnector,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

jest.setTimeout(240_000);

const OPTIONS = 'includeTasks,onlyFailed';

describe.each([
  ['0.48', { restartOptions: true, queued: undefined }],
  ['0.45', { restartOptions: false, queued: ['strimzi.io/restart-task: 0'] }],
] as const)('Strimzi %s profile', (profile, expected) => {
  const getCluster = useTestCluster({
    kafka: true,
    strimziProfile: profile,
    private: true,
    timeoutMs: 180_000,
  });

  it(`learns restartOptions: ${expected.restartOptions} from an options value kubectl wrote`, async () => {
    const cluster = getCluster();
    const { namespace, name } = await applyRealWorkerFeed(
      cluster,
      `dialect${profile.replace('.', '')}`,
      {
        name: ns => `feed-${ns}`,
        files: feed => ({ [`${feed}.txt`]: 'a\n' }),
        version: 'v1beta2',
      },
    );
    const { server, stop } = await startBackendForCluster(cluster);
    try {
      const until = (accept: (body: Record<string, any>) => boolean) =>
        pollConnector(server, cluster, namespace, name, accept, 90_000, {
          user: true,
        });
      const dialect = async () =>
        (
          await request(server)
            .get('/api/kafka-connect/clusters')
            .set('Authorization', mockCredentials.user.header())
        ).body.items[0].restartDialect;
      await until(body => body.health === 'healthy');
      expect(await dialect()).toEqual({
        restartOptions: false,
        source: 'unknown',
      });

      // What a person does with kubectl: annotate, and later edit the spec.
      const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
      const patch = (body: object) =>
        api.patchNamespacedCustomObject(
          {
            group: 'kafka.strimzi.io',
            version: 'v1beta2',
            namespace,
            plural: 'kafkaconnectors',
            name,
            body,
          },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        );
      const read = async () =>
        (await api.getNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1beta2',
          namespace,
          plural: 'kafkaconnectors',
          name,
        })) as Record<string, any>;
      await patch({
        metadata: { annotations: { 'strimzi.io/restart': OPTIONS } },
      });
      if (!expected.restartOptions) {
        // The backend saw the value before the spec changes.
        await until(body => body.restartRequest?.value === OPTIONS);
        await patch({ spec: { config: { 'batch.size': '100' } } });
      }

      const deadline = Date.now() + 60_000;
      let learned = await dialect();
      while (learned.source !== 'learned' && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 250));
        learned = await dialect();
      }
      expect(learned).toEqual({
        restartOptions: expected.restartOptions,
        source: 'learned',
      });
      expect((await read()).metadata.annotations?.['strimzi.io/restart']).toBe(
        expected.restartOptions ? undefined : OPTIONS,
      );

      const restart = await request(server)
        .post(
          `/api/kafka-connect/connectors/${cluster.name}/${namespace}/${name}/actions`,
        )
        .set('Authorization', mockCredentials.user.header())
        .send({ action: 'restart', includeTasks: true });
      expect(restart.status).toBe(202);
      expect(restart.body.queued).toEqual(expected.queued);
      // What it wrote (on 0.45 `true`, over the stuck value) was acted on.
      const settleBy = Date.now() + 60_000;
      let annotations = (await read()).metadata.annotations ?? {};
      while (
        annotations['strimzi.io/restart'] !== undefined &&
        Date.now() < settleBy
      ) {
        await new Promise(resolve => setTimeout(resolve, 250));
        annotations = (await read()).metadata.annotations ?? {};
      }
      expect(annotations).not.toHaveProperty('strimzi.io/restart');
    } finally {
      await stop();
    }
  });
});
