/**
 * Operations as each Strimzi version understands them, against a real
 * kube-apiserver (its schema validation and patch semantics). No operator
 * runs: the test plays Strimzi, writing statuses and removing restart
 * annotations the way Strimzi does after a successful restart, so every
 * annotation value the portal writes can be read back.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import {
  mirrorMaker2Manifest,
  TestCluster,
  useTestCluster,
} from '@kcs/dev-cluster';
import type { Server } from 'node:http';
import request from 'supertest';
import { kafkaConnectPlugin } from './plugin';

const failedTaskStatus = (states: string[]) => ({
  observedGeneration: 1,
  conditions: [
    {
      type: 'NotReady',
      status: 'True',
      reason: 'Throwable',
      message:
        'The following tasks have failed: 0, 2, see connectorStatus for more details.',
      lastTransitionTime: new Date().toISOString(),
    },
  ],
  connectorStatus: {
    name: 'orders-cdc',
    connector: { state: 'RUNNING', worker_id: 'connect-0:8083' },
    tasks: states.map((state, id) => ({
      id,
      state,
      worker_id: 'connect-0:8083',
      ...(state === 'FAILED'
        ? {
            trace:
              'org.apache.kafka.connect.errors.ConnectException: boom\nCaused by: java.io.IOException: disk full',
          }
        : {}),
    })),
    type: 'source',
  },
  tasksMax: states.length,
});

async function startBackend(cluster: TestCluster, strimziVersion?: string) {
  const { server } = await startTestBackend({
    features: [
      kafkaConnectPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          kafkaConnect: {
            clusters: [
              {
                name: cluster.name,
                url: cluster.server,
                serviceAccountToken: cluster.portalToken,
                caData: cluster.caData,
                ...(strimziVersion ? { strimziVersion } : {}),
              },
            ],
          },
        },
      }),
    ],
  });
  return server;
}

function portal(server: Server, cluster: TestCluster, namespace: string) {
  const path = (name: string) =>
    `/api/kafka-connect/connectors/${cluster.name}/${namespace}/${name}`;
  const get = (name: string) =>
    request(server)
      .get(path(name))
      .set('Authorization', mockCredentials.user.header());
  return {
    act: (name: string, body: object) =>
      request(server)
        .post(`${path(name)}/actions`)
        .set('Authorization', mockCredentials.user.header())
        .send(body),
    async until(name: string, accept: (summary: any) => boolean) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const response = await get(name);
        if (response.status === 200 && accept(response.body)) {
          return response.body;
        }
        if (Date.now() > deadline) {
          throw new Error(`${name}: ${JSON.stringify(response.body)}`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
      }
    },
  };
}

/** Reads and edits a Strimzi resource the way the operator (played here) would. */
function strimzi(cluster: TestCluster, version: string, namespace: string) {
  const api = cluster.kubeConfig().makeApiClient(CustomObjectsApi);
  const at = (plural: string, name: string) => ({
    group: 'kafka.strimzi.io',
    version,
    namespace,
    plural,
    name,
  });
  return {
    read: (plural: string, name: string) =>
      api.getNamespacedCustomObject(at(plural, name)) as Promise<any>,
    /** Removes an annotation, as Strimzi does once the restart succeeded. */
    restarted: (plural: string, name: string, annotation: string) =>
      api.patchNamespacedCustomObject(
        {
          ...at(plural, name),
          body: { metadata: { annotations: { [annotation]: null } } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    async annotationsWhen(
      plural: string,
      name: string,
      accept: (annotations: Record<string, string>) => boolean,
    ): Promise<Record<string, string>> {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const annotations =
          (await this.read(plural, name)).metadata.annotations ?? {};
        if (accept(annotations)) {
          return annotations;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `annotations never matched: ${JSON.stringify(annotations)}`,
          );
        }
        await new Promise(resolve => setTimeout(resolve, 100));
      }
    },
  };
}

const RESTART = 'strimzi.io/restart';
const RESTART_TASK = 'strimzi.io/restart-task';

function connector(namespace: string, apiVersion: string, spec: object = {}) {
  return {
    apiVersion,
    kind: 'KafkaConnector',
    metadata: {
      name: 'orders-cdc',
      namespace,
      labels: { 'strimzi.io/cluster': 'connect' },
    },
    spec: { class: 'org.example.Source', tasksMax: 3, ...spec },
  };
}

describe('operations on a Strimzi that reads only strimzi.io/restart: true (kafka.strimzi.io/v1beta2 only)', () => {
  const getCluster = useTestCluster({
    strimziApi: 'v1beta2-only',
    operator: false,
  });

  it('restarts the failed tasks one by one, each once the operator removed the previous, never sending options', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('oldrestart');
    const resource = connector(namespace, 'kafka.strimzi.io/v1beta2');
    await cluster.apply([resource] as any);
    await cluster.writeStatus({
      ...resource,
      status: failedTaskStatus(['FAILED', 'RUNNING', 'FAILED']),
    });
    const server = await startBackend(cluster);
    const api = portal(server, cluster, namespace);
    const operator = strimzi(cluster, 'v1beta2', namespace);
    const failing = await api.until('orders-cdc', s => s.health === 'degraded');
    expect(failing.reason).toContain('java.io.IOException: disk full');

    const response = await api.act('orders-cdc', {
      action: 'restart',
      includeTasks: true,
      onlyFailed: true,
    });
    expect(response.status).toBe(202);
    expect(response.body.queued).toEqual([`${RESTART_TASK}: 2`]);
    const first = await operator.annotationsWhen(
      'kafkaconnectors',
      'orders-cdc',
      a => RESTART_TASK in a,
    );
    expect(first[RESTART_TASK]).toBe('0');
    expect(first).not.toHaveProperty(RESTART);
    // Nothing more is written while the operator has not acted.
    await new Promise(resolve => setTimeout(resolve, 1500));
    expect(
      (await operator.read('kafkaconnectors', 'orders-cdc')).metadata
        .annotations[RESTART_TASK],
    ).toBe('0');

    await operator.restarted('kafkaconnectors', 'orders-cdc', RESTART_TASK);
    const second = await operator.annotationsWhen(
      'kafkaconnectors',
      'orders-cdc',
      a => a[RESTART_TASK] === '2',
    );
    expect(second).not.toHaveProperty(RESTART);
    await operator.restarted('kafkaconnectors', 'orders-cdc', RESTART_TASK);

    // "Restart connector and tasks": the instance with true first.
    const all = await api.act('orders-cdc', {
      action: 'restart',
      includeTasks: true,
    });
    expect(all.body.queued).toEqual([
      `${RESTART_TASK}: 0`,
      `${RESTART_TASK}: 1`,
      `${RESTART_TASK}: 2`,
    ]);
    const instance = await operator.annotationsWhen(
      'kafkaconnectors',
      'orders-cdc',
      a => RESTART in a,
    );
    expect(instance[RESTART]).toBe('true');
    await operator.restarted('kafkaconnectors', 'orders-cdc', RESTART);
    await operator.annotationsWhen(
      'kafkaconnectors',
      'orders-cdc',
      a => a[RESTART_TASK] === '0',
    );
  });

  it('sends the options when kafkaConnect.clusters[].strimziVersion says 0.48', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('v048');
    const resource = connector(namespace, 'kafka.strimzi.io/v1beta2');
    await cluster.apply([resource] as any);
    await cluster.writeStatus({
      ...resource,
      status: failedTaskStatus(['FAILED', 'RUNNING']),
    });
    const server = await startBackend(cluster, '0.48.0');
    const api = portal(server, cluster, namespace);
    await api.until('orders-cdc', s => s.health === 'degraded');
    const response = await api.act('orders-cdc', {
      action: 'restart',
      includeTasks: true,
      onlyFailed: true,
    });
    expect(response.status).toBe(202);
    expect(response.body).not.toHaveProperty('queued');
    const annotations = await strimzi(
      cluster,
      'v1beta2',
      namespace,
    ).annotationsWhen('kafkaconnectors', 'orders-cdc', a => RESTART in a);
    expect(annotations[RESTART]).toBe('includeTasks,onlyFailed');
  });
});

