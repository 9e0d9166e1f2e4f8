import { mockCredentials } from '@backstage/backend-test-utils';
import { useTestCluster } from '@kcs/dev-cluster';
import request from 'supertest';
import {
  OWNER,
  connectResource,
  connectorResource,
  startBackend,
  client,
  readResource,
} from './__testUtils__/operationsBackend';

// The stand-in's Strimzi 0.37 profile: kafka.strimzi.io/v1beta2 whose
// KafkaConnector has `spec.pause` but neither `spec.state` (0.38) nor the
// offsets fields (0.44), as the product's fallbacks expect of such a cluster.
describe('connector operations on a v1beta2 cluster without spec.state (Strimzi 0.37)', () => {
  const getCluster = useTestCluster({ strimziProfile: '0.37' });

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

  it('refuses offsets with 400 naming Strimzi 0.44 when the CRD has no spec.listOffsets, writing nothing', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('oldoffsets');
    await cluster.apply([
      connectResource(namespace, 'kafka.strimzi.io/v1beta2'),
      connectorResource(namespace, 'orders-cdc', 'kafka.strimzi.io/v1beta2'),
    ] as any);
    // No Strimzi version configured: the API server's refusal of spec.listOffsets tells.
    const { server } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    await api.until('orders-cdc', s => s.health === 'healthy');
    const before = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
      'v1beta2',
    );

    const refused = await request(server)
      .get(
        `/api/kafka-connect/connectors/${cluster.name}/${namespace}/orders-cdc/offsets`,
      )
      .set('Authorization', mockCredentials.user.header(OWNER));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('came with Strimzi 0.44');
    const after = await readResource(
      cluster,
      'kafkaconnectors',
      namespace,
      'orders-cdc',
      'v1beta2',
    );
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
    expect(after.metadata.annotations).not.toHaveProperty(
      'strimzi.io/connector-offsets',
    );
  });
});
