import fc from 'fast-check';
import type { KafkaConnectorResource, KafkaConnectResource } from '../strimzi';
import { deriveConnectorHealth } from './deriveConnectorHealth';

/** Well-formed statuses as Strimzi writes them, in every combination the rules distinguish. */
const state = fc.constantFrom(
  'RUNNING',
  'FAILED',
  'PAUSED',
  'STOPPED',
  'RESTARTING',
  'UNASSIGNED',
);
const connectCluster = fc.constantFrom<KafkaConnectResource | null | undefined>(
  undefined,
  null,
  {
    metadata: { annotations: { 'strimzi.io/use-connector-resources': 'true' } },
    spec: { replicas: 1 },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  },
  {
    metadata: { annotations: { 'strimzi.io/use-connector-resources': 'true' } },
    spec: { replicas: 0 },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  },
  {
    metadata: { annotations: { 'strimzi.io/use-connector-resources': 'true' } },
    spec: { replicas: 1 },
    status: { conditions: [{ type: 'NotReady', status: 'True', reason: 'X' }] },
  },
);
const connector = fc.record({
  connectorState: state,
  tasks: fc.array(state, { maxLength: 4 }),
  desired: fc.constantFrom(undefined, 'running', 'paused', 'stopped'),
  autoRestart: fc.option(
    fc.record({
      enabled: fc.boolean(),
      maxRestarts: fc.option(fc.nat(10), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  count: fc.option(fc.nat(12), { nil: undefined }),
  restart: fc.constantFrom(undefined, 'true', 'includeTasks,onlyFailed'),
  minutesLater: fc.nat(200),
});

type Generated = typeof connector extends fc.Arbitrary<infer T> ? T : never;

function resource(generated: Generated): KafkaConnectorResource {
  return {
    metadata: {
      name: 'c',
      generation: 2,
      labels: { 'strimzi.io/cluster': 'connect' },
      ...(generated.restart
        ? { annotations: { 'strimzi.io/restart': generated.restart } }
        : {}),
    },
    spec: {
      ...(generated.desired ? { state: generated.desired } : {}),
      ...(generated.autoRestart ? { autoRestart: generated.autoRestart } : {}),
    },
    status: {
      observedGeneration: 2,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastTransitionTime: '2026-01-01T00:00:00Z',
        },
      ],
      ...(generated.count !== undefined
        ? {
            autoRestart: {
              count: generated.count,
              lastRestartTimestamp: '2026-01-01T00:00:00Z',
            },
          }
        : {}),
      connectorStatus: {
        connector: { state: generated.connectorState },
        tasks: generated.tasks.map((s, id) => ({ id, state: s })),
      },
    },
  };
}

const clock = (generated: Generated) => ({
  now: Date.parse('2026-01-01T00:00:00Z') + generated.minutesLater * 60_000,
});

describe('deriveConnectorHealth over well-formed statuses', () => {
  it('calls healthy only what runs: connector and every task RUNNING, asked to run, on a fine Connect cluster', () => {
    fc.assert(
      fc.property(connector, connectCluster, (generated, cluster) => {
        const assessment = deriveConnectorHealth(resource(generated), {
          ...clock(generated),
          connectCluster: cluster,
        });
        const runs =
          generated.connectorState === 'RUNNING' &&
          generated.tasks.length > 0 &&
          generated.tasks.every(s => s === 'RUNNING') &&
          (generated.desired ?? 'running') === 'running' &&
          assessment.connectClusterProblem === undefined;
        expect(assessment.health !== 'healthy' || runs).toBe(true);
        expect(assessment.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('never hides a failure: a FAILED connector or task reads failed or degraded', () => {
    fc.assert(
      fc.property(connector, connectCluster, (generated, cluster) => {
        const failing =
          generated.connectorState === 'FAILED' ||
          (generated.connectorState === 'RUNNING' &&
            (generated.desired ?? 'running') === 'running' &&
            generated.tasks.includes('FAILED'));
        fc.pre(failing);
        const { health } = deriveConnectorHealth(resource(generated), {
          ...clock(generated),
          connectCluster: cluster,
        });
        expect(['failed', 'degraded']).toContain(health);
      }),
    );
  });

  it('a restart annotation on an observed generation changes no health', () => {
    fc.assert(
      fc.property(connector, generated => {
        const withRequest = deriveConnectorHealth(
          resource({ ...generated, restart: 'true' }),
          clock(generated),
        );
        const without = deriveConnectorHealth(
          resource({ ...generated, restart: undefined }),
          clock(generated),
        );
        expect(withRequest.health).toBe(without.health);
      }),
    );
  });
});
