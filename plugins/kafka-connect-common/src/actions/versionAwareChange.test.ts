/** Operations as each Strimzi version understands them (issue 19, points 2 to 4). */
import type {
  KafkaConnectorResource,
  KafkaMirrorMaker2Resource,
} from '../strimzi';
import { connectorActionChange } from './connectorActionChange';
import { connectorStateSupport, stopUnsupportedReason } from './stopSupport';
import { restartOptionsSupported } from './strimziCapabilities';

const connector = (
  tasks: string[],
  state = 'RUNNING',
): KafkaConnectorResource => ({
  metadata: { name: 'c', generation: 1 },
  spec: { class: 'x', state: 'running', pause: false },
  status: {
    connectorStatus: {
      connector: { state },
      tasks: tasks.map((s, id) => ({ id, state: s })),
    },
  },
});

const onlyTrue = (resource: KafkaConnectorResource) =>
  ({
    kind: 'KafkaConnector',
    stateField: 'state',
    restartOptions: false,
    resource,
  } as const);

describe('restartOptionsSupported', () => {
  it('knows restart options from the configured version, else from a served kafka.strimzi.io/v1', () => {
    expect(restartOptionsSupported({ strimziVersion: '0.47.0' })).toBe(false);
    expect(restartOptionsSupported({ strimziVersion: '0.48.0' })).toBe(true);
    expect(restartOptionsSupported({ strimziVersion: '1.2' })).toBe(true);
    expect(
      restartOptionsSupported({ strimziVersion: '0.45.1', apiVersion: 'v1' }),
    ).toBe(false);
    expect(restartOptionsSupported({ apiVersion: 'v1' })).toBe(true);
    expect(restartOptionsSupported({ apiVersion: 'v1beta2' })).toBe(false);
    expect(restartOptionsSupported({})).toBe(false);
  });
});

describe('restarts on a Strimzi that reads only true', () => {
  it('never sends includeTasks or onlyFailed: restarts the failed tasks one by one', () => {
    const change = connectorActionChange(
      { action: 'restart', includeTasks: true, onlyFailed: true },
      onlyTrue(connector(['FAILED', 'RUNNING', 'FAILED'])),
    );
    expect(change).toEqual({
      type: 'annotations-in-turn',
      annotations: [
        ['strimzi.io/restart-task', '0'],
        ['strimzi.io/restart-task', '2'],
      ],
    });
  });

  it('restarts a failed connector instance with true before its failed tasks', () => {
    expect(
      connectorActionChange(
        { action: 'restart', includeTasks: true, onlyFailed: true },
        onlyTrue(connector(['FAILED'], 'FAILED')),
      ),
    ).toEqual({
      type: 'annotations-in-turn',
      annotations: [
        ['strimzi.io/restart', 'true'],
        ['strimzi.io/restart-task', '0'],
      ],
    });
  });

  it('restarts connector and every task for "connector and tasks", and just the connector with true', () => {
    expect(
      connectorActionChange(
        { action: 'restart', includeTasks: true },
        onlyTrue(connector(['RUNNING', 'RUNNING'])),
      ),
    ).toEqual({
      type: 'annotations-in-turn',
      annotations: [
        ['strimzi.io/restart', 'true'],
        ['strimzi.io/restart-task', '0'],
        ['strimzi.io/restart-task', '1'],
      ],
    });
    expect(
      connectorActionChange(
        { action: 'restart' },
        onlyTrue(connector(['RUNNING'])),
      ),
    ).toEqual({
      type: 'merge-patch',
      patch: { metadata: { annotations: { 'strimzi.io/restart': 'true' } } },
    });
  });

  it('says nothing has failed rather than writing nothing', () => {
    expect(() =>
      connectorActionChange(
        { action: 'restart', includeTasks: true, onlyFailed: true },
        onlyTrue(connector(['RUNNING'])),
      ),
    ).toThrow(/Nothing has failed/);
  });
});

