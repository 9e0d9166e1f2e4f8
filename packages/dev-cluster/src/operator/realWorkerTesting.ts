import {
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';
import { RealWorker } from '../faults';
import { TestCluster } from '../harness';
import { waitForResource } from '../testing';
import { ConnectRestClient } from './connectRest';
import { REAL_WORKER_ANNOTATION } from './simulation';

/** Test helpers for the integration tests on the real Kafka Connect worker. */

export const FILE_SOURCE =
  'org.apache.kafka.connect.file.FileStreamSourceConnector';
export const TIMEOUT = 45_000;

export type Status = Record<string, any>;

/** A namespace with a KafkaConnect backed by the real worker, and helpers to drive it. */
export async function setupRealWorker(
  getCluster: () => TestCluster,
  prefix: string,
) {
  const cluster = getCluster();
  const version = cluster.strimziApi === 'v1beta2-only' ? 'v1beta2' : 'v1';
  const apiVersion = `kafka.strimzi.io/${version}`;
  const namespace = await cluster.newNamespace(prefix);
  const rest = new ConnectRestClient(cluster.connectUrl!);
  const filesDir = cluster.connectorFilesDir!;
  const worker: RealWorker = { connectUrl: cluster.connectUrl!, filesDir };
  await cluster.apply({
    apiVersion,
    kind: 'KafkaConnect',
    metadata: {
      name: 'connect',
      namespace,
      annotations: {
        'strimzi.io/use-connector-resources': 'true',
        [REAL_WORKER_ANNOTATION]: 'true',
      },
    },
    spec: {
      replicas: 1,
      bootstrapServers: cluster.bootstrapServers,
      groupId: 'connect-cluster',
      configStorageTopic: 'connect-configs',
      statusStorageTopic: 'connect-status',
      offsetStorageTopic: 'connect-offsets',
    },
  } as KubernetesObject);
  const wait = (
    name: string,
    accept: (resource: Status) => boolean,
    plural = 'kafkaconnectors',
  ) =>
    waitForResource(
      cluster.kubeConfig(),
      { version, plural, namespace, name },
      accept,
      TIMEOUT,
    );
  /** A FileStream source reading `<name>.txt`, holding lines, into topic `<name>`. */
  const source = async (
    name: string,
    spec: Record<string, unknown> = {},
    annotations: Record<string, string> = {},
  ) => {
    fs.writeFileSync(path.join(filesDir, `${name}.txt`), 'one\ntwo\nthree\n');
    fs.writeFileSync(
      path.join(filesDir, `${name}.properties`),
      'batch.size=100\n',
    );
    await cluster.apply({
      apiVersion,
      kind: 'KafkaConnector',
      metadata: {
        name,
        namespace,
        labels: { 'strimzi.io/cluster': 'connect' },
        annotations,
      },
      spec: {
        class: FILE_SOURCE,
        tasksMax: 1,
        config: {
          file: `${name}.txt`,
          topic: name,
          'batch.size': `\${file:${name}.properties:batch.size}`,
        },
        ...spec,
      },
    } as KubernetesObject);
  };
  /** A merge patch, as kubectl annotate and kubectl patch send. */
  const patch = (name: string, body: Record<string, any>) =>
    KubernetesObjectApi.makeApiClient(cluster.kubeConfig()).patch(
      {
        apiVersion,
        kind: 'KafkaConnector',
        ...body,
        metadata: { name, namespace, ...body.metadata },
      },
      undefined,
      undefined,
      'integration-test',
      undefined,
      PatchStrategy.MergePatch,
    );
  const annotate = (name: string, annotations: Record<string, string>) =>
    patch(name, { metadata: { annotations } });
  const setState = (name: string, state: string) =>
    patch(name, { spec: { state } });
  return {
    cluster,
    namespace,
    apiVersion,
    rest,
    worker,
    wait,
    source,
    annotate,
    setState,
  };
}

export const connectorState = (state: string) => (resource: Status) =>
  resource.status?.connectorStatus?.connector?.state === state;
export const ready = (resource: Status) =>
  resource.status?.conditions?.some((c: Status) => c.type === 'Ready') &&
  resource.status?.connectorStatus?.connector?.state === 'RUNNING' &&
  resource.status?.connectorStatus?.tasks?.length > 0 &&
  resource.status.connectorStatus.tasks.every(
    (task: Status) => task.state === 'RUNNING',
  );
