import { settleTransitionTimes } from './conditions';
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

  it('settleTransitionTimes keeps the time of an unchanged condition only', () => {
    const previous = {
      conditions: [
        { type: 'Ready', status: 'True', lastTransitionTime: 'old' },
      ],
    };
    expect(
      settleTransitionTimes(previous, {
        conditions: [
          { type: 'Ready', status: 'True', lastTransitionTime: NOW },
        ],
      }).conditions[0].lastTransitionTime,
    ).toBe('old');
    expect(
      settleTransitionTimes(previous, {
        conditions: [
          {
            type: 'NotReady',
            status: 'True',
            reason: 'Throwable',
            lastTransitionTime: NOW,
          },
        ],
      }).conditions[0].lastTransitionTime,
    ).toBe(NOW);
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
  });
});
