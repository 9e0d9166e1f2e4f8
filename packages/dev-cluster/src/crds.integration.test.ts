import {
  ApiextensionsV1Api,
  CustomObjectsApi,
  KubernetesObject,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { useTestCluster } from './harness';

const EXAMPLES = path.join(__dirname, '__fixtures__', 'strimzi-examples');

function examples(): Array<[string, KubernetesObject]> {
  return fs
    .readdirSync(EXAMPLES)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'))
        .map(document => document.toJS() as KubernetesObject)
        .filter(object =>
          ['KafkaConnect', 'KafkaConnector', 'KafkaMirrorMaker2'].includes(
            object?.kind ?? '',
          ),
        )
        .map(
          object =>
            [`${file}: ${object.kind} ${object.metadata?.name}`, object] as [
              string,
              KubernetesObject,
            ],
        ),
    );
}

describe('Strimzi CRDs (v1)', () => {
  const getCluster = useTestCluster();

  it('has upstream examples to check', () => {
    expect(examples().length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples())(
    'accepts the upstream example %s as written',
    async (_name, example) => {
      const cluster = getCluster();
      const namespace = await cluster.newNamespace('crd');
      const [applied] = await cluster.apply({
        ...example,
        metadata: { ...example.metadata, namespace },
      });
      // Nothing the example sets is pruned away.
      expect((applied as Record<string, any>).spec).toEqual(
        (example as Record<string, any>).spec,
      );
    },
  );

  it('serves v1 with status and scale subresources, printer columns and short names', async () => {
    const cluster = getCluster();
    const crd = await cluster
      .kubeConfig()
      .makeApiClient(ApiextensionsV1Api)
      .readCustomResourceDefinition({
        name: 'kafkaconnectors.kafka.strimzi.io',
      });
    expect(crd.spec.names.shortNames).toEqual(['kctr']);
    const v1 = crd.spec.versions.find(version => version.name === 'v1')!;
    expect(v1.served).toBe(true);
    expect(v1.subresources?.scale?.specReplicasPath).toBe('.spec.tasksMax');
    expect(v1.additionalPrinterColumns?.map(column => column.name)).toEqual([
      'Cluster',
      'Connector class',
      'Max Tasks',
      'Ready',
    ]);
  });

  it('scales a connector through the scale subresource', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('scale');
    await cluster.apply({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnector',
      metadata: {
        name: 'scaled',
        namespace,
        annotations: { 'simulator.kafka-connect.dev/ignore': 'true' },
      },
      spec: { class: 'x.Y', tasksMax: 1 },
    } as KubernetesObject);
    const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    const target = {
      group: 'kafka.strimzi.io',
      version: 'v1',
      namespace,
      plural: 'kafkaconnectors',
      name: 'scaled',
    };
    const scale = (await api.getNamespacedCustomObjectScale(target)) as Record<
      string,
      any
    >;
    expect(scale.spec.replicas).toBe(1);
    await api.replaceNamespacedCustomObjectScale({
      ...target,
      body: { ...scale, spec: { replicas: 4 } },
    });
    const connector = (await api.getNamespacedCustomObject(target)) as Record<
      string,
      any
    >;
    expect(connector.spec.tasksMax).toBe(4);
  });

  it('rejects a connector with an invalid state, naming the field', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('invalid');
    await expect(
      cluster.apply({
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaConnector',
        metadata: { name: 'bad', namespace },
        spec: { class: 'x.Y', state: 'sleeping' },
      } as KubernetesObject),
    ).rejects.toThrow(/spec\.state/);
  });

  it('keeps a status written through the status subresource', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('status');
    const connector = {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnector',
      metadata: {
        name: 'hand-written',
        namespace,
        annotations: { 'simulator.kafka-connect.dev/ignore': 'true' },
      },
      spec: { class: 'x.Y' },
    };
    await cluster.apply(connector as KubernetesObject);
    const status = {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastTransitionTime: '2026-01-01T00:00:00Z',
        },
      ],
      connectorStatus: {
        name: 'hand-written',
        connector: { state: 'RUNNING', worker_id: 'w' },
        tasks: [],
        type: 'sink',
      },
      tasksMax: 1,
      topics: ['a'],
    };
    await cluster.writeStatus({ ...connector, status });
    const stored = (await cluster
      .kubeConfig()
      .makeApiClient(CustomObjectsApi)
      .getNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        namespace,
        plural: 'kafkaconnectors',
        name: 'hand-written',
      })) as Record<string, any>;
    expect(stored.status).toEqual(status);
  });
});
