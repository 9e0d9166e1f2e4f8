import { useTestCluster } from '@kcs/dev-cluster';
import { CoreV1Api } from '@kubernetes/client-node';
import fs from 'node:fs';
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

// A real Kafka broker and Kafka Connect worker behind the dev cluster's
// Strimzi stand-in: offsets are Connect's own, listed, reset and altered
// through the spec.listOffsets / spec.alterOffsets ConfigMaps and the
// strimzi.io/connector-offsets annotation.
const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
jest.setTimeout(180_000);

describe('connector offsets through Strimzi, on a real Kafka Connect worker', () => {
  let ctx: OffsetsFeed;
  const listOffsets = (name: string, user = OWNER) =>
    ctx.listOffsets(name, { user });
  const post = (name: string, what: string, body?: object, user = OWNER) =>
    ctx.postOffsets(name, what, body, { user });
  const sinkLines = () => ctx.sinkLines();
  const stop = async (name: string) => {
    expect((await ctx.api.act(name, { action: 'stop' })).status).toBe(202);
    await ctx.api.until(name, s => s.connectorState === 'STOPPED', 60_000);
  };

  beforeAll(async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('offsets');
    ctx = await startOffsetsFeed(cluster, namespace, {
      source: `feed-${namespace}`,
      sink: `copy-${namespace}`,
      lines: ['one', 'two', 'three'],
      annotations: { 'kafka-connect.dev/owner': OWNER },
    });
  });

  it("lists a running source's and sink's offsets, and when they were listed", async () => {
    const before = Date.now();
    // Connect commits offsets every second; a listing may come before the first.
    const listed = await eventually(
      () => listOffsets(ctx.source),
      response => response.status !== 200 || response.body.offsets.length > 0,
      'source offsets',
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({
      offsets: [
        {
          partition: { filename: `${ctx.source}.txt` },
          offset: { position: 14 },
        },
      ],
      configMap: `${ctx.source}-offsets`,
    });
    expect(Date.parse(listed.body.listedAt)).toBeGreaterThan(before - 10_000);
    const resource = await readResource(
      getCluster(),
      'kafkaconnectors',
      ctx.namespace,
      ctx.source,
    );
    expect(resource.spec.listOffsets).toEqual({
      toConfigMap: { name: `${ctx.source}-offsets` },
    });
    expect(resource.metadata.annotations).not.toHaveProperty(
      'strimzi.io/connector-offsets',
    );

    const sink = await eventually(
      () => listOffsets(ctx.sink),
      response =>
        response.status !== 200 ||
        response.body.offsets[0]?.offset?.kafka_offset === 3,
      'sink offsets',
    );
    expect(sink.body.offsets).toEqual([
      {
        partition: { kafka_topic: ctx.source, kafka_partition: 0 },
        offset: { kafka_offset: 3 },
      },
    ]);
    expect(
      ctx.audit.filter(e => e.eventId === 'connector-offsets').at(-1),
    ).toMatchObject({
      actor: OWNER,
      outcome: 'success',
      meta: { operation: 'list' },
    });
  });

  it('refuses another team: 403 for list and reset, nothing written', async () => {
    const listed = await listOffsets(ctx.sink, STRANGER);
    expect(listed.status).toBe(403);
    expect(listed.body.error.message).toContain(
      'only its owner and admins may (permission kafka.connect.operate)',
    );
    expect((await post(ctx.sink, 'reset', {}, STRANGER)).status).toBe(403);
    const resource = await readResource(
      getCluster(),
      'kafkaconnectors',
      ctx.namespace,
      ctx.sink,
    );
    expect(resource.metadata.annotations).not.toHaveProperty(
      'strimzi.io/connector-offsets',
    );
    expect(ctx.audit.at(-1)).toMatchObject({
      eventId: 'connector-offsets',
      actor: STRANGER,
      outcome: 'fail',
    });
  });

  it('resets a stopped sink, which then consumes the topic again from the start', async () => {
    const running = await post(ctx.sink, 'reset');
    expect(running.status).toBe(409);
    expect(running.body.error.message).toContain('Stop it first');

    await stop(ctx.sink);
    fs.rmSync(ctx.sinkFile, { force: true });
    const reset = await post(ctx.sink, 'reset');
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({
      operation: 'reset',
      outcome: { state: 'done' },
    });
    expect((await listOffsets(ctx.sink)).body.offsets).toEqual([]);

    expect((await ctx.api.act(ctx.sink, { action: 'resume' })).status).toBe(
      202,
    );
    const lines = await eventually(
      sinkLines,
      found => found.length >= 3,
      'sink file after the reset',
    );
    expect(lines).toEqual(['one', 'two', 'three']);
  });

  it("alters a stopped source's offset: it reads the file again from there", async () => {
    await stop(ctx.source);
    const invalid = await post(ctx.source, 'alter', {
      offsets: [{ partition: {}, offset: { position: 4 } }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain(
      'offsets.offsets[0].partition must be a non-empty object',
    );
    const core = getCluster().kubeConfig().makeApiClient(CoreV1Api);
    await expect(
      core.readNamespacedConfigMap({
        namespace: ctx.namespace,
        name: `${ctx.source}-offsets-alter`,
      }),
    ).rejects.toMatchObject({ code: 404 });

    // Connect's FileStream source refuses a partition without 'filename':
    // Strimzi's Warning is the outcome.
    const refused = await post(ctx.source, 'alter', {
      offsets: [{ partition: { file: 'x' }, offset: { position: 1 } }],
    });
    expect(refused.status).toBe(200);
    expect(refused.body.outcome).toMatchObject({
      state: 'failed',
      reason: 'AlterOffsets',
    });

    const altered = await post(ctx.source, 'alter', {
      offsets: [
        {
          partition: { filename: `${ctx.source}.txt` },
          offset: { position: 4 },
        },
      ],
    });
    expect(altered.status).toBe(200);
    expect(altered.body).toEqual({
      operation: 'alter',
      outcome: { state: 'done' },
    });
    const configMap = await core.readNamespacedConfigMap({
      namespace: ctx.namespace,
      name: `${ctx.source}-offsets-alter`,
    });
    expect(configMap.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'KafkaConnector',
      name: ctx.source,
    });
    expect((await listOffsets(ctx.source)).body.offsets).toEqual([
      {
        partition: { filename: `${ctx.source}.txt` },
        offset: { position: 4 },
      },
    ]);

    const before = sinkLines().length;
    expect((await ctx.api.act(ctx.source, { action: 'resume' })).status).toBe(
      202,
    );
    const lines = await eventually(
      sinkLines,
      found => found.length >= before + 2,
      'records read again after the alteration',
    );
    expect(lines.slice(before)).toEqual(['two', 'three']);
    expect(
      ctx.audit
        .filter(e => e.eventId === 'connector-offsets' && e.actor === OWNER)
        .map(e => [e.meta?.operation, e.outcome]),
    ).toEqual(
      expect.arrayContaining([
        ['reset', 'success'],
        ['alter', 'fail'],
        ['alter', 'success'],
      ]),
    );
  });

  it('refuses offsets with 400 where the configured Strimzi is older than 0.44, and says so in the summary', async () => {
    const { server } = await startBackend(getCluster(), {
      strimziVersion: '0.43.0',
    });
    const old = client(server, getCluster().name, ctx.namespace);
    const summary = await old.until(ctx.sink, s => s.health !== undefined);
    expect(summary.offsetsUnsupported).toContain(
      'Strimzi 0.43.0 cannot list, alter or reset connector offsets',
    );
    const refused = await ctx.listOffsets(ctx.sink, { server });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(
      'came with Strimzi 0.44. Upgrade Strimzi',
    );
    expect((await ctx.api.get(ctx.sink)).body).not.toHaveProperty(
      'offsetsUnsupported',
    );
  });
});
