import { useTestCluster } from '@kcs/dev-cluster';
import {
  connectResource,
  connectorResource,
  startBackend,
  client,
  readResource,
} from './__testUtils__/operationsBackend';

describe('connector operations on a v1beta2 cluster without spec.state', () => {
  const getCluster = useTestCluster({ strimziApi: 'v1beta2-only' });

  it('pauses and resumes with spec.pause, and refuses stop with a clear error', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('old');
    await cluster.apply([
      connectResource(namespace, 'kafka.strimzi.io/v1beta2'),
      connectorResource(namespace, 'orders-cdc', 'kafka.strimzi.io/v1beta2'),
    ] as any);
    const { server } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    await api.until('orders-cdc', s => s.health === 'healthy');

    expect((await api.act('orders-cdc', { action: 'pause' })).status).toBe(202);
    const read = () =>
      readResource(
        cluster,
        'kafkaconnectors',
        namespace,
        'orders-cdc',
        'v1beta2',
      );
    expect((await read()).spec.pause).toBe(true);
    await api.until('orders-cdc', s => s.health === 'paused');

    const before = await read();
    const stop = await api.act('orders-cdc', { action: 'stop' });
    expect(stop.status).toBe(400);
    expect(stop.body.error.message).toMatch(
      /needs spec.state.*pause the connector instead, or upgrade Strimzi/,
    );
    expect((await read()).metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );

    expect((await api.act('orders-cdc', { action: 'resume' })).status).toBe(
      202,
    );
    expect((await read()).spec.pause).toBe(false);
    await api.until('orders-cdc', s => s.health === 'healthy');
  });
});
