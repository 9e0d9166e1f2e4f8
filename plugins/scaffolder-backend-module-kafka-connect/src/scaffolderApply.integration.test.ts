import fs from 'node:fs';
import path from 'node:path';
import { useTestCluster } from '@kcs/dev-cluster';
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import request from 'supertest';
import { parse } from 'yaml';
import {
  ordersConnect,
  startScaffolderBackend,
} from './__testUtils__/scaffolderBackend';

const getCluster = useTestCluster();
// Each test runs several tasks that poll for up to 30 s; alone they take 5 to
// 7 s, beyond jest's default 5 s on a loaded machine.
jest.setTimeout(120_000);

async function waitForResource(
  kc: KubeConfig,
  target: { plural: string; namespace: string; name: string },
  accept: (resource: any) => boolean,
  timeoutMs = 10_000,
): Promise<any> {
  const api = kc.makeApiClient(CustomObjectsApi);
  const deadline = Date.now() + timeoutMs;
  let last: any;
  for (;;) {
    last = await api
      .getNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        ...target,
      })
      .catch(() => undefined);
    if (last && accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(
        `${target.name} not as expected: ${JSON.stringify(
          last?.status ?? null,
        )}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

const TEMPLATE_FILE = path.resolve(
  __dirname,
  '../templates/debezium-mysql-source/template.yaml',
);
const CHANGE_TEMPLATE_FILE = path.resolve(
  __dirname,
  '../templates/change-connector/template.yaml',
);

/**
 * The built-in MySQL template run through the scaffolder's REST API against
 * the real API server: apply creates the connector, the operator stand-in
 * makes it Ready, the kafka-connect backend lists it; a second run changes
 * nothing; a dry run writes nothing.
 */
describe('debezium-mysql-source template through the scaffolder API', () => {
  async function start() {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('scaffold');
    await cluster.apply(ordersConnect(namespace));
    const template = parse(fs.readFileSync(TEMPLATE_FILE, 'utf8'));
    const { server } = await startScaffolderBackend(cluster, namespace, {
      templates: [TEMPLATE_FILE, CHANGE_TEMPLATE_FILE],
    });
    const values = {
      instance: 'orders',
      database: 'shop',
      table: 'orders',
      version: 'v1',
      serverId: 184054,
      owner: 'group:default/team-orders',
      system: 'system:default/orders',
      connect: { cluster: cluster.name, namespace, name: 'orders-connect' },
      tasksMax: 2,
      delivery: 'apply',
    };
    return { server, cluster, namespace, template, values };
  }

  async function runTask(
    server: any,
    values: Record<string, unknown>,
    templateRef = 'template:default/debezium-mysql-source',
  ) {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .send({ templateRef, values });
    expect(created.status).toBe(201);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const task = await request(server).get(
        `/api/scaffolder/v2/tasks/${created.body.id}`,
      );
      if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
        const events = await request(server).get(
          `/api/scaffolder/v2/tasks/${created.body.id}/events`,
        );
        return { task: task.body, events: events.body };
      }
      if (Date.now() > deadline)
        throw new Error(`task stuck: ${JSON.stringify(task.body)}`);
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }

  it('applies, the connector becomes Ready and visible in /api/kafka-connect; a second run is a no-op; a dry run writes nothing', async () => {
    const { server, cluster, namespace, template, values } = await start();

    const first = await runTask(server, values);
    expect({
      status: first.task.status,
      log: first.events
        .filter((e: any) => e.type === 'log')
        .map((e: any) => e.body.message)
        .slice(-5),
    }).toMatchObject({ status: 'completed' });

    const name = 'ordersmysql-shop-orders-v1';
    const connector = await waitForResource(
      cluster.kubeConfig(),
      { plural: 'kafkaconnectors', namespace, name },
      r =>
        r.status?.conditions?.some(
          (c: any) => c.type === 'Ready' && c.status === 'True',
        ),
      15_000,
    );
    expect(connector.metadata.labels).toMatchObject({
      'strimzi.io/cluster': 'orders-connect',
      'backstage.io/kubernetes-id': name,
    });
    expect(connector.metadata.annotations).toMatchObject({
      'kafka-connect.dev/owner': 'group:default/team-orders',
      'kafka-connect.dev/system': 'system:default/orders',
      'kafka-connect.dev/template': 'template:default/debezium-mysql-source',
      'kafka-connect.dev/blueprint': 'debezium-mysql-source',
      'kafka-connect.dev/blueprint-parameters':
        expect.stringContaining('"table":"orders"'),
    });
    expect(connector.spec).toMatchObject({ tasksMax: 2, state: 'running' });
    const managers = connector.metadata.managedFields.map(
      (f: any) => f.manager,
    );
    expect(managers).toContain('backstage-kafka-connect');

    let listed: any;
    const deadline = Date.now() + 15_000;
    do {
      await new Promise(resolve => setTimeout(resolve, 200));
      const response = await request(server).get(
        `/api/kafka-connect/connectors/${cluster.name}/${namespace}/${name}`,
      );
      listed = response.status === 200 ? response.body : undefined;
    } while ((!listed || listed.health !== 'healthy') && Date.now() < deadline);
    expect(listed).toMatchObject({
      name,
      namespace,
      health: 'healthy',
      owner: 'group:default/team-orders',
      entityRef: `resource:default/kctr.${cluster.name}.${namespace}.${name}`,
    });

    // The second run finds the same connector and changes nothing.
    const before = connector.metadata.resourceVersion;
    const second = await runTask(server, values);
    expect(second.task.status).toBe('completed');
    const again = await waitForResource(
      cluster.kubeConfig(),
      { plural: 'kafkaconnectors', namespace, name },
      () => true,
    );
    expect(again.metadata.generation).toBe(connector.metadata.generation);
    expect(
      second.events.some((e: any) =>
        /Already present: KafkaConnector/.test(e.body?.message ?? ''),
      ),
    ).toBe(true);
    expect(again.metadata.resourceVersion >= before).toBe(true);

    // A dry run of another connector writes nothing to the cluster.
    const dry = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template: {
          ...template,
          metadata: { ...template.metadata, namespace: 'default' },
        },
        values: { ...values, table: 'refunds' },
        directoryContents: [],
      });
    expect(dry.status).toBe(200);
    expect(dry.body.steps.length).toBeGreaterThan(0);
    expect(JSON.stringify(dry.body.log)).toContain('Dry run: would create');
    await expect(
      cluster
        .kubeConfig()
        .makeApiClient(CustomObjectsApi)
        .getNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace,
          plural: 'kafkaconnectors',
          name: 'ordersmysql-shop-refunds-v1',
        }),
    ).rejects.toMatchObject({ code: 404 });
  });
  it('changes the connector through the change template: scales it, then rolls it to a date-stamped version', async () => {
    const { server, cluster, namespace, values } = await start();
    const created = await runTask(server, values);
    expect(created.task.status).toBe('completed');
    const name = 'ordersmysql-shop-orders-v1';
    const kubeConfig = cluster.kubeConfig();
    await waitForResource(
      kubeConfig,
      { plural: 'kafkaconnectors', namespace, name },
      r => r.status?.tasksMax === 2,
      15_000,
    );

    // What the card's prefilled link carries, plus what to change.
    const current = {
      entityRef: `resource:default/kctr.${cluster.name}.${namespace}.${name}`,
      blueprint: 'debezium-mysql-source',
      name,
      cluster: cluster.name,
      namespace,
      connectCluster: 'orders-connect',
      owner: 'group:default/team-orders',
      system: 'system:default/orders',
      currentTasksMax: 2,
      currentParameters: {
        instance: 'orders',
        database: 'shop',
        table: 'orders',
        version: 'v1',
        serverId: 184054,
      },
      delivery: 'apply',
    };
    const scaled = await runTask(
      server,
      { ...current, tasksMax: 5 },
      'template:default/change-kafka-connector',
    );
    expect(scaled.task.status).toBe('completed');
    // The stand-in reports the new task count once the scale lands.
    const afterScale = await waitForResource(
      kubeConfig,
      { plural: 'kafkaconnectors', namespace, name },
      r =>
        r.spec?.tasksMax === 5 &&
        r.status?.observedGeneration === r.metadata.generation &&
        r.status?.connectorStatus?.tasks?.length === 5,
      15_000,
    );
    expect(afterScale.spec.tasksMax).toBe(5);

    const rolled = await runTask(
      server,
      { ...current, currentTasksMax: 5, version: '2025042401' },
      'template:default/change-kafka-connector',
    );
    expect(rolled.task.status).toBe('completed');
    const newName = 'ordersmysql-shop-orders-2025042401';
    const successor = await waitForResource(
      kubeConfig,
      { plural: 'kafkaconnectors', namespace, name: newName },
      r =>
        r.status?.conditions?.some(
          (c: any) => c.type === 'Ready' && c.status === 'True',
        ),
      15_000,
    );
    expect(successor.spec.tasksMax).toBe(5);
    const listed = await kubeConfig
      .makeApiClient(CustomObjectsApi)
      .listNamespacedCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        namespace,
        plural: 'kafkaconnectors',
      });
    expect(listed.items.map((c: any) => c.metadata.name)).toEqual([newName]);
  });
});
