import {
  observeRestartAnnotation,
  RestartSighting,
  restartOptionsValueOf,
} from './restartDialect';
import {
  restartDialectOf,
  restartOptionsSupported,
} from './strimziCapabilities';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const at = (seconds: number) => T0 + seconds * 1000;
const iso = (seconds: number) => new Date(at(seconds)).toISOString();

/** A KafkaConnector as the watch delivers it. */
function connector(options: {
  restart?: string;
  generation?: number;
  observedGeneration?: number;
  statusAt?: number;
  warning?: { message: string; at: number };
}) {
  return {
    metadata: {
      namespace: 'ns',
      name: 'c',
      generation: options.generation ?? 1,
      annotations: (options.restart === undefined
        ? {}
        : { 'strimzi.io/restart': options.restart }) as Record<string, string>,
    },
    status: {
      observedGeneration: options.observedGeneration ?? 1,
      conditions: [
        ...(options.warning
          ? [
              {
                type: 'Warning',
                status: 'True',
                reason: 'RestartConnector',
                message: options.warning.message,
                lastTransitionTime: iso(options.warning.at),
              },
            ]
          : []),
        {
          type: 'Ready',
          status: 'True',
          lastTransitionTime: iso(options.statusAt ?? -600),
        },
      ],
    },
  };
}

/** Feeds events in turn; returns every evidence and the last sighting. */
function replay(
  events: Array<[number, ReturnType<typeof connector> | undefined]>,
) {
  let sighting: RestartSighting | undefined;
  const evidence = [];
  for (const [seconds, resource] of events) {
    const seen = observeRestartAnnotation(sighting, resource, at(seconds));
    sighting = seen.sighting;
    if (seen.evidence) {
      evidence.push(seen.evidence);
    }
  }
  return { sighting, evidence };
}

const OPTIONS = 'includeTasks,onlyFailed';

describe('restartOptionsValueOf', () => {
  it.each([
    ['includeTasks,onlyFailed', true],
    ['onlyFailed', true],
    ['includeTasks', true],
    [' includeTasks , onlyFailed ', true],
    ['true', false],
    ['TRUE', false],
    ['false', false],
    ['', false],
    ['includeTasks,restart', false],
    ['yes', false],
  ])('%j is an options value: %s', (value, isOptions) => {
    expect(
      restartOptionsValueOf({
        metadata: { annotations: { 'strimzi.io/restart': value } },
      }),
    ).toBe(isOptions ? value : undefined);
  });

  it('reads nothing from a resource without the annotation', () => {
    expect(restartOptionsValueOf({ metadata: {} })).toBeUndefined();
    expect(restartOptionsValueOf(undefined)).toBeUndefined();
  });
});

