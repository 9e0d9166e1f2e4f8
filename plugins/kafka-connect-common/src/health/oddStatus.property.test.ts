import fc from 'fast-check';
import type { KafkaConnectorResource } from '../strimzi';
import { deriveConnectorHealth } from './deriveConnectorHealth';

/**
 * Statuses that can be read (every field has the type Strimzi writes) but are
 * odd: unknown extra fields, condition types and task states nobody documents,
 * tasks in any order. Each property states which rule of the health derivation
 * applies and checks that the health is the one that rule gives, so a status
 * that is merely survived (no exception) but judged wrongly fails here.
 */

const oddText = fc.string({ minLength: 1, maxLength: 12 });
/** Fields a future Strimzi or Connect release might add. */
const extraFields = fc.dictionary(
  oddText.map(key => `x-${key}`),
  fc.oneof(fc.string(), fc.integer(), fc.boolean()),
  { maxKeys: 3 },
);
const KNOWN_TASK_STATES = [
  'RUNNING',
  'FAILED',
  'PAUSED',
  'STOPPED',
  'RESTARTING',
  'UNASSIGNED',
];
const unknownState = oddText
  .filter(text => !KNOWN_TASK_STATES.includes(text))
  .map(text => `ODD_${text}`);

function taskIn(state: fc.Arbitrary<string>) {
  return fc
    .tuple(fc.nat(50), state, extraFields)
    .map(([id, taskState, extra]) => ({
      ...extra,
      id,
      state: taskState,
      worker_id: 'worker-1:8083',
    }));
}

/** Conditions other than the ones the rules look at (Ready, NotReady, ReconciliationPaused). */
const unrelatedCondition = fc.oneof(
  fc.record({
    type: fc.constantFrom('Warning', 'Ready'),
    status: fc.constantFrom('True', 'False', 'Unknown'),
    reason: oddText,
    message: oddText,
  }),
  fc.record({
    type: unknownState,
    status: fc.constantFrom('True', 'False'),
  }),
);

function connector(options: {
  connectorState: string;
  tasks: object[];
  conditions?: object[];
  extra?: Record<string, unknown>;
  generation?: number;
  observedGeneration?: number;
}): KafkaConnectorResource {
  const generation = options.generation ?? 3;
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: { name: 'odd', namespace: 'orders', generation },
    spec: { class: 'io.example.Odd', tasksMax: 2, state: 'running' },
    status: {
      ...options.extra,
      conditions: [
        { type: 'Ready', status: 'True' },
        ...(options.conditions ?? []),
      ],
      observedGeneration: options.observedGeneration ?? generation,
      connectorStatus: {
        name: 'odd',
        connector: { state: options.connectorState },
        tasks: options.tasks,
        type: 'source',
      },
    } as KafkaConnectorResource['status'],
  };
}

describe('health of readable but odd statuses (property-based)', () => {
  it('a running connector whose tasks all run is healthy, whatever extra fields and unrelated conditions come with it', () => {
    fc.assert(
      fc.property(
        fc.array(taskIn(fc.constant('RUNNING')), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(unrelatedCondition, { maxLength: 3 }),
        extraFields,
        (tasks, conditions, extra) => {
          const health = deriveConnectorHealth(
            connector({ connectorState: 'RUNNING', tasks, conditions, extra }),
          ).health;
          expect(health).toBe('healthy');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a running connector with some but not all tasks failed is degraded, and with every task failed is failed', () => {
    fc.assert(
      fc.property(
        fc.array(taskIn(fc.constant('RUNNING')), {
          minLength: 0,
          maxLength: 4,
        }),
        fc.array(taskIn(fc.constant('FAILED')), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(unrelatedCondition, { maxLength: 3 }),
        (running, failed, conditions) => {
          const assessment = deriveConnectorHealth(
            connector({
              connectorState: 'RUNNING',
              tasks: [...failed, ...running],
              conditions,
            }),
          );
          expect(assessment.health).toBe(
            running.length === 0 ? 'failed' : 'degraded',
          );
          expect(assessment.failingTasks).toHaveLength(failed.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a task in a state Connect does not document keeps a running connector pending (starting), never healthy', () => {
    fc.assert(
      fc.property(
        fc.array(taskIn(fc.constant('RUNNING')), { maxLength: 4 }),
        fc.array(taskIn(unknownState), { minLength: 1, maxLength: 3 }),
        (running, odd) => {
          const assessment = deriveConnectorHealth(
            connector({
              connectorState: 'RUNNING',
              tasks: [...running, ...odd],
            }),
          );
          expect(assessment.health).toBe('pending');
          expect(assessment.tasks.unassigned).toBe(odd.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a connector state Connect does not document is pending with that state named', () => {
    fc.assert(
      fc.property(
        unknownState,
        fc.array(taskIn(fc.constant('RUNNING')), { maxLength: 3 }),
        (state, tasks) => {
          const assessment = deriveConnectorHealth(
            connector({ connectorState: state, tasks }),
          );
          expect(assessment.health).toBe('pending');
          expect(assessment.reason).toContain(state);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a failed connector is failed whatever its tasks say', () => {
    fc.assert(
      fc.property(
        fc.array(
          taskIn(fc.oneof(fc.constantFrom(...KNOWN_TASK_STATES), unknownState)),
          { maxLength: 5 },
        ),
        fc.array(unrelatedCondition, { maxLength: 3 }),
        (tasks, conditions) => {
          expect(
            deriveConnectorHealth(
              connector({ connectorState: 'FAILED', tasks, conditions }),
            ).health,
          ).toBe('failed');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an observed generation behind the resource is pending, whatever Connect last reported', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1000 }),
        fc.constantFrom('RUNNING', 'FAILED', 'PAUSED'),
        (generation, state) => {
          const assessment = deriveConnectorHealth(
            connector({
              connectorState: state,
              tasks: [{ id: 0, state: 'RUNNING' }],
              generation,
              observedGeneration: generation - 1,
            }),
          );
          expect(assessment.health).toBe('pending');
          expect(assessment.reason).toContain(`generation ${generation}`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the order of tasks and of conditions does not change the health', () => {
    const anyTaskState = fc.oneof(
      fc.constantFrom(...KNOWN_TASK_STATES),
      unknownState,
    );
    fc.assert(
      fc.property(
        fc.constantFrom('RUNNING', 'PAUSED', 'STOPPED', 'FAILED'),
        fc.array(taskIn(anyTaskState), { maxLength: 6 }),
        fc.array(unrelatedCondition, { maxLength: 3 }),
        (state, tasks, conditions) => {
          const forward = deriveConnectorHealth(
            connector({ connectorState: state, tasks, conditions }),
          );
          const reversed = deriveConnectorHealth(
            connector({
              connectorState: state,
              tasks: [...tasks].reverse(),
              conditions: [...conditions].reverse(),
            }),
          );
          expect(reversed.health).toBe(forward.health);
          expect(reversed.tasks).toEqual(forward.tasks);
        },
      ),
      { numRuns: 300 },
    );
  });
});
