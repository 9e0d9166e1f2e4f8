import {
  reconcileKafkaConnect,
  reconcileKafkaConnector,
  Resource,
} from './reconcile';
import {
  FAILED_CONNECTOR_ANNOTATION,
  FAILED_TASKS_ANNOTATION,
  PLUGINS_ANNOTATION,
} from './simulation';

const NOW = '2026-11-22T10:00:00.000Z';

const connect = (annotations: Record<string, string> = {}): Resource => ({
  kind: 'KafkaConnect',
  metadata: {
    name: 'my-connect',
    namespace: 'kafka',
    generation: 4,
    annotations: {
      'strimzi.io/use-connector-resources': 'true',
      ...annotations,
    },
  },
  spec: { replicas: 3 },
});

const connector = (
  overrides: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    spec?: Record<string, unknown>;
  } = {},
): Resource => ({
  kind: 'KafkaConnector',
  metadata: {
    name: 'orders-cdc',
    namespace: 'kafka',
    generation: 7,
    labels: overrides.labels ?? { 'strimzi.io/cluster': 'my-connect' },
    annotations: overrides.annotations ?? {},
  },
  spec: {
    class: 'io.debezium.connector.mysql.MySqlConnector',
    tasksMax: 2,
    config: {
      'topic.prefix': 'shop',
      'table.include.list': 'db.orders,db.lines',
    },
    ...overrides.spec,
  },
});

const reconcile = (
  resource: Resource,
  withConnect: Resource | undefined = connect(),
) => reconcileKafkaConnector(resource, { connect: withConnect, now: NOW });

describe('reconcileKafkaConnect', () => {
  it('reports Ready with url, replicas, label selector and every known plugin', () => {
    const { status } = reconcileKafkaConnect(connect(), NOW);
    expect(status).toMatchObject({
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: NOW }],
      observedGeneration: 4,
      url: 'http://my-connect-connect-api.kafka.svc:8083',
      replicas: 3,
      labelSelector:
        'strimzi.io/cluster=my-connect,strimzi.io/name=my-connect-connect,strimzi.io/kind=KafkaConnect',
    });
    expect(
      status!.connectorPlugins.map((p: { class: string }) => p.class),
    ).toEqual(
      expect.arrayContaining([
        'io.debezium.connector.mysql.MySqlConnector',
        'com.wepay.kafka.connect.bigquery.BigQuerySinkConnector',
      ]),
    );
  });

  it('offers only the plugins its annotation lists', () => {
    const { status } = reconcileKafkaConnect(
      connect({
        [PLUGINS_ANNOTATION]:
          'io.aiven.kafka.connect.http.HttpSinkConnector, com.example.MySink',
      }),
      NOW,
    );
    expect(status!.connectorPlugins).toEqual([
      expect.objectContaining({
        class: 'io.aiven.kafka.connect.http.HttpSinkConnector',
        type: 'sink',
      }),
      expect.objectContaining({ class: 'com.example.MySink', type: 'sink' }),
    ]);
  });

  it('gives a KafkaConnect without spec.replicas the v1beta2 default of 3', () => {
    const { status } = reconcileKafkaConnect({ ...connect(), spec: {} }, NOW);
    expect(status?.replicas).toBe(3);
    expect(status?.url).toBeDefined();
  });

  it('has no url or plugins at 0 replicas, and no plugins without use-connector-resources', () => {
    const scaledDown = reconcileKafkaConnect(
      { ...connect(), spec: { replicas: 0 } },
      NOW,
    ).status!;
    expect(scaledDown).not.toHaveProperty('url');
    expect(scaledDown).not.toHaveProperty('connectorPlugins');
    expect(scaledDown.replicas).toBe(0);
    const unmanaged = reconcileKafkaConnect(
      connect({ 'strimzi.io/use-connector-resources': 'false' }),
      NOW,
    ).status!;
    expect(unmanaged.url).toBeDefined();
    expect(unmanaged).not.toHaveProperty('connectorPlugins');
  });

  it('replaces the status while reconciliation is paused, as Strimzi does', () => {
    const paused = {
      ...connect({ 'strimzi.io/pause-reconciliation': 'true' }),
      status: { url: 'dropped', observedGeneration: 3, replicas: 2 },
    };
    expect(reconcileKafkaConnect(paused, NOW).status).toEqual({
      observedGeneration: 3,
      replicas: 0,
      conditions: [
        {
          type: 'ReconciliationPaused',
          status: 'True',
          lastTransitionTime: NOW,
        },
      ],
    });
  });
});

