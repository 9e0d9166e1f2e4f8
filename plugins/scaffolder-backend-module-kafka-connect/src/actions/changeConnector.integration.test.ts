import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { useTestCluster } from '@kcs/dev-cluster';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { BlueprintRegistry } from '../services/BlueprintRegistry';
import { KubernetesConnectorApplier } from '../services/ConnectorApplier';
import { changeConnectorAction } from './changeConnector';
import { createConnectorAction } from './createConnector';
import { clusterList, fakeDirectory, openAccess } from '../__fixtures__/fakes';
import { clusterRegistryOf } from '../__fixtures__/clusterRegistry';
import {
  ordersConnect,
  testClusterConfig,
} from '../__testUtils__/scaffolderBackend';

const getCluster = useTestCluster();

const PARAMETERS = {
  instance: 'orders',
  database: 'shop',
  table: 'orders',
  version: 'v1',
  serverId: 184054,
};

/**
 * kafka-connect:connector:change with output apply against the real API
 * server, through the portal's RBAC-limited identity; the operator stand-in
 * reports status.
 */
describe('kafka-connect:connector:change (apply)', () => {
  async function setUp(created: Record<string, unknown> = {}) {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('change');
    await cluster.apply(ordersConnect(namespace));
    const config = mockServices.rootConfig({
      data: { kafkaConnect: testClusterConfig(cluster) },
    });
    const applier = new KubernetesConnectorApplier(
      clusterRegistryOf(config),
      'kafka-connect-test',
    );
    const blueprints = BlueprintRegistry.load([]);
    const current = {
      blueprint: 'debezium-mysql-source',
      parameters: PARAMETERS,
      cluster: cluster.name,
      namespace,
      connectCluster: 'orders-connect',
      owner: 'group:default/team-orders',
      tasksMax: 2,
    };
    // The backend's view of the Connect cluster, as creation checks it.
    const [listed] = clusterList().items;
    const directory = fakeDirectory({
      items: [
        {
          ...listed,
          name: cluster.name,
          connectClusters: listed.connectClusters.map(c => ({
            ...c,
            cluster: cluster.name,
            namespace,
          })),
        },
      ],
    });
    // Created through the creation action, as a team would have.
    await createConnectorAction({
      blueprints,
      directory,
      applier,
      ...openAccess(),
    }).handler(
      createMockActionContext({
        input: { ...current, ...created, output: 'apply' } as any,
      }),
    );
    const change = changeConnectorAction({
      blueprints,
      applier,
      ...openAccess(),
    });
    const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
    const list = async () =>
      (
        (await api.listNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace,
          plural: 'kafkaconnectors',
        })) as { items: any[] }
      ).items;
    return { namespace, current, change, list };
  }

  async function waitFor<T>(
    read: () => Promise<T>,
    accept: (value: T) => boolean,
  ): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (accept(value)) return value;
      if (Date.now() > deadline) {
        throw new Error(`not as expected: ${JSON.stringify(value)}`);
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }

  it('scales 2 to 5 through the scale subresource; the operator reports 5 tasks', async () => {
    const { current, change, list } = await setUp();
    const before = await waitFor(
      list,
      items => items[0]?.status?.tasksMax === 2,
    );
    expect(before[0].status.connectorStatus.tasks).toHaveLength(2);

    // A dry run touches nothing.
    await change.handler({
      ...createMockActionContext({
        input: { ...current, change: { tasksMax: 5 }, output: 'apply' } as any,
      }),
      isDryRun: true,
    });
    expect((await list())[0].spec.tasksMax).toBe(2);

    await change.handler(
      createMockActionContext({
        input: { ...current, change: { tasksMax: 5 }, output: 'apply' } as any,
      }),
    );
    const after = await waitFor(
      list,
      items => items[0]?.status?.connectorStatus?.tasks?.length === 5,
    );
    expect(after.map(c => [c.metadata.name, c.spec.tasksMax])).toEqual([
      ['ordersmysql-shop-orders-v1', 5],
    ]);
    expect(after[0].status.tasksMax).toBe(5);
    // The scale subresource, not an apply of the whole resource, made the change.
    expect(
      after[0].metadata.managedFields.find(
        (f: { subresource?: string }) => f.subresource === 'scale',
      ),
    ).toBeDefined();
  });

  it("a state change keeps the connector's link to its component (server-side apply would drop it)", async () => {
    const { current, change, list } = await setUp({
      kubernetesId: 'orders-service',
    });
    expect((await list())[0].metadata.labels).toMatchObject({
      'backstage.io/kubernetes-id': 'orders-service',
    });
    await change.handler(
      createMockActionContext({
        input: {
          ...current,
          change: { state: 'paused' },
          output: 'apply',
        } as any,
      }),
    );
    const [after] = await list();
    expect(after.spec.state).toBe('paused');
    expect(after.metadata.labels).toMatchObject({
      'backstage.io/kubernetes-id': 'orders-service',
    });
  });

  it('rolls a new version: exactly one connector remains, under the new name', async () => {
    const { current, change, list } = await setUp();
    await change.handler(
      createMockActionContext({
        input: {
          ...current,
          change: { version: 'v2', state: 'paused' },
          output: 'apply',
        } as any,
      }),
    );
    const items = await list();
    expect(items.map(c => [c.metadata.name, c.spec.state])).toEqual([
      ['ordersmysql-shop-orders-v2', 'paused'],
    ]);

    // The old one is gone now: changing it again is a clear error.
    await expect(
      change.handler(
        createMockActionContext({
          input: {
            ...current,
            change: { tasksMax: 3 },
            output: 'apply',
          } as any,
        }),
      ),
    ).rejects.toThrow(
      /no KafkaConnector 'ordersmysql-shop-orders-v1' in namespace/,
    );
  });
});
