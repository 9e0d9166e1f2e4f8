import {
  mirrorMaker2ConnectorsOf,
  mirrorMaker2ConnectorStatuses,
  mirrorMaker2Readiness,
  mirrorMaker2WorkerId,
  restartConnectorOf,
  restartConnectorTaskOf,
} from './mirrorMaker2Spec';

const NOW = '2026-11-22T10:00:00.000Z';

describe('mirrorMaker2ConnectorsOf', () => {
  const mm2 = {
    spec: {
      target: {
        alias: 'us',
        bootstrapServers: 'us:9092',
        config: { 'client.id': 'mm2' },
      },
      mirrors: [
        {
          source: { alias: 'eu', bootstrapServers: 'eu:9092', tls: {} },
          sourceConnector: {
            tasksMax: 2,
            state: 'paused',
            config: { 'replication.factor': -1, topics: 'ignored' },
          },
          topicsPattern: 'orders.*',
          topicsExcludePattern: 'orders-internal',
          groupsPattern: '.*',
        },
        { source: { alias: 'ap', bootstrapServers: 'ap:9092' } },
      ],
    },
  };

  it('creates only the connectors the spec names, named as Strimzi names them', () => {
    expect(mirrorMaker2ConnectorsOf(mm2).map(c => [c.name, c.role])).toEqual([
      ['eu->us.MirrorSourceConnector', 'sourceConnector'],
    ]);
    const withHeartbeat = {
      spec: {
        ...mm2.spec,
        mirrors: [{ ...mm2.spec.mirrors[1], heartbeatConnector: {} }],
      },
    };
    expect(
      mirrorMaker2ConnectorsOf(withHeartbeat).map(c => [
        c.name,
        c.role,
        c.config['connector.class'],
      ]),
    ).toEqual([
      [
        'ap->us.MirrorHeartbeatConnector',
        'heartbeatConnector',
        'org.apache.kafka.connect.mirror.MirrorHeartbeatConnector',
      ],
    ]);
  });

  it('sends Strimzi’s config: both clusters, the connector’s own, then the patterns', () => {
    const [source] = mirrorMaker2ConnectorsOf(mm2);
    expect(source.config).toEqual({
      'connector.class':
        'org.apache.kafka.connect.mirror.MirrorSourceConnector',
      'target.cluster.alias': 'us',
      'target.cluster.bootstrap.servers': 'us:9092',
      'target.cluster.security.protocol': 'PLAINTEXT',
      'target.cluster.client.id': 'mm2',
      'source.cluster.alias': 'eu',
      'source.cluster.bootstrap.servers': 'eu:9092',
      'source.cluster.security.protocol': 'SSL',
      'key.converter': 'org.apache.kafka.connect.converters.ByteArrayConverter',
      'value.converter':
        'org.apache.kafka.connect.converters.ByteArrayConverter',
      'header.converter':
        'org.apache.kafka.connect.converters.ByteArrayConverter',
      'replication.factor': '-1',
      'tasks.max': '2',
      // The mirror's pattern wins over the connector's own `topics`.
      topics: 'orders.*',
      'topics.exclude': 'orders-internal',
      groups: '.*',
    });
    expect(source.spec.state).toBe('paused');
  });

  it('reads a spec without mirrors as no connectors', () => {
    expect(mirrorMaker2ConnectorsOf({ spec: {} })).toEqual([]);
    expect(mirrorMaker2ConnectorsOf({})).toEqual([]);
  });
});

describe('mirrorMaker2ConnectorStatuses', () => {
  it('sorts by name and names the workers as Strimzi’s pods', () => {
    const statuses = mirrorMaker2ConnectorStatuses('mm', 'ns', [
      {
        name: 'b->t.MirrorSourceConnector',
        connector: { state: 'RUNNING', worker_id: '127.0.0.1:8083' },
        tasks: [
          { id: 0, state: 'FAILED', worker_id: '127.0.0.1:8084', trace: 't' },
        ],
        type: 'source',
      },
      {
        name: 'a->t.MirrorCheckpointConnector',
        connector: { state: 'RUNNING', worker_id: '127.0.0.1:8083' },
        tasks: [],
        type: 'source',
      },
    ]);
    expect(statuses.map(status => status.name)).toEqual([
      'a->t.MirrorCheckpointConnector',
      'b->t.MirrorSourceConnector',
    ]);
    expect(statuses[1].connector.worker_id).toBe(
      mirrorMaker2WorkerId('mm', 'ns', 0),
    );
    expect(statuses[1].tasks[0]).toEqual({
      id: 0,
      state: 'FAILED',
      worker_id: 'mm-mirrormaker2-1.mm-mirrormaker2.ns.svc:8083',
      trace: 't',
    });
  });
});

describe('mirrorMaker2Readiness', () => {
  const running = { connector: { state: 'RUNNING' } };
  it('is NotReady for a failed connector, Ready when only tasks fail', () => {
    expect(
      mirrorMaker2Readiness(NOW, [running, { connector: { state: 'FAILED' } }]),
    ).toEqual({
      type: 'NotReady',
      status: 'True',
      reason: 'NoStackTraceThrowable',
      message: 'One or more connectors are in FAILED state',
      lastTransitionTime: NOW,
    });
    expect(mirrorMaker2Readiness(NOW, [running]).type).toBe('Ready');
  });

  it('is NotReady with Connect’s message when a REST call failed', () => {
    expect(mirrorMaker2Readiness(NOW, [running], 'GET … 500')).toMatchObject({
      type: 'NotReady',
      reason: 'ConnectRestException',
      message: 'GET … 500',
    });
  });
});

describe('restart annotations of a MirrorMaker 2', () => {
  it('reads restart-connector with options only where the profile has them', () => {
    expect(restartConnectorOf('a->b.MirrorSourceConnector', false)).toEqual({
      connector: 'a->b.MirrorSourceConnector',
      includeTasks: false,
      onlyFailed: false,
    });
    expect(
      restartConnectorOf(
        'a->b.MirrorSourceConnector:includeTasks,onlyFailed',
        true,
      ),
    ).toEqual({
      connector: 'a->b.MirrorSourceConnector',
      includeTasks: true,
      onlyFailed: true,
    });
    expect(
      restartConnectorOf('a->b.MirrorSourceConnector:includeTasks', false),
    ).toBe('invalid');
    expect(
      restartConnectorOf('a->b.MirrorSourceConnector:sometimes', true),
    ).toBe('invalid');
    expect(restartConnectorOf('', true)).toBe('invalid');
  });

  it('reads restart-connector-task as <connector>:<task id>', () => {
    expect(restartConnectorTaskOf('a->b.MirrorSourceConnector:3')).toEqual({
      connector: 'a->b.MirrorSourceConnector',
      taskId: 3,
    });
    expect(restartConnectorTaskOf('a->b.MirrorSourceConnector')).toBe(
      'invalid',
    );
    expect(restartConnectorTaskOf('a->b.MirrorSourceConnector:x')).toBe(
      'invalid',
    );
  });
});