describe('observeRestartAnnotation', () => {
  it('learns options when the operator removes the value it acted on (0.48+)', () => {
    const { evidence, sighting } = replay([
      [0, connector({ restart: OPTIONS })],
      [2, connector({ statusAt: 2 })],
    ]);
    expect(sighting).toBeUndefined();
    expect(evidence).toEqual([
      {
        dialect: 'options',
        at: at(2),
        reason:
          'the operator acted on strimzi.io/restart: includeTasks,onlyFailed on KafkaConnector ns/c and removed it',
      },
    ]);
  });

  it('learns nothing from a removal long after the value appeared (a person clearing it)', () => {
    expect(
      replay([
        [0, connector({ restart: OPTIONS })],
        [301, connector({})],
      ]).evidence,
    ).toEqual([]);
  });

  it('learns only true when the operator reconciled a newer generation and left the value (0.38-0.47)', () => {
    const { evidence, sighting } = replay([
      [
        0,
        connector({ restart: OPTIONS, generation: 3, observedGeneration: 3 }),
      ],
      [
        5,
        connector({ restart: OPTIONS, generation: 4, observedGeneration: 3 }),
      ],
      [
        6,
        connector({
          restart: OPTIONS,
          generation: 4,
          observedGeneration: 4,
          statusAt: 6,
        }),
      ],
    ]);
    expect(evidence).toEqual([
      {
        dialect: 'true-only',
        at: at(6),
        reason:
          'strimzi.io/restart: includeTasks,onlyFailed on KafkaConnector ns/c stayed after the operator reconciled generation 4',
      },
    ]);
    expect(sighting).toMatchObject({ leftInPlace: true, firstSeenAt: at(0) });
  });

  it('does not count a generation whose reconcile was under way when the value was first seen', () => {
    expect(
      replay([
        [
          0,
          connector({ restart: OPTIONS, generation: 4, observedGeneration: 3 }),
        ],
        [
          1,
          connector({ restart: OPTIONS, generation: 4, observedGeneration: 4 }),
        ],
      ]).evidence,
    ).toEqual([]);
  });

  it('learns only true from a status written well after the value appeared', () => {
    const { evidence } = replay([
      [0, connector({ restart: OPTIONS, statusAt: -600 })],
      [45, connector({ restart: OPTIONS, statusAt: 45 })],
    ]);
    expect(evidence).toEqual([
      expect.objectContaining({
        dialect: 'true-only',
        at: at(45),
        reason: `strimzi.io/restart: includeTasks,onlyFailed on KafkaConnector ns/c stayed after the operator wrote a status at ${iso(
          45,
        )}`,
      }),
    ]);
  });

  it('does not count a status written so soon it may come from a reconcile begun before the value', () => {
    expect(
      replay([
        [0, connector({ restart: OPTIONS })],
        [3, connector({ restart: OPTIONS, statusAt: 3 })],
      ]).evidence,
    ).toEqual([]);
  });

  it('does not count an unchanged status, however late the event', () => {
    expect(
      replay([
        [0, connector({ restart: OPTIONS, statusAt: 10 })],
        [600, connector({ restart: OPTIONS, statusAt: 10 })],
      ]).evidence,
    ).toEqual([]);
  });

  it('learns only true from a Warning about the value format', () => {
    const { evidence } = replay([
      [0, connector({ restart: OPTIONS })],
      [
        1,
        connector({
          restart: OPTIONS,
          warning: {
            message: 'Invalid annotation format: includeTasks,onlyFailed',
            at: 1,
          },
          statusAt: 1,
        }),
      ],
    ]);
    expect(evidence).toEqual([
      expect.objectContaining({
        dialect: 'true-only',
        reason:
          'strimzi.io/restart: includeTasks,onlyFailed on KafkaConnector ns/c was refused: RestartConnector: Invalid annotation format: includeTasks,onlyFailed',
      }),
    ]);
  });

  it('ignores a format Warning from before the value appeared, and other restart Warnings', () => {
    expect(
      replay([
        [
          0,
          connector({
            restart: OPTIONS,
            warning: { message: 'Invalid annotation format: x', at: -60 },
          }),
        ],
        [
          1,
          connector({
            restart: OPTIONS,
            warning: { message: 'Failed to restart connector c. 404', at: 1 },
          }),
        ],
      ]).evidence,
    ).toEqual([]);
  });

  it('gives its evidence once, and a later removal of a value left in place learns nothing', () => {
    const { evidence } = replay([
      [0, connector({ restart: OPTIONS, generation: 1 })],
      [
        10,
        connector({ restart: OPTIONS, generation: 2, observedGeneration: 2 }),
      ],
      [
        20,
        connector({
          restart: OPTIONS,
          generation: 2,
          observedGeneration: 2,
          statusAt: 20,
        }),
      ],
      [30, connector({ generation: 2, observedGeneration: 2 })],
    ]);
    expect(evidence.map(item => item.dialect)).toEqual(['true-only']);
  });

  it('starts over when the value changes to other options', () => {
    const { sighting } = replay([
      [0, connector({ restart: OPTIONS })],
      [100, connector({ restart: 'onlyFailed' })],
    ]);
    expect(sighting).toMatchObject({
      value: 'onlyFailed',
      firstSeenAt: at(100),
    });
  });

  it('forgets a value replaced by true: the removal of true says nothing about options', () => {
    const { evidence, sighting } = replay([
      [0, connector({ restart: OPTIONS })],
      [5, connector({ restart: 'true' })],
      [6, connector({})],
    ]);
    expect(evidence).toEqual([]);
    expect(sighting).toBeUndefined();
  });

  it('learns nothing from values no version reads, from true, or from a deleted connector', () => {
    expect(
      replay([
        [0, connector({ restart: 'true' })],
        [
          50,
          connector({
            restart: 'true',
            statusAt: 50,
            generation: 2,
            observedGeneration: 2,
          }),
        ],
        [60, connector({ restart: 'bogus' })],
        [100, connector({ restart: 'bogus', statusAt: 100 })],
        [110, connector({ restart: OPTIONS })],
        [111, undefined],
      ]),
    ).toEqual({ sighting: undefined, evidence: [] });
  });

  it('takes its patience from the options', () => {
    const first = observeRestartAnnotation(
      undefined,
      connector({ restart: OPTIONS }),
      at(0),
    ).sighting;
    expect(
      observeRestartAnnotation(
        first,
        connector({ restart: OPTIONS, statusAt: 3 }),
        at(3),
        {
          reconcileMarginMs: 1000,
        },
      ).evidence?.dialect,
    ).toBe('true-only');
    expect(
      observeRestartAnnotation(first, connector({}), at(20), {
        removalWindowMs: 10_000,
      }).evidence,
    ).toBeUndefined();
  });
});

describe('restartOptionsSupported with a learned dialect', () => {
  it.each([
    [{ strimziVersion: '0.47.0', learned: 'options' }, false],
    [{ strimziVersion: '0.48.0', learned: 'true-only' }, true],
    [{ apiVersion: 'v1', learned: 'true-only' }, true],
    [{ apiVersion: 'v1beta2', learned: 'options' }, true],
    [{ apiVersion: 'v1beta2', learned: 'true-only' }, false],
    [{ apiVersion: 'v1beta2' }, false],
    [{ learned: 'options' }, true],
    [{}, false],
  ] as const)('%j reads options: %s', (cluster, expected) => {
    expect(restartOptionsSupported(cluster)).toBe(expected);
  });
});

describe('restartDialectOf', () => {
  it('names what decided', () => {
    expect(
      restartDialectOf({ strimziVersion: '0.45.0', learned: 'options' }),
    ).toEqual({
      restartOptions: false,
      source: 'strimziVersion',
    });
    expect(restartDialectOf({ apiVersion: 'v1' })).toEqual({
      restartOptions: true,
      source: 'apiVersion',
    });
    expect(
      restartDialectOf({ apiVersion: 'v1beta2', learned: 'options' }),
    ).toEqual({
      restartOptions: true,
      source: 'learned',
    });
    expect(
      restartDialectOf({ apiVersion: 'v1beta2', learned: 'true-only' }),
    ).toEqual({
      restartOptions: false,
      source: 'learned',
    });
    expect(restartDialectOf({ apiVersion: 'v1beta2' })).toEqual({
      restartOptions: false,
      source: 'unknown',
    });
  });
});
