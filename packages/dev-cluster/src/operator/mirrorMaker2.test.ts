import {
  mirrorMaker2Connectors,
  reconcileKafkaMirrorMaker2,
} from './mirrorMaker2';
import { Resource } from './reconcile';
import { FAILED_TASKS_ANNOTATION } from './simulation';

const NOW = '2026-11-22T10:00:00.000Z';

describe('reconcileKafkaMirrorMaker2', () => {
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
        { source: { alias: 'ap' }, sourceConnector: { state: 'paused' } },
      ],
    },
  });

  it('names connectors the way Strimzi does', () => {
    expect(
      mirrorMaker2Connectors(mm2()).map((c: { name: string }) => c.name),
    ).toEqual([
      'eu->us.MirrorSourceConnector',
      'eu->us.MirrorCheckpointConnector',
      'ap->us.MirrorSourceConnector',
    ]);
  });

  it('reports each connector and rolls failures into NotReady', () => {
    const { status } = reconcileKafkaMirrorMaker2(
      mm2({
        [FAILED_TASKS_ANNOTATION]: JSON.stringify({
          'eu->us.MirrorSourceConnector:1': 'trace',
        }),
      }),
      NOW,
    );
    expect(status!.connectors).toHaveLength(3);
    expect(status!.connectors[0].tasks[1]).toMatchObject({
      state: 'FAILED',
      trace: 'trace',
    });
    expect(status!.connectors[2].connector.state).toBe('PAUSED');
    expect(status!.conditions[0]).toMatchObject({
      type: 'NotReady',
      reason: 'Throwable',
    });
    expect(
      reconcileKafkaMirrorMaker2(mm2(), NOW).status!.conditions[0].type,
    ).toBe('Ready');
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
          'strimzi.io/restart-connector': 'eu->us.MirrorSourceConnector',
        }),
        NOW,
      ).annotations,
    ).toEqual({
      'strimzi.io/restart-connector': null,
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
