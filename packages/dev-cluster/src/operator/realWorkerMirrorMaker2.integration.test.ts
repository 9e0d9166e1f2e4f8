import { KubernetesObject } from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';
import { failConnector, failTask, heal } from '../faults';
import { useTestCluster } from '../harness';
import { realMirrorMaker2Manifest } from './mirrorMaker2Testing';
import { ready, setupRealWorker, Status, TIMEOUT } from './realWorkerTesting';

// A KafkaMirrorMaker2 backed by the cluster's real Kafka Connect worker,
// mirroring a real topic of the same broker (the default replication policy
// renames it `<source alias>.<topic>`); failures are Connect's own.
const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });

jest.setTimeout(240_000);

const FILE_SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

const mm2Ready = (resource: Status) =>
  resource.status?.conditions?.some((c: Status) => c.type === 'Ready') &&
  resource.status?.connectors?.length === 2 &&
  resource.status.connectors.every(
    (c: Status) =>
      c.connector.state === 'RUNNING' &&
      c.tasks.every((task: Status) => task.state === 'RUNNING'),
  ) &&
  resource.status.connectors[1].tasks.length > 0;

describe('MirrorMaker 2 on a real Kafka Connect worker', () => {
  it('mirrors a real topic, and shows a really failed task (Ready) and connector (NotReady)', async () => {
    const { cluster, namespace, apiVersion, worker, wait, source } =
      await setupRealWorker(getCluster, 'mm2');
    // The records: a FileStream source writes three lines into `topic`.
    const topic = `orders-${namespace}`;
    await source(topic);
    await wait(topic, ready);

    const manifest = realMirrorMaker2Manifest({
      apiVersion,
      namespace,
      name: 'mirror',
      bootstrapServers: cluster.bootstrapServers!,
      filesDir: cluster.connectorFilesDir!,
      topicsPattern: topic,
    });
    await cluster.apply(manifest.resource as KubernetesObject);
    const { sourceAlias, targetAlias } = manifest;
    const sourceName = `${sourceAlias}->${targetAlias}.MirrorSourceConnector`;
    const mirrored = await wait('mirror', mm2Ready, 'kafkamirrormaker2s');
    expect(mirrored.status.connectors.map((c: Status) => c.name)).toEqual([
      `${sourceAlias}->${targetAlias}.MirrorCheckpointConnector`,
      sourceName,
    ]);
    expect(mirrored.status.connectors[1].connector.worker_id).toBe(
      `mirror-mirrormaker2-0.mirror-mirrormaker2.${namespace}.svc:8083`,
    );
    expect(mirrored.status.url).toBe(
      `http://mirror-mirrormaker2-api.${namespace}.svc:8083`,
    );

    // Count the mirrored records: a FileStream sink copies the target topic
    // into a file, one line per record.
    const copy = path.join(cluster.connectorFilesDir!, `${topic}-copy.txt`);
    await cluster.apply({
      apiVersion,
      kind: 'KafkaConnector',
      metadata: {
        name: `${topic}-copy`,
        namespace,
        labels: { 'strimzi.io/cluster': 'connect' },
      },
      spec: {
        class: FILE_SINK,
        tasksMax: 1,
        config: {
          topics: `${sourceAlias}.${topic}`,
          file: copy,
          'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
        },
      },
    } as KubernetesObject);
    const deadline = Date.now() + TIMEOUT;
    const lines = () =>
      fs.existsSync(copy)
        ? fs.readFileSync(copy, 'utf8').split('\n').filter(Boolean)
        : [];
    while (lines().length < 3 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    // The source wrote JSON (with its schema); MirrorMaker 2 copied the bytes unchanged.
    expect(lines().map(line => JSON.parse(line).payload)).toEqual([
      'one',
      'two',
      'three',
    ]);

    // A task that really fails leaves the MirrorMaker 2 Ready.
    const ref = { namespace, name: 'mirror', connector: sourceName };
    await failTask(cluster.kubeConfig(), ref, 0, undefined, worker);
    const taskFailed = await wait(
      'mirror',
      resource =>
        resource.status?.connectors?.[1]?.tasks?.[0]?.state === 'FAILED',
      'kafkamirrormaker2s',
    );
    expect(taskFailed.status.conditions).toEqual([
      expect.objectContaining({ type: 'Ready' }),
    ]);
    expect(taskFailed.status.connectors[1].tasks[0].trace).toContain(
      'ConfigException: Invalid value not-a-number for configuration refresh.topics.interval.seconds',
    );

    // A connector that really fails makes it NotReady, as Strimzi does.
    await failConnector(cluster.kubeConfig(), ref, undefined, worker);
    const failed = await wait(
      'mirror',
      resource =>
        resource.status?.connectors?.[1]?.connector?.state === 'FAILED',
      'kafkamirrormaker2s',
    );
    expect(failed.status.conditions).toEqual([
      expect.objectContaining({
        type: 'NotReady',
        reason: 'NoStackTraceThrowable',
        message: 'One or more connectors are in FAILED state',
      }),
    ]);
    expect(failed.status.connectors[1].connector.trace).toContain(
      'at org.apache.kafka.connect.mirror.MirrorSourceConfig',
    );

    await heal(cluster.kubeConfig(), ref, worker);
    await wait('mirror', mm2Ready, 'kafkamirrormaker2s');
  });

  it('creates only the connectors the spec names', async () => {
    const { cluster, namespace, apiVersion, rest, wait } =
      await setupRealWorker(getCluster, 'mm2only');
    const manifest = realMirrorMaker2Manifest({
      apiVersion,
      namespace,
      name: 'only',
      bootstrapServers: cluster.bootstrapServers!,
      filesDir: cluster.connectorFilesDir!,
      topicsPattern: `nothing-${namespace}`,
      checkpointOnly: true,
    });
    await cluster.apply(manifest.resource as KubernetesObject);
    const checkpoint = `${manifest.sourceAlias}->${manifest.targetAlias}.MirrorCheckpointConnector`;
    const running = await wait(
      'only',
      resource =>
        resource.status?.connectors?.[0]?.connector?.state === 'RUNNING',
      'kafkamirrormaker2s',
    );
    // A checkpoint connector without consumer groups runs no task.
    expect(running.status.connectors).toEqual([
      expect.objectContaining({ name: checkpoint, tasks: [] }),
    ]);
    expect(running.status.conditions[0].type).toBe('Ready');
    const onWorker = await rest.connectors();
    expect(onWorker).toContain(checkpoint);
    expect(onWorker).not.toContain(
      `${manifest.sourceAlias}->${manifest.targetAlias}.MirrorSourceConnector`,
    );
  });
});
