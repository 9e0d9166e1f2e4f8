import fc from 'fast-check';
import { CONNECTOR_HEALTHS } from '../api';
import { deriveConnectorHealth } from './deriveConnectorHealth';
import { deriveMirrorMaker2Health } from './deriveMirrorMaker2Health';

/**
 * Statuses as a broken operator, a half-applied upgrade or a hand edit could
 * leave them: the right field names with values of any shape, mixed with
 * anything at all. Structured shapes reach the deep branches that plain
 * `fc.anything()` would rarely hit.
 */
const anyValue = fc.anything({ maxDepth: 3, withNullPrototype: true });
const taskState = fc.oneof(
  fc.constantFrom(
    'RUNNING',
    'FAILED',
    'PAUSED',
    'STOPPED',
    'RESTARTING',
    'UNASSIGNED',
  ),
  anyValue,
);
const task = fc.oneof(
  fc.record(
    { id: anyValue, state: taskState, worker_id: anyValue, trace: anyValue },
    { requiredKeys: [] },
  ),
  anyValue,
);
const connectBody = fc.oneof(
  fc.record(
    {
      name: anyValue,
      connector: fc.oneof(
        fc.record({ state: taskState, trace: anyValue }, { requiredKeys: [] }),
        anyValue,
      ),
      tasks: fc.oneof(fc.array(task, { maxLength: 5 }), anyValue),
      type: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
);
const condition = fc.oneof(
  fc.record(
    {
      type: fc.oneof(fc.constantFrom('Ready', 'NotReady', 'Warning'), anyValue),
      status: fc.oneof(fc.constantFrom('True', 'False', 'Unknown'), anyValue),
      reason: anyValue,
      message: anyValue,
      lastTransitionTime: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
);
const status = fc.oneof(
  fc.record(
    {
      conditions: fc.oneof(fc.array(condition, { maxLength: 4 }), anyValue),
      observedGeneration: anyValue,
      autoRestart: anyValue,
      connectorStatus: connectBody,
      connectors: fc.oneof(fc.array(connectBody, { maxLength: 3 }), anyValue),
      tasksMax: anyValue,
      topics: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
);
const resource = fc.record(
  {
    metadata: fc.oneof(
      fc.record({ generation: anyValue, name: anyValue }, { requiredKeys: [] }),
      anyValue,
    ),
    spec: fc.oneof(
      fc.record(
        { state: anyValue, pause: anyValue, tasksMax: anyValue },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
    status,
  },
  { requiredKeys: [] },
);

describe('health of malformed statuses (property-based)', () => {
  it('never throws for a KafkaConnector and always gives a known health with a reason', () => {
    fc.assert(
      fc.property(resource, value => {
        const assessment = deriveConnectorHealth(value as never);
        expect(CONNECTOR_HEALTHS).toContain(assessment.health);
        expect(typeof assessment.reason).toBe('string');
        expect(assessment.reason.length).toBeGreaterThan(0);
        expect(Array.isArray(assessment.failingTasks)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws for a KafkaMirrorMaker2 and always gives a known health with a reason', () => {
    fc.assert(
      fc.property(resource, value => {
        const { assessment, components } = deriveMirrorMaker2Health(
          value as never,
        );
        expect(CONNECTOR_HEALTHS).toContain(assessment.health);
        expect(assessment.reason.length).toBeGreaterThan(0);
        for (const component of components) {
          expect(CONNECTOR_HEALTHS).toContain(component.health);
          expect(typeof component.name).toBe('string');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
