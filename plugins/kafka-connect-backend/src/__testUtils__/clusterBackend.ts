/**
 * A test backend with the kafka-connect plugin configured for one local
 * cluster, and a poller of one connector's summary: shared by the
 * integration tests, which otherwise repeat the same setup.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  connectManifest,
  type RealWorker,
  type TestCluster,
} from '@kcs/dev-cluster';
import fs from 'node:fs';
import path from 'node:path';
import { kafkaConnectPlugin } from '../plugin';

/** What the backend needs to reach a dev cluster as the portal does. */
export interface ClusterAccess {
  name: string;
  server: string;
  portalToken: string;
  caData?: string;
}

export interface ClusterBackendOptions {
  /** Features started next to the plugin and the catalog mock. */
  extraFeatures?: Parameters<typeof startTestBackend>[0]['features'];
  /** Config merged beside `kafkaConnect` at the top level. */
  extraConfig?: Record<string, unknown>;
  /** Entities the catalog mock serves. */
  entities?: Entity[];
  /** `kafkaConnect.clusters[].strimziVersion` of the cluster. */
  strimziVersion?: string;
  /** Keys beside `clusters` in the `kafkaConnect` block. */
  kafkaConnect?: Record<string, unknown>;
}

/** Starts a backend whose only configured cluster is `cluster`. */
export async function startBackendForCluster(
  cluster: ClusterAccess,
  options: ClusterBackendOptions = {},
): Promise<{ server: Server; stop: () => Promise<void> }> {
  const backend = await startTestBackend({
    features: [
      kafkaConnectPlugin,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      ...(options.extraFeatures ?? []),
      mockServices.rootConfig.factory({
        data: {
          ...options.extraConfig,
          kafkaConnect: {
            ...options.kafkaConnect,
            clusters: [
              {
                name: cluster.name,
                url: cluster.server,
                authProvider: 'serviceAccount',
                serviceAccountToken: cluster.portalToken,
                caData: cluster.caData,
                ...(options.strimziVersion
                  ? { strimziVersion: options.strimziVersion }
                  : {}),
              },
            ],
          },
        },
      }),
    ],
  });
  return { server: backend.server, stop: () => backend.stop() };
}

export interface PollOptions {
  /** Pause between two requests. */
  intervalMs?: number;
  /** Sends a user's credentials (Backstage's mock user when `true`). */
  user?: string | true;
}

/**
 * Polls the connector's summary until `accept` holds and returns it; throws
 * with the last answer once `timeoutMs` has passed.
 */
export async function pollConnector(
  server: Server,
  cluster: { name: string },
  namespace: string,
  name: string,
  accept: (body: Record<string, any>) => boolean,
  timeoutMs: number,
  options: PollOptions = {},
): Promise<Record<string, any>> {
  const url = `/api/kafka-connect/connectors/${cluster.name}/${namespace}/${name}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let pending = request(server).get(url);
    if (options.user) {
      pending = pending.set(
        'Authorization',
        options.user === true
          ? mockCredentials.user.header()
          : mockCredentials.user.header(options.user),
      );
    }
    const response = await pending;
    if (response.status === 200 && accept(response.body)) {
      return response.body;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${
          cluster.name
        }/${namespace}/${name} never reached the expected state in ${timeoutMs} ms: ${
          response.status
        } ${JSON.stringify(response.body)}`,
      );
    }
    await new Promise(resolve =>
      setTimeout(resolve, options.intervalMs ?? 250),
    );
  }
}

// The dev cluster's, so the scaffolder module's tests apply the same one.
export { connectManifest };

/**
 * A KafkaConnect named `connect` that the dev cluster's stand-in backs with
 * its real Kafka Connect worker.
 */
export function realWorkerConnect(
  namespace: string,
  bootstrapServers: string | undefined,
  version: string = 'v1',
) {
  return connectManifest(namespace, {
    version,
    bootstrapServers,
    realWorker: true,
  });
}

export const FILE_SOURCE =
  'org.apache.kafka.connect.file.FileStreamSourceConnector';

/** A namespace on the real worker with one file source connector. */
export interface RealWorkerFeed {
  namespace: string;
  /** The connector, its topic, and `<name>.txt`, the file it reads. */
  name: string;
  filesDir: string;
  /** For failTask, failConnector and heal. */
  worker: RealWorker;
}

/**
 * The preamble of tests on the real worker: a new namespace with a
 * KafkaConnect the real worker backs, and a FileStreamSource connector
 * reading two lines of `<name>.txt` into topic `name`. `files` are written to
 * the worker's folder first (names relative to it).
 */
export async function applyRealWorkerFeed(
  cluster: TestCluster,
  prefix: string,
  options: {
    name: (namespace: string) => string;
    /** More connector config, given the connector's name. */
    config?: (name: string) => Record<string, unknown>;
    /** More files, given the connector's name. */
    files?: (name: string) => Record<string, string>;
    /** More of the KafkaConnector's spec, e.g. autoRestart. */
    spec?: Record<string, unknown>;
    /** Strimzi API version of both resources; `v1` unless the profile lacks it. */
    version?: string;
  },
): Promise<RealWorkerFeed> {
  const version = options.version ?? 'v1';
  const namespace = await cluster.newNamespace(prefix);
  const name = options.name(namespace);
  const filesDir = cluster.connectorFilesDir!;
  const files = { [`${name}.txt`]: 'a\nb\n', ...options.files?.(name) };
  for (const [file, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(filesDir, file), text);
  }
  await cluster.apply([
    realWorkerConnect(namespace, cluster.bootstrapServers, version),
    {
      apiVersion: `kafka.strimzi.io/${version}`,
      kind: 'KafkaConnector',
      metadata: {
        name,
        namespace,
        labels: { 'strimzi.io/cluster': 'connect' },
      },
      spec: {
        class: FILE_SOURCE,
        tasksMax: 1,
        ...options.spec,
        config: {
          file: `${name}.txt`,
          topic: name,
          ...options.config?.(name),
        },
      },
    },
  ] as any);
  return {
    namespace,
    name,
    filesDir,
    worker: { connectUrl: cluster.connectUrl!, filesDir },
  };
}
