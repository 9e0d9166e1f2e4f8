import { settleTransitionTimes, strimziTimestamp } from './conditions';
import {
  connectConfigOf,
  restartOptionsOf,
  specWarningsOf,
  targetStateOf,
  topicsOf,
} from './connectorSpec';

const NOW = '2026-11-22T10:00:00.000Z';

describe('helpers', () => {
  it('targetStateOf prefers spec.state over spec.pause', () => {
    expect(targetStateOf(undefined)).toBe('running');
    expect(targetStateOf({ pause: true })).toBe('paused');
    expect(targetStateOf({ pause: true, state: 'stopped' })).toBe('stopped');
  });

  it('topicsOf reads sink topics and source prefixes', () => {
    expect(topicsOf({ topics: 'b, a' }, 'sink')).toEqual(['a', 'b']);
    expect(topicsOf({ 'topic.prefix': 'p' }, 'source')).toEqual(['p']);
    expect(topicsOf({}, 'source')).toEqual([]);
    expect(topicsOf(undefined, 'sink')).toEqual([]);
  });

  it('settleTransitionTimes keeps every time of an unchanged status and renews all on any change, as Strimzi', () => {
    const previous = {
      observedGeneration: 1,
      conditions: [
        { type: 'Ready', status: 'True', lastTransitionTime: 'old' },
        {
          type: 'Warning',
          status: 'True',
          reason: 'DeprecatedFields',
          lastTransitionTime: 'old',
        },
      ],
    };
    const unchanged = settleTransitionTimes(previous, {
      observedGeneration: 1,
      conditions: [
        { type: 'Ready', status: 'True', lastTransitionTime: NOW },
        {
          type: 'Warning',
          status: 'True',
          reason: 'DeprecatedFields',
          lastTransitionTime: NOW,
        },
      ],
    });
    expect(unchanged.conditions.map((c: any) => c.lastTransitionTime)).toEqual([
      'old',
      'old',
    ]);
    // Only the generation changed: Strimzi still rewrites every condition's time.
    const newGeneration = settleTransitionTimes(previous, {
      observedGeneration: 2,
      conditions: [
        { type: 'Ready', status: 'True', lastTransitionTime: NOW },
        {
          type: 'Warning',
          status: 'True',
          reason: 'DeprecatedFields',
          lastTransitionTime: NOW,
        },
      ],
    });
    expect(
      newGeneration.conditions.map((c: any) => c.lastTransitionTime),
    ).toEqual([NOW, NOW]);
    expect(
      settleTransitionTimes(undefined, {
        conditions: [
          { type: 'Ready', status: 'True', lastTransitionTime: NOW },
        ],
      }).conditions[0].lastTransitionTime,
    ).toBe(NOW);
  });

  it('strimziTimestamp writes ISO_INSTANT with nanoseconds in groups of three', () => {
    const at = new Date('2026-12-02T11:39:07.123Z');
    expect(strimziTimestamp(at, 456789)).toBe('2026-12-02T11:39:07.123456789Z');
    expect(strimziTimestamp(at, 456000)).toBe('2026-12-02T11:39:07.123456Z');
    expect(strimziTimestamp(at, 0)).toBe('2026-12-02T11:39:07.123Z');
    expect(strimziTimestamp(new Date('2026-12-02T11:39:07.000Z'), 0)).toBe(
      '2026-12-02T11:39:07Z',
    );
    expect(strimziTimestamp(new Date('2026-12-02T11:39:07.000Z'), 1)).toBe(
      '2026-12-02T11:39:07.000000001Z',
    );
    expect(strimziTimestamp()).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.(\d{3}){1,3})?Z$/,
    );
    // Consumers parse it back to the same millisecond.
    expect(Date.parse(strimziTimestamp(at, 456789))).toBe(at.getTime());
  });

  it('restartOptionsOf reads the values Strimzi 1.2 accepts and refuses others', () => {
    expect(restartOptionsOf('true')).toEqual({
      includeTasks: false,
      onlyFailed: false,
    });
    expect(restartOptionsOf(' TRUE ')).toEqual({
      includeTasks: false,
      onlyFailed: false,
    });
    expect(restartOptionsOf('includeTasks')).toEqual({
      includeTasks: true,
      onlyFailed: false,
    });
    expect(restartOptionsOf('includeTasks,onlyFailed')).toEqual({
      includeTasks: true,
      onlyFailed: true,
    });
    expect(restartOptionsOf('onlyFailed, includeTasks')).toEqual({
      includeTasks: true,
      onlyFailed: true,
    });
    expect(restartOptionsOf('false')).toBe('invalid');
    expect(restartOptionsOf('includeTasks,bogus')).toBe('invalid');
    expect(restartOptionsOf('')).toBe('invalid');
  });

  it('restartOptionsOf before 0.48 restarts only on true and ignores the rest', () => {
    expect(restartOptionsOf('True', false)).toEqual({
      includeTasks: false,
      onlyFailed: false,
    });
    expect(restartOptionsOf('includeTasks', false)).toBe('ignored');
    expect(restartOptionsOf('yes', false)).toBe('ignored');
  });

  it('connectConfigOf sends strings, with class and tasksMax from their fields', () => {
    expect(
      connectConfigOf({
        class: 'org.example.Source',
        tasksMax: 3,
        config: {
          'batch.size': 10,
          enabled: true,
          list: ['a', 'b'],
          skipped: null,
          'connector.class': 'overridden',
        },
      }),
    ).toEqual({
      'batch.size': '10',
      enabled: 'true',
      list: '["a","b"]',
      'connector.class': 'org.example.Source',
      'tasks.max': '3',
    });
    expect(connectConfigOf(undefined)).toEqual({});
  });

  it('specWarningsOf warns about spec.pause, and about pause beside state', () => {
    expect(specWarningsOf({ spec: { state: 'paused' } })).toEqual([]);
    expect(
      specWarningsOf({
        apiVersion: 'kafka.strimzi.io/v1beta2',
        spec: { pause: true },
      }),
    ).toEqual([
      {
        reason: 'DeprecatedFields',
        message:
          'In API version kafka.strimzi.io/v1beta2 the pause property at path spec.pause has been deprecated, and should be replaced by spec.state.',
      },
    ]);
    expect(
      specWarningsOf({ spec: { pause: true, state: 'stopped' } }).map(
        warning => warning.reason,
      ),
    ).toEqual(['DeprecatedFields', 'UpdateState']);
    expect(
      specWarningsOf({ spec: { pause: true, state: 'stopped' } })[1].message,
    ).toContain('the connector will be stopped');
    // Before 0.38 spec.pause was the only way to pause: nothing to warn about.
    expect(
      specWarningsOf({ spec: { pause: true } }, { connectorState: false }),
    ).toEqual([]);
  });
});
