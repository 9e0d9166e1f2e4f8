import {
  FAILED_MM2_CONNECTORS_ANNOTATION,
  reconcileKafkaMirrorMaker2,
} from './mirrorMaker2';
import { Resource } from './reconcile';
import { FAILED_TASKS_ANNOTATION } from './simulation';

const NOW = '2026-11-22T10:00:00.000Z';

describe('reconcileKafkaMirrorMaker2 (simulated)', () => {
  const mm2 = (annotations: Record<string, string> = {}): Resource => ({
    kind: 'KafkaMirrorMaker2',
    metadata: { name: 'mm2', namespace: 'kafka', generation: 2, annotations },
    spec: {
      replicas: 1,
      target: { alias: 'us' },
      mirrors: [
        {
          source: { alias: 'eu' },
          sourceConnector: { tasksMax: 2 },
          checkpointConnector: { tasksMax: 1 },
        },
        // No sourceConnector: Strimzi creates none for this mirror.
        { source: { alias: 'ap' }, checkpointConnector: { state: 'paused' } },
      ],
    },
  });

  it('reports the connectors the spec names, sorted by name, on Strimzi worker ids', () => {
    const { status } = reconcileKafkaMirrorMaker2(mm2(), NOW);
    expect(status!.connectors.map((c: { name: string }) => c.name)).toEqual([
      'ap->us.MirrorCheckpointConnector',
      'eu->us.MirrorCheckpointConnector',
      'eu->us.MirrorSourceConnector',
    ]);
    expect(status!.connectors[0].connector).toEqual({
      state: 'PAUSED',
      worker_id: 'mm2-mirrormaker2-0.mm2-mirrormaker2.kafka.svc:8083',
    });
    expect(status!.conditions[0].type).toBe('Ready');
  });

  it('pauses a connector on its pause alone (v1beta2 before Strimzi 0.38 has no state)', () => {
    const old = (pause: boolean): Resource => ({
      ...mm2(),
      apiVersion: 'kafka.strimzi.io/v1beta2',
      spec: {
        ...mm2().spec,
        mirrors: [
          {
            source: { alias: 'eu' },
            sourceConnector: { tasksMax: 2, pause },
            checkpointConnector: { tasksMax: 1 },
            heartbeatConnector: { tasksMax: 1, pause: true },
          },
        ],
      },
    });
    const states = (pause: boolean) =>
      reconcileKafkaMirrorMaker2(old(pause), NOW).status!.connectors.map(
        (c: { name: string; connector: { state: string }; tasks: any[] }) => [
          c.name,
          c.connector.state,
          c.tasks.map(task => task.state),
        ],
      );
    expect(states(true)).toEqual([
      ['eu->us.MirrorCheckpointConnector', 'RUNNING', ['RUNNING']],
      ['eu->us.MirrorHeartbeatConnector', 'PAUSED', ['PAUSED']],
      ['eu->us.MirrorSourceConnector', 'PAUSED', ['PAUSED', 'PAUSED']],
    ]);
    expect(states(false)).toEqual([
      ['eu->us.MirrorCheckpointConnector', 'RUNNING', ['RUNNING']],
      ['eu->us.MirrorHeartbeatConnector', 'PAUSED', ['PAUSED']],
      ['eu->us.MirrorSourceConnector', 'RUNNING', ['RUNNING', 'RUNNING']],
    ]);
  });

  it('stays Ready when only a task fails', () => {
    const { status } = reconcileKafkaMirrorMaker2(
      mm2({
        [FAILED_TASKS_ANNOTATION]: JSON.stringify({
          'eu->us.MirrorSourceConnector:1': 'trace',
        }),
      }),
      NOW,
    );
    expect(status!.connectors[2].tasks[1]).toMatchObject({
      state: 'FAILED',
      trace: 'trace',
    });
    expect(status!.conditions).toEqual([
      expect.objectContaining({ type: 'Ready' }),
    ]);
  });

  it('goes NotReady when a connector fails', () => {
    const { status } = reconcileKafkaMirrorMaker2(
      mm2({
        [FAILED_MM2_CONNECTORS_ANNOTATION]: JSON.stringify({
          'eu->us.MirrorCheckpointConnector': 'boom',
        }),
      }),
      NOW,
    );
    expect(status!.connectors[1]).toMatchObject({
      connector: { state: 'FAILED', trace: 'boom' },
      tasks: [],
    });
    expect(status!.conditions[0]).toMatchObject({
      type: 'NotReady',
      reason: 'NoStackTraceThrowable',
      message: 'One or more connectors are in FAILED state',
    });
  });

  it('answers an offsets request with the Warning of a Connect that cannot answer, pointing at the real worker', () => {
    const { status, annotations } = reconcileKafkaMirrorMaker2(
      mm2({
        'strimzi.io/connector-offsets': 'list',
        'strimzi.io/mirrormaker-connector': 'eu->us.MirrorSourceConnector',
      }),
      NOW,
    );
    expect(annotations).toBeUndefined();
    expect(status!.conditions[0]).toMatchObject({
      type: 'Warning',
      reason: 'ListOffsets',
      message: expect.stringContaining(
        'this KafkaMirrorMaker2 is simulated by the dev cluster',
      ),
    });
    expect(status!.conditions[1].type).toBe('Ready');
  });

  it('acts on restart-connector and restart-connector-task', () => {
    const failures = JSON.stringify({
      'eu->us.MirrorSourceConnector:0': 'a',
      'eu->us.MirrorSourceConnector:1': 'b',
      'eu->us.MirrorCheckpointConnector:0': 'c',
    });
    expect(
      reconcileKafkaMirrorMaker2(
        mm2({
          [FAILED_TASKS_ANNOTATION]: failures,
          [FAILED_MM2_CONNECTORS_ANNOTATION]: JSON.stringify({
            'eu->us.MirrorSourceConnector': 'x',
          }),
          'strimzi.io/restart-connector':
            'eu->us.MirrorSourceConnector:includeTasks,onlyFailed',
        }),
        NOW,
      ).annotations,
    ).toEqual({
      'strimzi.io/restart-connector': null,
      [FAILED_MM2_CONNECTORS_ANNOTATION]: null,
      [FAILED_TASKS_ANNOTATION]: JSON.stringify({
        'eu->us.MirrorCheckpointConnector:0': 'c',
      }),
    });
    expect(
      reconcileKafkaMirrorMaker2(
        mm2({
          [FAILED_TASKS_ANNOTATION]: failures,
          'strimzi.io/restart-connector-task':
            'eu->us.MirrorCheckpointConnector:0',
        }),
        NOW,
      ).annotations![FAILED_TASKS_ANNOTATION],
    ).toBe(
      JSON.stringify({
        'eu->us.MirrorSourceConnector:0': 'a',
        'eu->us.MirrorSourceConnector:1': 'b',
      }),
    );
  });
});
