/**
 * The set-up the offsets integration tests share: on the real worker, a
 * FileStream source feeding a topic and a FileStream sink writing a topic
 * into a file (whose lines show what was read again after an alteration
 * or reset), the backend, and a client of its offsets routes.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import type { TestCluster } from '@kcs/dev-cluster';
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import request from 'supertest';
import { FILE_SOURCE, realWorkerConnect } from './clusterBackend';
import { AuditRecord, client, OWNER, startBackend } from './operationsBackend';

export const FILE_SINK =
  'org.apache.kafka.connect.file.FileStreamSinkConnector';

/** Reads until `accept` holds; throws with the last value after `timeoutMs`. */
export async function eventually<T>(
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

/** Who asks, which connector of a KafkaMirrorMaker2 (`?connector=`), and which backend. */
export interface OffsetsRequestOptions {
  user?: string;
  connector?: string;
  /** Another backend on the same cluster (e.g. one configured with an old Strimzi). */
  server?: Server;
}

export interface OffsetsFeed {
  namespace: string;
  /** The source connector; its topic has the same name, its file `<source>.txt`. */
  source: string;
  sink: string;
  sinkFile: string;
  /** The lines the sink wrote so far. */
  sinkLines(): string[];
  server: Server;
  audit: AuditRecord[];
  api: ReturnType<typeof client>;
  /** GET `.../<name>/offsets`. */
  listOffsets(name: string, options?: OffsetsRequestOptions): request.Test;
  /** POST `.../<name>/offsets/<what>` (`alter`, `reset`). */
  postOffsets(
    name: string,
    what: string,
    body?: object,
    options?: OffsetsRequestOptions,
  ): request.Test;
}

/**
 * Applies, in `namespace`, a KafkaConnect the real worker backs, the
 * source (reading `lines` from `<source>.txt`) and the sink (writing
 * `sinkTopic`, the source's topic unless told, to `<sink>.txt`), and
 * `resources` beside them; starts the backend and waits until both
 * connectors are healthy and the sink wrote every line.
 */
export async function startOffsetsFeed(
  cluster: TestCluster,
  namespace: string,
  options: {
    source: string;
    sink: string;
    lines: string[];
    sinkTopic?: string;
    /** Annotations of both connectors (e.g. their owner). */
    annotations?: Record<string, string>;
    /** More resources, e.g. the KafkaMirrorMaker2 the sink reads from. */
    resources?: object[];
    timeoutMs?: number;
  },
): Promise<OffsetsFeed> {
  const { source, sink } = options;
  const timeoutMs = options.timeoutMs ?? 90_000;
  const filesDir = cluster.connectorFilesDir!;
  fs.writeFileSync(
    path.join(filesDir, `${source}.txt`),
    options.lines.map(line => `${line}\n`).join(''),
  );
  const sinkFile = path.join(filesDir, `${sink}.txt`);
  // A file left by an earlier run would count as lines already read.
  fs.rmSync(sinkFile, { force: true });
  const kafkaConnector = (name: string, spec: Record<string, unknown>) => ({
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: {
      name,
      namespace,
      labels: { 'strimzi.io/cluster': 'connect' },
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: { tasksMax: 1, ...spec },
  });
  await cluster.apply([
    realWorkerConnect(namespace, cluster.bootstrapServers),
    kafkaConnector(source, {
      class: FILE_SOURCE,
      config: { file: `${source}.txt`, topic: source },
    }),
    kafkaConnector(sink, {
      class: FILE_SINK,
      config: { file: `${sink}.txt`, topics: options.sinkTopic ?? source },
    }),
    ...(options.resources ?? []),
  ] as any);
  const { server, audit } = await startBackend(cluster);
  const api = client(server, cluster.name, namespace);
  const sinkLines = () =>
    fs.existsSync(sinkFile)
      ? fs.readFileSync(sinkFile, 'utf8').split('\n').filter(Boolean)
      : [];
  const offsetsPath = (name: string, what: string, connector?: string) =>
    `/api/kafka-connect/connectors/${
      cluster.name
    }/${namespace}/${name}/offsets${what}${
      connector ? `?connector=${encodeURIComponent(connector)}` : ''
    }`;
  await api.until(source, s => s.health === 'healthy', timeoutMs);
  await api.until(sink, s => s.health === 'healthy', timeoutMs);
  await eventually(
    sinkLines,
    found => found.length === options.lines.length,
    'sink file',
    timeoutMs,
  );
  return {
    namespace,
    source,
    sink,
    sinkFile,
    sinkLines,
    server,
    audit,
    api,
    listOffsets: (
      name,
      { user = OWNER, connector, server: backend = server } = {},
    ) =>
      request(backend)
        .get(offsetsPath(name, '', connector))
        .set('Authorization', mockCredentials.user.header(user)),
    postOffsets: (
      name,
      what,
      body,
      { user = OWNER, connector, server: backend = server } = {},
    ) =>
      request(backend)
        .post(offsetsPath(name, `/${what}`, connector))
        .set('Authorization', mockCredentials.user.header(user))
        .send(body),
  };
}
