import {
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObject,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';
import { useTestCluster } from '../harness';
import {
  realWorkerSamples,
  writeRealWorkerSampleFiles,
} from '../realWorkerSamples';
import { ready, setupRealWorker, Status, TIMEOUT } from './realWorkerTesting';

// Runs against the cluster's real Kafka broker and Kafka Connect worker.
const getCluster = useTestCluster({ kafka: true, timeoutMs: 180_000 });
const setup = (prefix: string) => setupRealWorker(getCluster, prefix);

// Connect moves through its states in seconds, not milliseconds.
jest.setTimeout(120_000);

describe('operator stand-in on a real Kafka Connect worker: offsets, samples, deletion', () => {
  it('lists offsets into a ConfigMap and resets them once stopped', async () => {
    const { cluster, rest, wait, source, annotate, setState, namespace } =
      await setup('offsets');
    const name = `offsets-${namespace}`;
    await source(name, {
      listOffsets: { toConfigMap: { name: `${name}-offsets` } },
    });
    await wait(
      name,
      resource => ready(resource) && resource.status.topics?.length > 0,
    );
    // Offsets are flushed every second.
    const deadline = Date.now() + TIMEOUT;
    while ((await rest.offsets(name)).offsets.length === 0) {
      if (Date.now() > deadline) throw new Error('no offsets committed');
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    await annotate(name, { 'strimzi.io/connector-offsets': 'list' });
    await wait(
      name,
      resource =>
        resource.metadata.annotations?.['strimzi.io/connector-offsets'] ===
        undefined,
    );
    const core = cluster.kubeConfig().makeApiClient(CoreV1Api);
    const configMap = await core.readNamespacedConfigMap({
      namespace,
      name: `${name}-offsets`,
    });
    expect(configMap.metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'KafkaConnector',
      name,
    });
    expect(JSON.parse(configMap.data!['offsets.json'])).toEqual({
      offsets: [
        {
          partition: { filename: `${name}.txt` },
          offset: { position: 14 },
        },
      ],
    });

    await annotate(name, { 'strimzi.io/connector-offsets': 'reset' });
    const refused = await wait(name, resource =>
      resource.status?.conditions?.some(
        (c: Status) => c.reason === 'ResetOffsets',
      ),
    );
    expect(
      refused.status.conditions.find((c: Status) => c.reason === 'ResetOffsets')
        .message,
    ).toContain('set spec.state to stopped first');

    await setState(name, 'stopped');
    await wait(
      name,
      resource =>
        resource.metadata.annotations?.['strimzi.io/connector-offsets'] ===
        undefined,
    );
    expect((await rest.offsets(name)).offsets).toEqual([]);
  });

  it('runs the demo sample connectors: a file copied through a real topic, and one that fails for real', async () => {
    const { cluster, wait, namespace } = await setup('samples');
    const filesDir = cluster.connectorFilesDir!;
    writeRealWorkerSampleFiles(filesDir);
    // Connect keeps the source's file position and the sink's consumer
    // offsets from earlier runs on this worker, so a new line is what gets copied.
    const marker = `{"marker":"${namespace}"}`;
    fs.appendFileSync(path.join(filesDir, 'order-events.txt'), `${marker}\n`);
    fs.rmSync(path.join(filesDir, 'order-events-copy.txt'), { force: true });
    await cluster.apply(
      realWorkerSamples(cluster.bootstrapServers!)
        .filter(manifest => manifest.kind !== 'Namespace')
        .map(manifest => ({
          ...manifest,
          metadata: { ...manifest.metadata, namespace },
        })) as KubernetesObject[],
    );
    const copied = await wait(
      'order-events-file-source',
      resource => ready(resource) && resource.status.topics?.length > 0,
    );
    expect(copied.status.topics).toEqual(['order-events']);
    await wait('order-events-file-sink', ready);
    const deadline = Date.now() + TIMEOUT;
    const copy = () =>
      fs.existsSync(path.join(filesDir, 'order-events-copy.txt'))
        ? fs.readFileSync(path.join(filesDir, 'order-events-copy.txt'), 'utf8')
        : '';
    while (!copy().split('\n').includes(marker)) {
      if (Date.now() > deadline) {
        throw new Error(`the sink wrote ${JSON.stringify(copy())}`);
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    const failing = await wait(
      'audit-log-file-source',
      resource =>
        resource.status?.connectorStatus?.tasks?.[0]?.state === 'FAILED',
    );
    expect(failing.status.connectorStatus.tasks[0].trace).toContain(
      'Too many levels of symbolic links',
    );
  });

  it('deletes the connector from the worker with its KafkaConnector', async () => {
    const { cluster, rest, wait, source, namespace } = await setup('delete');
    const name = `delete-${namespace}`;
    await source(name);
    await wait(name, ready);
    await cluster
      .kubeConfig()
      .makeApiClient(CustomObjectsApi)
      .deleteNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        namespace,
        plural: 'kafkaconnectors',
        name,
      });
    const deadline = Date.now() + TIMEOUT;
    while ((await rest.connectors()).includes(name)) {
      if (Date.now() > deadline) throw new Error(`${name} still on the worker`);
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    expect(await rest.connectors()).not.toContain(name);
  });
});
