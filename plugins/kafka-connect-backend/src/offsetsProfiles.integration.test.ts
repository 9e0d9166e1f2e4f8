/**
 * Offsets listed from the portal under the stand-in's Strimzi 0.45 profile
 * (kafka.strimzi.io/v1beta2 only, the oldest profile; offsets came with
 * 0.44) on a real Kafka Connect worker.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { useTestCluster } from '@kcs/dev-cluster';
import request from 'supertest';
import {
  applyRealWorkerFeed,
  pollConnector,
  startBackendForCluster,
} from './__testUtils__/clusterBackend';

jest.setTimeout(180_000);

describe('Strimzi 0.45 profile (v1beta2)', () => {
  const getCluster = useTestCluster({
    kafka: true,
    strimziProfile: '0.45',
    private: true,
    timeoutMs: 180_000,
  });

  it("lists a running FileStream source's offsets through a v1beta2 KafkaConnector", async () => {
    const cluster = getCluster();
    const { namespace, name } = await applyRealWorkerFeed(
      cluster,
      'offsets045',
      {
        name: ns => `feed-${ns}`,
        files: feed => ({ [`${feed}.txt`]: 'a\nbb\n' }),
        version: 'v1beta2',
      },
    );
    const { server } = await startBackendForCluster(cluster);
    await pollConnector(
      server,
      cluster,
      namespace,
      name,
      body => body.health === 'healthy' && body.topics.length > 0,
      90_000,
      { user: true },
    );
    const url = `/api/kafka-connect/connectors/${cluster.name}/${namespace}/${name}/offsets`;
    const deadline = Date.now() + 60_000;
    let listed = await request(server)
      .get(url)
      .set('Authorization', mockCredentials.user.header());
    // Connect commits offsets every second; a listing may come before the first.
    while (listed.status === 200 && listed.body.offsets.length === 0) {
      if (Date.now() > deadline) break;
      await new Promise(resolve => setTimeout(resolve, 1000));
      listed = await request(server)
        .get(url)
        .set('Authorization', mockCredentials.user.header());
    }
    expect(listed.status).toBe(200);
    expect(listed.body.offsets).toEqual([
      { partition: { filename: `${name}.txt` }, offset: { position: 5 } },
    ]);
    expect(listed.body.configMap).toBe(`${name}-offsets`);
  });
});