describe('operations on kafka.strimzi.io/v1 (Strimzi 0.49+)', () => {
  const getCluster = useTestCluster({ operator: false });

  it('sends restart options, shows a refused restart as the failure it is, and toggles automatic restart', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('v1ops');
    const resource = connector(namespace, 'kafka.strimzi.io/v1', {
      state: 'running',
      autoRestart: { enabled: true },
    });
    await cluster.apply([resource] as any);
    await cluster.writeStatus({
      ...resource,
      status: failedTaskStatus(['FAILED', 'FAILED', 'FAILED']),
    });
    const server = await startBackend(cluster);
    const api = portal(server, cluster, namespace);
    const operator = strimzi(cluster, 'v1', namespace);
    await api.until('orders-cdc', s => s.health === 'failed');

    expect(
      (
        await api.act('orders-cdc', {
          action: 'restart',
          includeTasks: true,
          onlyFailed: true,
        })
      ).body,
    ).not.toHaveProperty('queued');
    const annotations = await operator.annotationsWhen(
      'kafkaconnectors',
      'orders-cdc',
      a => RESTART in a,
    );
    expect(annotations[RESTART]).toBe('includeTasks,onlyFailed');

    // Strimzi answers a restart it could not carry out with a Warning and leaves the annotation.
    const status = failedTaskStatus(['FAILED', 'FAILED', 'FAILED']);
    status.conditions.push({
      type: 'Warning',
      status: 'True',
      reason: 'RestartConnector',
      message: 'Failed to restart connector orders-cdc: Connect returned 500',
      lastTransitionTime: new Date().toISOString(),
    });
    await cluster.writeStatus({ ...resource, status });
    const refused = await api.until('orders-cdc', s => s.warnings.length > 0);
    expect(refused).toMatchObject({
      health: 'failed',
      warnings: [
        'RestartConnector: Failed to restart connector orders-cdc: Connect returned 500',
      ],
      restartRequest: {
        annotation: RESTART,
        value: 'includeTasks,onlyFailed',
        answer: 'Failed to restart connector orders-cdc: Connect returned 500',
      },
    });

    const off = await api.act('orders-cdc', {
      action: 'auto-restart',
      enabled: false,
    });
    expect(off.status).toBe(202);
    expect(
      (await operator.read('kafkaconnectors', 'orders-cdc')).spec.autoRestart,
    ).toEqual({ enabled: false });
  });

  it('pauses, stops and toggles automatic restart of one MirrorMaker 2 connector in spec.mirrors', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('mm2ops');
    const mm2 = mirrorMaker2Manifest(namespace, {
      spec: { version: '4.1.0' },
      mirrors: [
        { source: 'ap', sourceConnector: {} },
        {
          source: 'eu',
          sourceConnector: { tasksMax: 2 },
          checkpointConnector: { autoRestart: { enabled: true } },
          topicsPattern: 'orders.*',
        },
      ],
    });
    await cluster.apply([mm2] as any);
    await cluster.writeStatus({
      ...mm2,
      status: {
        observedGeneration: 1,
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            lastTransitionTime: new Date().toISOString(),
          },
        ],
        connectors: [],
      },
    });
    const server = await startBackend(cluster);
    const api = portal(server, cluster, namespace);
    const operator = strimzi(cluster, 'v1', namespace);
    const summary = await api.until(
      'mirror',
      s => (s.components ?? []).length === 3,
    );
    expect(
      summary.components.map((c: any) => [c.name, c.inSpec, c.reported]),
    ).toEqual([
      ['ap->us.MirrorSourceConnector', true, false],
      ['eu->us.MirrorSourceConnector', true, false],
      ['eu->us.MirrorCheckpointConnector', true, false],
    ]);

    expect(
      (
        await api.act('mirror', {
          action: 'stop',
          connector: 'eu->us.MirrorSourceConnector',
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await api.act('mirror', {
          action: 'auto-restart',
          enabled: false,
          connector: 'eu->us.MirrorCheckpointConnector',
        })
      ).status,
    ).toBe(202);
    const mirrors = (await operator.read('kafkamirrormaker2s', 'mirror')).spec
      .mirrors;
    expect(mirrors[0].sourceConnector).toEqual({});
    expect(mirrors[1].sourceConnector).toEqual({
      tasksMax: 2,
      state: 'stopped',
    });
    expect(mirrors[1].checkpointConnector).toEqual({
      autoRestart: { enabled: false },
    });

    // NotReady with the checkpoint connector missing from status.connectors
    // (its REST call failed): not healthy, and that connector says why.
    await cluster.writeStatus({
      ...mm2,
      status: {
        observedGeneration: 3,
        conditions: [
          {
            type: 'NotReady',
            status: 'True',
            reason: 'ConnectRestException',
            message:
              'GET /connectors/eu->us.MirrorCheckpointConnector/status returned 500 (500): Request timed out',
            lastTransitionTime: new Date().toISOString(),
          },
        ],
        connectors: [
          {
            name: 'ap->us.MirrorSourceConnector',
            connector: { state: 'RUNNING', worker_id: 'w' },
            tasks: [{ id: 0, state: 'RUNNING', worker_id: 'w' }],
            type: 'source',
          },
          {
            name: 'eu->us.MirrorSourceConnector',
            connector: { state: 'STOPPED', worker_id: 'w' },
            tasks: [],
            type: 'source',
          },
        ],
      },
    });
    const notReady = await api.until('mirror', s =>
      (s.components ?? []).some((c: any) => c.reported),
    );
    expect(notReady.health).not.toBe('healthy');
    expect(
      notReady.components.map((c: any) => [c.name, c.health, c.reported]),
    ).toEqual([
      ['ap->us.MirrorSourceConnector', 'healthy', true],
      ['eu->us.MirrorSourceConnector', 'stopped', true],
      ['eu->us.MirrorCheckpointConnector', 'unknown', false],
    ]);
    expect(notReady.reason).toContain('eu->us.MirrorCheckpointConnector');

    const unknown = await api.act('mirror', {
      action: 'pause',
      connector: 'xx->us.MirrorSourceConnector',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /Field 'connector' must name a connector of this KafkaMirrorMaker2/,
    );
  });
});
