/**
 * A MirrorMaker 2 connector's offsets through the backend API, on the dev
 * cluster's real Kafka Connect worker behind the Strimzi stand-in: the
 * listing is Connect's own, written by the operator under the connector's
 * key (`<source>--<target>.MirrorSourceConnector.json`); an alteration and
 * a reset of the stopped connector make it mirror the records again, which
 * a FileStream sink on the mirrored topic writes to a file.
 */
import { realMirrorMaker2Manifest, useTestCluster } from '@kcs/dev-cluster';
import { CoreV1Api } from '@kubernetes/client-node';
import {
  eventually,
  OffsetsFeed,
  startOffsetsFeed,
} from './__testUtils__/offsetsFeed';
import {
  client,
  OWNER,
  readResource,
  startBackend,
  STRANGER,
} from './__testUtils__/operationsBackend';

const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
jest.setTimeout(300_000);

describe('MirrorMaker 2 connector offsets through Strimzi, on a real Kafka Connect worker', () => {
  let ctx: OffsetsFeed & {
    topic: string;
    connector: string;
    key: string;
  };
  const list = (connector = ctx.connector, user = OWNER) =>
    ctx.listOffsets('mirror', { connector, user });
  const post = (what: string, body?: object, user = OWNER) =>
    ctx.postOffsets('mirror', what, body, { connector: ctx.connector, user });
  const sinkLines = () => ctx.sinkLines();
  const componentState = async () =>
    (await ctx.api.get('mirror')).body.components?.find(
      (component: { name: string }) => component.name === ctx.connector,
    )?.connectorState;
  const setState = async (action: 'stop' | 'resume', state: string) => {
    const answer = await ctx.api.act('mirror', {
      action,
      connector: ctx.connector,
    });
    expect(answer.status).toBe(202);
    await eventually(componentState, found => found === state, state);
  };

  beforeAll(async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('mm2offsets');
    const topic = `orders-${namespace}`;
    const mirror = realMirrorMaker2Manifest({
      apiVersion: 'kafka.strimzi.io/v1',
      namespace,
      name: 'mirror',
      bootstrapServers: cluster.bootstrapServers!,
      filesDir: cluster.connectorFilesDir!,
      topicsPattern: topic,
    });
    const feed = await startOffsetsFeed(cluster, namespace, {
      source: topic,
      // The records MirrorMaker 2 copies, as the sink reads them back.
      sink: `mirrored-${namespace}`,
      sinkTopic: `${mirror.sourceAlias}.${topic}`,
      lines: ['a', 'b', 'c'],
      resources: [
        {
          ...mirror.resource,
          metadata: {
            ...mirror.resource.metadata,
            // Applied by Flux: the spec the portal adds shows as drift.
            labels: { 'kustomize.toolkit.fluxcd.io/name': 'mirrors' },
            annotations: {
              ...mirror.resource.metadata.annotations,
              'kafka-connect.dev/owner': OWNER,
            },
          },
        },
      ],
    });
    ctx = {
      ...feed,
      topic,
      connector: `${mirror.sourceAlias}->${mirror.targetAlias}.MirrorSourceConnector`,
      key: `${mirror.sourceAlias}--${mirror.targetAlias}.MirrorSourceConnector.json`,
    };
    await ctx.api.until('mirror', s => s.health === 'healthy', 120_000);
  });

  it("lists the source connector's offsets into its own key of the MirrorMaker 2's ConfigMap", async () => {
    // Connect commits offsets every second; a listing may come before.
    const listed = await eventually(
      () => list(),
      response =>
        response.status !== 200 ||
        response.body.offsets[0]?.offset?.offset === 2,
      'source offsets',
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      offsets: [
        {
          partition: { topic: ctx.topic, partition: 0 },
          offset: { offset: 2 },
        },
      ],
      configMap: 'mirror-offsets',
      warnings: [
        'Flux (mirrors) applies this MirrorMaker 2: the portal added spec.mirrors[0].sourceConnector.listOffsets, which Flux (mirrors) shows as drift and may remove on its next sync. Add it in Git to keep it.',
      ],
    });
    const core = getCluster().kubeConfig().makeApiClient(CoreV1Api);
    const configMap = await core.readNamespacedConfigMap({
      namespace: ctx.namespace,
      name: 'mirror-offsets',
    });
    expect(Object.keys(configMap.data ?? {})).toEqual([ctx.key]);
    expect(configMap.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'KafkaMirrorMaker2',
      name: 'mirror',
    });
    const resource = await readResource(
      getCluster(),
      'kafkamirrormaker2s',
      ctx.namespace,
      'mirror',
    );
    expect(resource.spec.mirrors[0].sourceConnector.listOffsets).toEqual({
      toConfigMap: { name: 'mirror-offsets' },
    });
    expect(resource.metadata.annotations).not.toHaveProperty(
      'strimzi.io/connector-offsets',
    );
    expect(resource.metadata.annotations).not.toHaveProperty(
      'strimzi.io/mirrormaker-connector',
    );
    expect(ctx.audit.at(-1)).toMatchObject({
      eventId: 'connector-offsets',
      actor: OWNER,
      outcome: 'success',
      meta: { operation: 'list', mirrorConnector: ctx.connector },
    });

    // The checkpoint connector (no consumer group to checkpoint) lists into
    // the same ConfigMap, under its own key beside the source's.
    const checkpoint = ctx.connector.replace(
      'MirrorSourceConnector',
      'MirrorCheckpointConnector',
    );
    const listedCheckpoint = await list(checkpoint);
    expect(listedCheckpoint.status).toBe(200);
    expect(listedCheckpoint.body.offsets).toEqual([]);
    const shared = await core.readNamespacedConfigMap({
      namespace: ctx.namespace,
      name: 'mirror-offsets',
    });
    expect(Object.keys(shared.data ?? {}).sort()).toEqual(
      [ctx.key, ctx.key.replace('Source', 'Checkpoint')].sort(),
    );
  });

  it('asks which connector, and refuses one the spec does not configure', async () => {
    const without = await list('');
    expect(without.status).toBe(400);
    expect(without.body.error.message).toContain(
      `Query parameter 'connector' is required for a KafkaMirrorMaker2: name one of its connectors (${ctx.connector}, `,
    );
    const unknown = await list('x->y.MirrorSourceConnector');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain(
      "not 'x->y.MirrorSourceConnector'",
    );
  });

  it('refuses offsets with 400 where the configured Strimzi is older than 0.44, and says so in the summary', async () => {
    const { server } = await startBackend(getCluster(), {
      strimziVersion: '0.43.0',
    });
    const old = client(server, getCluster().name, ctx.namespace);
    const summary = await old.until('mirror', s => s.health !== undefined);
    expect(summary.offsetsUnsupported).toContain(
      'Strimzi 0.43.0 cannot list, alter or reset connector offsets',
    );
    const refused = await ctx.listOffsets('mirror', {
      connector: ctx.connector,
      server,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('came with Strimzi 0.44');
    expect((await ctx.api.get('mirror')).body).not.toHaveProperty(
      'offsetsUnsupported',
    );
  });

  it('refuses another team: 403 for list and reset, nothing written', async () => {
    expect((await list(ctx.connector, STRANGER)).status).toBe(403);
    const reset = await post('reset', {}, STRANGER);
    expect(reset.status).toBe(403);
    expect(reset.body.error.message).toContain(
      'only its owner and admins may (permission kafka.connect.operate)',
    );
    const resource = await readResource(
      getCluster(),
      'kafkamirrormaker2s',
      ctx.namespace,
      'mirror',
    );
    expect(resource.metadata.annotations).not.toHaveProperty(
      'strimzi.io/connector-offsets',
    );
  });

  it('alters and resets the stopped connector, which then mirrors the records again from there', async () => {
    const running = await post('reset');
    expect(running.status).toBe(409);
    expect(running.body.error.message).toContain(
      `Stop it first (action stop with connector ${ctx.connector})`,
    );
    await setState('stop', 'STOPPED');

    const partition = {
      cluster: ctx.connector.split('->')[0],
      topic: ctx.topic,
      partition: 0,
    };
    // The last record mirrored is the first: the other two come again.
    const altered = await post('alter', {
      offsets: [{ partition, offset: { offset: 0 } }],
    });
    expect(altered.status).toBe(200);
    expect(altered.body).toEqual({
      operation: 'alter',
      outcome: { state: 'done' },
      warnings: [
        expect.stringContaining(
          'the portal added spec.mirrors[0].sourceConnector.alterOffsets',
        ),
      ],
    });
    expect((await list()).body.offsets).toEqual([
      { partition, offset: { offset: 0 } },
    ]);
    await setState('resume', 'RUNNING');
    await eventually(sinkLines, lines => lines.length >= 5, 'after alter');
    expect(sinkLines()).toEqual(['a', 'b', 'c', 'b', 'c']);

    await setState('stop', 'STOPPED');
    const reset = await post('reset');
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({
      operation: 'reset',
      outcome: { state: 'done' },
    });
    expect((await list()).body.offsets).toEqual([]);
    await setState('resume', 'RUNNING');
    await eventually(sinkLines, lines => lines.length >= 8, 'after reset');
    expect(sinkLines()).toEqual(['a', 'b', 'c', 'b', 'c', 'a', 'b', 'c']);
    expect(
      ctx.audit
        .filter(e => e.eventId === 'connector-offsets' && e.actor === OWNER)
        .map(e => [e.meta?.operation, e.outcome]),
    ).toEqual(
      expect.arrayContaining([
        ['reset', 'fail'],
        ['alter', 'success'],
        ['reset', 'success'],
      ]),
    );
  });
});
