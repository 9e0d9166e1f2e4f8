/**
 * A MirrorMaker 2 connector's offsets through the backend API, on the dev
 * cluster's real Kafka Connect worker behind the Strimzi stand-in: the
 * listing is Connect's own, written by the operator under the connector's
 * key (`<source>--<target>.MirrorSourceConnector.json`); an alteration and
 * a reset of the stopped connector make it mirror the records again, which
 * a FileStream sink on the mirrored topic writes to a file.
 */
import { realMirrorMaker2Manifest, useTestCluster } from '@kcs/dev-cluster';
import { mockCredentials } from '@backstage/backend-test-utils';
import { CoreV1Api } from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { realWorkerConnect } from './__testUtils__/clusterBackend';
import {
  AuditRecord,
  client,
  OWNER,
  readResource,
  startBackend,
  STRANGER,
} from './__testUtils__/operationsBackend';

const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
jest.setTimeout(300_000);

const FILE_SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const FILE_SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

async function eventually<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what}: last ${JSON.stringify(value)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

describe('MirrorMaker 2 connector offsets through Strimzi, on a real Kafka Connect worker', () => {
  let ctx: {
    namespace: string;
    topic: string;
    connector: string;
    key: string;
    sinkFile: string;
    api: ReturnType<typeof client>;
    server: Parameters<typeof request>[0];
    audit: AuditRecord[];
  };
  const offsetsPath = (connector?: string) =>
    `/api/kafka-connect/connectors/${getCluster().name}/${
      ctx.namespace
    }/mirror/offsets${
      connector ? `?connector=${encodeURIComponent(connector)}` : ''
    }`;
  const list = (connector = ctx.connector, user = OWNER) =>
    request(ctx.server)
      .get(offsetsPath(connector))
      .set('Authorization', mockCredentials.user.header(user));
  const post = (what: string, body?: object, user = OWNER) =>
    request(ctx.server)
      .post(offsetsPath(ctx.connector).replace('?', `/${what}?`))
      .set('Authorization', mockCredentials.user.header(user))
      .send(body);
  const sinkLines = () =>
    fs.existsSync(ctx.sinkFile)
      ? fs.readFileSync(ctx.sinkFile, 'utf8').split('\n').filter(Boolean)
      : [];
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
    const filesDir = cluster.connectorFilesDir!;
    const topic = `orders-${namespace}`;
    fs.writeFileSync(path.join(filesDir, `${topic}.txt`), 'a\nb\nc\n');
    const sinkFile = path.join(filesDir, `mirrored-${namespace}.txt`);
    fs.rmSync(sinkFile, { force: true });
    const mirror = realMirrorMaker2Manifest({
      apiVersion: 'kafka.strimzi.io/v1',
      namespace,
      name: 'mirror',
      bootstrapServers: cluster.bootstrapServers!,
      filesDir,
      topicsPattern: topic,
    });
    const connector = (name: string, spec: Record<string, unknown>) => ({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnector',
      metadata: {
        name,
        namespace,
        labels: { 'strimzi.io/cluster': 'connect' },
      },
      spec: { tasksMax: 1, ...spec },
    });
    await cluster.apply([
      realWorkerConnect(namespace, cluster.bootstrapServers),
      connector(topic, {
        class: FILE_SOURCE,
        config: { file: `${topic}.txt`, topic },
      }),
      // The records MirrorMaker 2 copies, as the sink reads them back.
      connector(`mirrored-${namespace}`, {
        class: FILE_SINK,
        config: {
          file: `mirrored-${namespace}.txt`,
          topics: `${mirror.sourceAlias}.${topic}`,
        },
      }),
      {
        ...mirror.resource,
        metadata: {
          ...mirror.resource.metadata,
          annotations: {
            ...mirror.resource.metadata.annotations,
            'kafka-connect.dev/owner': OWNER,
          },
        },
      },
    ] as any);
    const { server, audit } = await startBackend(cluster);
    const name = `${mirror.sourceAlias}->${mirror.targetAlias}.MirrorSourceConnector`;
    ctx = {
      namespace,
      topic,
      connector: name,
      key: `${mirror.sourceAlias}--${mirror.targetAlias}.MirrorSourceConnector.json`,
      sinkFile,
      api: client(server, cluster.name, namespace),
      server,
      audit,
    };
    await ctx.api.until('mirror', s => s.health === 'healthy', 120_000);
    await eventually(sinkLines, lines => lines.length === 3, 'mirrored file');
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
