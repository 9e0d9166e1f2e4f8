import type { KafkaMirrorMaker2Resource } from '../strimzi';
import { deriveMirrorMaker2Health } from './deriveMirrorMaker2Health';

const ready = [{ type: 'Ready', status: 'True' }];

function mm2(
  connectors: unknown,
  conditions: unknown = ready,
  generation = 1,
): KafkaMirrorMaker2Resource {
  return {
    metadata: { name: 'mm2', generation },
    status: {
      conditions,
      observedGeneration: 1,
      connectors,
    } as KafkaMirrorMaker2Resource['status'],
  };
}

const entry = (name: string, states: string[], connectorState = 'RUNNING') => ({
  name,
  connector: { state: connectorState, worker_id: 'w' },
  tasks: states.map((state, id) => ({
    id,
    state,
    worker_id: `w${id}`,
    ...(state === 'FAILED' ? { trace: 'boom' } : {}),
  })),
  type: 'source',
});

describe('deriveMirrorMaker2Health', () => {
  it('is healthy when every connector runs all its tasks, summing tasks', () => {
    const { assessment, components } = deriveMirrorMaker2Health(
      mm2([
        entry('eu->us.MirrorSourceConnector', ['RUNNING', 'RUNNING']),
        entry('eu->us.MirrorCheckpointConnector', ['RUNNING']),
      ]),
    );
    expect(assessment).toMatchObject({
      health: 'healthy',
      reason: 'All 2 connectors running',
      tasks: { total: 3, running: 3 },
    });
    expect(components.map(c => c.health)).toEqual(['healthy', 'healthy']);
  });

  it('rolls up to the worst connector and names it', () => {
    const { assessment } = deriveMirrorMaker2Health(
      mm2(
        [entry('a', ['RUNNING', 'FAILED']), entry('b', ['RUNNING'])],
        [
          {
            type: 'NotReady',
            status: 'True',
            reason: 'Throwable',
            message: 'The following tasks have failed',
          },
        ],
      ),
    );
    expect(assessment).toMatchObject({
      health: 'degraded',
      reason: 'a: 1 of 2 tasks failed: boom',
      failingTasks: [{ id: 1, state: 'FAILED', workerId: 'w1', trace: 'boom' }],
    });
    expect(
      deriveMirrorMaker2Health(
        mm2([entry('a', [], 'FAILED'), entry('b', ['FAILED'])]),
      ).assessment.health,
    ).toBe('failed');
  });

  it('is pending until observed, and failed with the reason when NotReady without connectors', () => {
    expect(
      deriveMirrorMaker2Health(mm2([entry('a', ['RUNNING'])], ready, 2))
        .assessment.health,
    ).toBe('pending');
    expect(deriveMirrorMaker2Health({ metadata: {} }).assessment.health).toBe(
      'pending',
    );
    expect(
      deriveMirrorMaker2Health(
        mm2(
          [],
          [
            {
              type: 'NotReady',
              status: 'True',
              reason: 'InvalidConfigurationException',
              message: 'bad alias',
            },
          ],
        ),
      ).assessment,
    ).toMatchObject({
      health: 'failed',
      reason: 'InvalidConfigurationException: bad alias',
    });
    expect(deriveMirrorMaker2Health(mm2([])).assessment).toMatchObject({
      health: 'pending',
      reason: 'No connector reported yet',
    });
  });

  it('never throws on malformed entries', () => {
    expect(() =>
      deriveMirrorMaker2Health(mm2([null, { name: 'x', tasks: 'no' }])),
    ).not.toThrow();
    expect(deriveMirrorMaker2Health(mm2('nope')).components).toEqual([]);
  });
});
