import { mockCredentials } from '@backstage/backend-test-utils';
import { mirrorMaker2Manifest, useTestCluster } from '@kcs/dev-cluster';
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
// KafkaConnector and MirrorMaker 2 connectors have `pause` but neither
// `state` (0.38) nor the offsets fields (0.44), as the product's fallbacks
// expect of such a cluster.
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

  it('pauses and resumes one MirrorMaker 2 connector with its pause, and refuses stop naming Strimzi 0.38', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('oldmm2');
    const source = 'eu->us.MirrorSourceConnector';
    const checkpoint = 'eu->us.MirrorCheckpointConnector';
    await cluster.apply(
      mirrorMaker2Manifest(namespace, {
        version: 'v1beta2',
        annotations: { 'kafka-connect.dev/owner': OWNER },
        mirrors: [
          {
            source: 'eu',
            sourceConnector: { tasksMax: 1 },
            checkpointConnector: { tasksMax: 1 },
            heartbeatConnector: {},
          },
        ],
      }),
    );
    // No Strimzi version configured: the API server's refusal of `state` tells.
    const { server } = await startBackend(cluster);
    const api = client(server, cluster.name, namespace);
    const stateOf = (summary: Record<string, any>, name: string) =>
      summary.components?.find((c: { name: string }) => c.name === name)
        ?.connectorState;
    const first = await api.until(
      'mirror',
      s => stateOf(s, source) === 'RUNNING' && s.health === 'healthy',
    );
    expect(first.stopUnsupported).toBeUndefined();
    const listedMirror = async () =>
      (
        await request(server)
          .get(`/api/kafka-connect/connectors?cluster=${cluster.name}`)
          .set('Authorization', mockCredentials.user.header(OWNER))
      ).body.items.find(
        (item: { namespace: string; name: string }) =>
          item.namespace === namespace && item.name === 'mirror',
      );
    // The list's summaries are built now, before the cluster shows it lacks state.
    expect(await listedMirror()).not.toHaveProperty('stopUnsupported');
    const read = () =>
      readResource(
        cluster,
        'kafkamirrormaker2s',
        namespace,
        'mirror',
        'v1beta2',
      );
    const before = await read();

    const stop = await api.act('mirror', { action: 'stop', connector: source });
    expect(stop.status).toBe(400);
    expect(stop.body.error.message).toMatch(
      /needs spec.state, which came with Strimzi 0.38.*pause the connector instead, or upgrade Strimzi/,
    );
    expect((await read()).metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
    // Learned from the refusal: the menu shows Stop disabled with the reason,
    // in the list too, though the resource did not change.
    expect((await api.get('mirror')).body.stopUnsupported).toBe(
      stop.body.error.message,
    );
    expect((await listedMirror()).stopUnsupported).toBe(
      stop.body.error.message,
    );

    const pause = await api.act('mirror', {
      action: 'pause',
      connector: source,
    });
    expect(pause.status).toBe(202);
    const paused = (await read()).spec.mirrors[0];
    expect(paused.sourceConnector).toEqual({ tasksMax: 1, pause: true });
    expect(paused.checkpointConnector).toEqual({ tasksMax: 1 });
    const pausedSummary = await api.until(
      'mirror',
      s => stateOf(s, source) === 'PAUSED',
    );
    expect(stateOf(pausedSummary, checkpoint)).toBe('RUNNING');
    expect(
      pausedSummary.components.find((c: { name: string }) => c.name === source)
        .desiredState,
    ).toBe('paused');

    const resume = await api.act('mirror', {
      action: 'resume',
      connector: source,
    });
    expect(resume.status).toBe(202);
    expect((await read()).spec.mirrors[0].sourceConnector.pause).toBe(false);
    await api.until(
      'mirror',
      s => stateOf(s, source) === 'RUNNING' && s.health === 'healthy',
    );

    // With the version configured it is known before any write.
    const { server: configured } = await startBackend(cluster, {
      strimziVersion: '0.37.0',
    });
    expect(
      (
        await client(configured, cluster.name, namespace).until(
          'mirror',
          s => s.health !== undefined,
        )
      ).stopUnsupported,
    ).toContain("this cluster's Strimzi is 0.37.0");

    const heartbeat = 'eu->us.MirrorHeartbeatConnector';
    expect(
      (await api.act('mirror', { action: 'pause', connector: heartbeat }))
        .status,
    ).toBe(202);
    expect((await read()).spec.mirrors[0].heartbeatConnector).toEqual({
      pause: true,
    });
    await api.until('mirror', s => stateOf(s, heartbeat) === 'PAUSED');
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