describe('state changes and automatic restart of a KafkaConnector', () => {
  it('clears an old spec.pause when it sets spec.state', () => {
    expect(
      connectorActionChange(
        { action: 'resume' },
        onlyTrue(connector(['PAUSED'], 'PAUSED')),
      ),
    ).toEqual({
      type: 'merge-patch',
      patch: { spec: { state: 'running', pause: null } },
    });
  });

  it('turns automatic restart on or off', () => {
    expect(
      connectorActionChange(
        { action: 'auto-restart', enabled: false },
        onlyTrue(connector([])),
      ),
    ).toEqual({
      type: 'merge-patch',
      patch: { spec: { autoRestart: { enabled: false } } },
    });
  });
});

describe('MirrorMaker 2, per connector', () => {
  const mm2: KafkaMirrorMaker2Resource = {
    kind: 'KafkaMirrorMaker2',
    spec: {
      connectCluster: 'us',
      mirrors: [
        {
          sourceCluster: 'ap',
          targetCluster: 'us',
          sourceConnector: {},
        },
        {
          sourceCluster: 'eu',
          targetCluster: 'us',
          sourceConnector: { pause: true },
          checkpointConnector: { autoRestart: { enabled: true } },
        },
      ],
    },
    status: {
      connectors: [
        {
          name: 'eu->us.MirrorSourceConnector',
          connector: { state: 'RUNNING' },
          tasks: [
            { id: 0, state: 'FAILED' },
            { id: 1, state: 'RUNNING' },
          ],
        },
      ],
    },
  };
  const target = (restartOptions: boolean) =>
    ({
      kind: 'KafkaMirrorMaker2',
      stateField: 'state',
      restartOptions,
      resource: mm2,
    } as const);

  it('sets the state of one mirror connector, guarded by its source alias, dropping an old pause', () => {
    expect(
      connectorActionChange(
        { action: 'stop', connector: 'eu->us.MirrorSourceConnector' },
        target(true),
      ),
    ).toEqual({
      type: 'json-patch',
      operations: [
        { op: 'test', path: '/spec/mirrors/1/sourceCluster', value: 'eu' },
        {
          op: 'add',
          path: '/spec/mirrors/1/sourceConnector/state',
          value: 'stopped',
        },
        { op: 'remove', path: '/spec/mirrors/1/sourceConnector/pause' },
      ],
    });
  });

  it('toggles automatic restart of one mirror connector', () => {
    expect(
      connectorActionChange(
        {
          action: 'auto-restart',
          enabled: false,
          connector: 'eu->us.MirrorCheckpointConnector',
        },
        target(true),
      ),
    ).toMatchObject({
      operations: [
        { op: 'test' },
        {
          op: 'add',
          path: '/spec/mirrors/1/checkpointConnector/autoRestart/enabled',
          value: false,
        },
      ],
    });
    expect(
      connectorActionChange(
        {
          action: 'auto-restart',
          enabled: true,
          connector: 'ap->us.MirrorSourceConnector',
        },
        target(true),
      ),
    ).toMatchObject({
      operations: [
        { op: 'test', path: '/spec/mirrors/0/sourceCluster', value: 'ap' },
        {
          op: 'add',
          path: '/spec/mirrors/0/sourceConnector/autoRestart',
          value: { enabled: true },
        },
      ],
    });
  });

  describe('before Strimzi 0.38 (v1beta2 without state)', () => {
    const old = {
      kind: 'KafkaMirrorMaker2',
      stateField: 'pause',
      restartOptions: false,
      resource: {
        ...mm2,
        spec: {
          ...mm2.spec,
          mirrors: [
            ...mm2.spec!.mirrors!,
            {
              sourceCluster: 'sa',
              targetCluster: 'us',
              heartbeatConnector: { pause: true },
            },
          ],
        },
      },
    } as const;

    it('pauses and resumes one mirror connector with its pause, guarded by its source alias', () => {
      expect(
        connectorActionChange(
          { action: 'pause', connector: 'ap->us.MirrorSourceConnector' },
          old,
        ),
      ).toEqual({
        type: 'json-patch',
        operations: [
          { op: 'test', path: '/spec/mirrors/0/sourceCluster', value: 'ap' },
          {
            op: 'add',
            path: '/spec/mirrors/0/sourceConnector/pause',
            value: true,
          },
        ],
      });
      expect(
        connectorActionChange(
          { action: 'resume', connector: 'eu->us.MirrorSourceConnector' },
          old,
        ),
      ).toMatchObject({
        operations: [
          { op: 'test', path: '/spec/mirrors/1/sourceCluster', value: 'eu' },
          {
            op: 'add',
            path: '/spec/mirrors/1/sourceConnector/pause',
            value: false,
          },
        ],
      });
      expect(
        connectorActionChange(
          { action: 'resume', connector: 'sa->us.MirrorHeartbeatConnector' },
          old,
        ),
      ).toMatchObject({
        operations: [
          { op: 'test', path: '/spec/mirrors/2/sourceCluster', value: 'sa' },
          {
            op: 'add',
            path: '/spec/mirrors/2/heartbeatConnector/pause',
            value: false,
          },
        ],
      });
    });

    it('refuses stop, naming Strimzi 0.38, and the configured version when there is one', () => {
      const stop = {
        action: 'stop',
        connector: 'eu->us.MirrorCheckpointConnector',
      } as const;
      expect(() => connectorActionChange(stop, old)).toThrow(
        "Action 'stop' needs spec.state, which came with Strimzi 0.38; this cluster's Strimzi (kafka.strimzi.io/v1beta2) does not have it: pause the connector instead, or upgrade Strimzi",
      );
      expect(() =>
        connectorActionChange(stop, { ...old, strimziVersion: '0.37.0' }),
      ).toThrow(/this cluster's Strimzi is 0\.37\.0: pause the connector/);
    });
  });

  it('refuses a connector the spec does not configure', () => {
    expect(() =>
      connectorActionChange(
        { action: 'pause', connector: 'xx->us.MirrorSourceConnector' },
        target(true),
      ),
    ).toThrow(
      /must name a connector that the KafkaMirrorMaker2's spec.mirrors configures/,
    );
  });

  it('restarts with options on 0.48+, and task by task before', () => {
    const action = {
      action: 'restart',
      connector: 'eu->us.MirrorSourceConnector',
      includeTasks: true,
      onlyFailed: true,
    } as const;
    expect(connectorActionChange(action, target(true))).toEqual({
      type: 'merge-patch',
      patch: {
        metadata: {
          annotations: {
            'strimzi.io/restart-connector':
              'eu->us.MirrorSourceConnector:includeTasks,onlyFailed',
          },
        },
      },
    });
    expect(connectorActionChange(action, target(false))).toEqual({
      type: 'merge-patch',
      patch: {
        metadata: {
          annotations: {
            'strimzi.io/restart-connector-task':
              'eu->us.MirrorSourceConnector:0',
          },
        },
      },
    });
  });
});

describe('connectorStateSupport', () => {
  it('has state on v1, and on v1beta2 unless a version before 0.38 is configured or the API server refused it', () => {
    expect(connectorStateSupport({ apiVersion: 'v1' })).toEqual({
      supported: true,
    });
    expect(
      connectorStateSupport({ apiVersion: 'v1', learnedLacksState: true }),
    ).toEqual({ supported: true });
    expect(connectorStateSupport({ apiVersion: 'v1beta2' })).toEqual({
      supported: true,
    });
    expect(
      connectorStateSupport({
        apiVersion: 'v1beta2',
        strimziVersion: '0.38.0',
      }),
    ).toEqual({ supported: true });
    expect(
      connectorStateSupport({ apiVersion: 'v1beta2', strimziVersion: '1.0' }),
    ).toEqual({ supported: true });
    expect(
      connectorStateSupport({
        apiVersion: 'v1beta2',
        strimziVersion: '0.37.0',
      }),
    ).toEqual({
      supported: false,
      reason: stopUnsupportedReason('0.37.0'),
    });
    expect(
      connectorStateSupport({ apiVersion: 'v1beta2', learnedLacksState: true }),
    ).toEqual({ supported: false, reason: stopUnsupportedReason() });
  });

  it('names only a configured version that is older than 0.38', () => {
    expect(stopUnsupportedReason(' 0.36.1 ')).toContain(
      "this cluster's Strimzi is 0.36.1",
    );
    expect(stopUnsupportedReason('0.45.0')).toContain(
      "this cluster's Strimzi (kafka.strimzi.io/v1beta2) does not have it",
    );
  });
});