describe('reconcileKafkaConnector', () => {
  it('reports a running connector in the Connect REST shape', () => {
    const { status } = reconcile(connector());
    expect(status).toEqual({
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: NOW }],
      observedGeneration: 7,
      connectorStatus: {
        name: 'orders-cdc',
        connector: {
          state: 'RUNNING',
          worker_id: expect.stringMatching(/^my-connect-connect-0\./),
        },
        tasks: [
          {
            id: 0,
            state: 'RUNNING',
            worker_id: expect.stringMatching(/^my-connect-connect-1\./),
          },
          {
            id: 1,
            state: 'RUNNING',
            worker_id: expect.stringMatching(/^my-connect-connect-2\./),
          },
        ],
        type: 'source',
      },
      tasksMax: 2,
      topics: ['shop.db.lines', 'shop.db.orders'],
    });
  });

  it('rejects a connector without the cluster label', () => {
    const { status } = reconcile(connector({ labels: {} }));
    expect(status!.conditions[0]).toMatchObject({
      type: 'NotReady',
      reason: 'InvalidResourceException',
      message: expect.stringContaining("lacks label 'strimzi.io/cluster'"),
    });
  });

  it('rejects a connector whose Connect cluster does not exist', () => {
    const { status } = reconcileKafkaConnector(connector(), { now: NOW });
    expect(status!.conditions[0]).toMatchObject({
      reason: 'NoSuchResourceException',
      message:
        "KafkaConnect resource 'my-connect' identified by label 'strimzi.io/cluster' does not exist in namespace kafka.",
    });
    expect(status!.connectorStatus).toBeUndefined();
  });

  it('rejects a connector whose Connect cluster does not use connector resources', () => {
    const plain = connect();
    delete plain.metadata!.annotations!['strimzi.io/use-connector-resources'];
    expect(reconcile(connector(), plain).status!.conditions[0]).toMatchObject({
      reason: 'NoSuchResourceException',
      message: expect.stringContaining('strimzi.io/use-connector-resources'),
    });
  });

  it('reports a Connect REST error when the class is not among the plugins', () => {
    const { status } = reconcile(
      connector({ spec: { class: 'com.example.Missing' } }),
    );
    expect(status!.conditions[0]).toMatchObject({
      reason: 'ConnectRestException',
      message: expect.stringContaining(
        'which name matches com.example.Missing',
      ),
    });
  });

  it.each([
    [{ state: 'paused' }, 'PAUSED', 2],
    [{ pause: true }, 'PAUSED', 2],
    [{ state: 'stopped' }, 'STOPPED', 0],
    [{ state: 'running', pause: true }, 'RUNNING', 2],
  ])('follows the desired state %j', (spec, state, taskCount) => {
    const { status } = reconcile(connector({ spec }));
    const types = status!.conditions.map((c: { type: string }) => c.type);
    // spec.pause also brings Warning conditions (DeprecatedFields, UpdateState).
    expect(types.filter((type: string) => type !== 'Warning')).toEqual([
      'Ready',
    ]);
    expect(types.includes('Warning')).toBe('pause' in spec);
    expect(status!.connectorStatus.connector.state).toBe(state);
    expect(status!.connectorStatus.tasks).toHaveLength(taskCount);
    for (const task of status!.connectorStatus.tasks) {
      expect(task.state).toBe(state);
    }
  });

  it('reports failed tasks with their traces as NotReady Throwable', () => {
    const { status } = reconcile(
      connector({
        annotations: {
          [FAILED_TASKS_ANNOTATION]: JSON.stringify({
            0: 'boom 0',
            1: 'boom 1',
          }),
        },
      }),
    );
    expect(status!.conditions[0]).toMatchObject({
      type: 'NotReady',
      reason: 'Throwable',
      message:
        'The following tasks have failed: 0, 1, see connectorStatus for more details.',
    });
    expect(
      status!.connectorStatus.tasks.map((t: { trace?: string }) => t.trace),
    ).toEqual(['boom 0', 'boom 1']);
  });

  it('reports a failed connector without tasks', () => {
    const { status } = reconcile(
      connector({
        annotations: { [FAILED_CONNECTOR_ANNOTATION]: 'no database' },
      }),
    );
    expect(status!.connectorStatus.connector).toMatchObject({
      state: 'FAILED',
      trace: 'no database',
    });
    expect(status!.connectorStatus.tasks).toEqual([]);
    expect(status!.conditions[0].message).toBe(
      'Connector has failed, see connectorStatus for more details.',
    );
  });

  it('ignores a malformed failure annotation', () => {
    const { status } = reconcile(
      connector({ annotations: { [FAILED_TASKS_ANNOTATION]: '{not json' } }),
    );
    expect(status!.conditions[0].type).toBe('Ready');
  });

  it('restarting the connector clears its failure and the annotation, but not failed tasks', () => {
    const result = reconcile(
      connector({
        annotations: {
          'strimzi.io/restart': 'true',
          [FAILED_CONNECTOR_ANNOTATION]: 'x',
          [FAILED_TASKS_ANNOTATION]: '{"1":"t"}',
        },
      }),
    );
    expect(result).toEqual({
      annotations: {
        'strimzi.io/restart': null,
        [FAILED_CONNECTOR_ANNOTATION]: null,
        [FAILED_TASKS_ANNOTATION]: '{"1":"t"}',
      },
    });
  });

  it.each(['includeTasks', 'includeTasks,onlyFailed'])(
    'restart with %s clears failed tasks',
    value => {
      const result = reconcile(
        connector({
          annotations: {
            'strimzi.io/restart': value,
            [FAILED_TASKS_ANNOTATION]: '{"0":"a","1":"b"}',
          },
        }),
      );
      expect(result.annotations).toMatchObject({
        'strimzi.io/restart': null,
        [FAILED_TASKS_ANNOTATION]: null,
      });
      expect(result.status).toBeUndefined();
    },
  );

  it('restarting one task clears only that task', () => {
    const result = reconcile(
      connector({
        annotations: {
          'strimzi.io/restart-task': '1',
          [FAILED_TASKS_ANNOTATION]: '{"0":"a","1":"b"}',
        },
      }),
    );
    expect(result.annotations).toEqual({
      'strimzi.io/restart-task': null,
      [FAILED_TASKS_ANNOTATION]: '{"0":"a"}',
    });
  });

  it('keeps an invalid restart value with a Warning, as Strimzi 1.2 does', () => {
    const result = reconcile(
      connector({ annotations: { 'strimzi.io/restart': 'yes please' } }),
    );
    expect(result.annotations).toBeUndefined();
    expect(result.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'Warning',
        reason: 'RestartConnector',
        message: expect.stringContaining('Invalid annotation format'),
      }),
      expect.objectContaining({ type: 'Ready' }),
    ]);
  });

  it('answers an offsets request on a simulated Connect cluster with the Warning, leaving the annotation', () => {
    const annotations = { 'strimzi.io/connector-offsets': 'list' };
    const result = reconcile(connector({ annotations }));
    expect(result.annotations).toBeUndefined();
    expect(result.status?.conditions).toContainEqual(
      expect.objectContaining({
        type: 'Warning',
        reason: 'ListOffsets',
        message: expect.stringContaining('runs no Kafka Connect worker'),
      }),
    );
    const bad = reconcile(
      connector({ annotations: { 'strimzi.io/connector-offsets': 'drop' } }),
    );
    expect(bad.status?.conditions).toContainEqual(
      expect.objectContaining({ reason: 'ManageOffsets' }),
    );
  });

  it('sends a connector of a Connect cluster at 0 replicas NotReady', () => {
    const result = reconcileKafkaConnector(connector(), {
      connect: { ...connect(), spec: { replicas: 0 } },
      now: NOW,
    });
    expect(result.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'NotReady',
        reason: 'RuntimeException',
        message:
          "Kafka Connect cluster 'my-connect' in namespace kafka has 0 replicas.",
      }),
    ]);
  });

  it('replaces the status while reconciliation is paused, restarting nothing', () => {
    const paused = {
      ...connector({
        annotations: {
          'strimzi.io/pause-reconciliation': 'true',
          'strimzi.io/restart': 'true',
        },
      }),
      status: { tasksMax: 2, observedGeneration: 3, topics: ['dropped'] },
    };
    expect(reconcile(paused)).toEqual({
      status: {
        tasksMax: 0,
        observedGeneration: 3,
        conditions: [
          {
            type: 'ReconciliationPaused',
            status: 'True',
            lastTransitionTime: NOW,
          },
        ],
      },
    });
  });
});
