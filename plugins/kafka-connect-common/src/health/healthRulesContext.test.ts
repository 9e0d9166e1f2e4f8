/**
 * Health rules of issue 19 that look beyond the connector's own Connect body:
 * its Connect cluster, time, NotReady reasons, traces.
 */
import type { KafkaConnectorResource, KafkaConnectResource } from '../strimzi';
import { deriveConnectorHealth } from './deriveConnectorHealth';
import { rootCause } from './rootCause';
import { at, connector, soon, T0 } from './__fixtures__/ruleConnector';

describe('rule: the Connect cluster folds into its connectors', () => {
  const connect = (
    overrides: Partial<KafkaConnectResource> = {},
  ): KafkaConnectResource => ({
    kind: 'KafkaConnect',
    metadata: {
      name: 'orders-connect',
      annotations: { 'strimzi.io/use-connector-resources': 'true' },
    },
    spec: { replicas: 2 },
    status: { conditions: [{ type: 'Ready', status: 'True' }], replicas: 2 },
    ...overrides,
  });
  const healthy = connector(['RUNNING']);

  it.each([
    [
      'NotReady',
      connect({
        status: {
          conditions: [
            {
              type: 'NotReady',
              status: 'True',
              reason: 'TimeoutException',
              message: 'Exceeded timeout of 300000ms while waiting for Pods',
            },
          ],
        },
      }),
      'unknown',
      'Connect cluster orders-connect is not ready (TimeoutException: Exceeded timeout of 300000ms while waiting for Pods)',
    ],
    [
      'ReconciliationPaused',
      connect({
        status: {
          conditions: [{ type: 'ReconciliationPaused', status: 'True' }],
        },
      }),
      'unknown',
      'reconciliation paused',
    ],
    [
      'at 0 replicas',
      connect({ spec: { replicas: 0 } }),
      'stopped',
      '0 replicas',
    ],
    ['missing', null, 'unknown', 'does not exist'],
    [
      'without use-connector-resources',
      connect({ metadata: { name: 'orders-connect' } }),
      'unknown',
      'lacks the annotation strimzi.io/use-connector-resources',
    ],
  ])(
    'a healthy-looking connector on a Connect cluster %s is %s',
    (_, cluster, health, reason) => {
      const assessment = deriveConnectorHealth(healthy, {
        ...soon,
        connectCluster: cluster,
      });
      expect(assessment.health).toBe(health);
      expect(assessment.reason).toContain(reason);
      expect(assessment.connectClusterProblem).toContain(reason);
    },
  );

  it('keeps a failure, adding the Connect cluster reason, and leaves a fine cluster out', () => {
    const failed = deriveConnectorHealth(connector(['FAILED']), {
      ...soon,
      connectCluster: connect({ spec: { replicas: 0 } }),
    });
    expect(failed.health).toBe('failed');
    expect(failed.reason).toMatch(
      /^All 1 tasks failed.*; Connect cluster orders-connect has 0 replicas/,
    );
    expect(
      deriveConnectorHealth(healthy, { ...soon, connectCluster: connect() }),
    ).toMatchObject({ health: 'healthy' });
  });
});

describe('rule: states that never end age', () => {
  const settle = { settleTimeMs: 15 * 60_000 };

  it('unassigned tasks: pending, then degraded after the settle time since lastTransitionTime', () => {
    const stuck = connector(['RUNNING', 'UNASSIGNED']);
    expect(
      deriveConnectorHealth(stuck, { now: at(14), ...settle }),
    ).toMatchObject({
      health: 'pending',
      reviewAt: '2026-03-01T10:15:00.123Z',
    });
    expect(
      deriveConnectorHealth(stuck, { now: at(15), ...settle }),
    ).toMatchObject({
      health: 'degraded',
      reason: expect.stringContaining(
        'still unassigned (for more than 15 minutes, since 2026-03-01T10:00:00.123Z)',
      ),
    });
  });

  it('an unobserved generation: pending, then unknown after the settle time since the last spec change', () => {
    const behind = connector(['RUNNING'], {
      generation: 3,
      observedGeneration: 2,
    });
    behind.metadata!.managedFields = [
      { manager: 'kubectl', operation: 'Update', time: '2026-03-01T10:05:00Z' },
      {
        manager: 'strimzi',
        operation: 'Update',
        subresource: 'status',
        time: '2026-03-01T11:00:00Z',
      },
    ];
    expect(
      deriveConnectorHealth(behind, { now: at(19), ...settle }).health,
    ).toBe('pending');
    expect(
      deriveConnectorHealth(behind, { now: at(20), ...settle }),
    ).toMatchObject({
      health: 'unknown',
      reason: expect.stringContaining('has not applied the latest change'),
    });
  });

  it('no status: pending, then unknown after the settle time since creation', () => {
    const created: KafkaConnectorResource = {
      metadata: { name: 'x', creationTimestamp: T0, generation: 1 },
      spec: {},
    };
    expect(
      deriveConnectorHealth(created, { now: at(5), ...settle }).health,
    ).toBe('pending');
    expect(
      deriveConnectorHealth(created, { now: at(16), ...settle }),
    ).toMatchObject({
      health: 'unknown',
      reason: expect.stringContaining(
        'is it running and watching this namespace?',
      ),
    });
  });
});

describe('rule: NotReady without a Connect body is told apart by reason', () => {
  const notReady = (reason: string, message: string, generation = 1) =>
    deriveConnectorHealth(
      {
        metadata: { name: 'c', generation },
        spec: {},
        status: {
          observedGeneration: generation,
          conditions: [{ type: 'NotReady', status: 'True', reason, message }],
        },
      },
      soon,
    );

  it.each([
    [
      'a refused config of a new connector',
      notReady(
        'ConnectRestException',
        'PUT /connectors/c/config returned 400 (Bad Request): Connector configuration is invalid',
      ),
      'failed',
      'Connect refused the config: PUT',
    ],
    [
      'a refused config update',
      notReady(
        'ConnectRestException',
        'PUT /connectors/c/config returned 400 (Bad Request): invalid',
        4,
      ),
      'degraded',
      'still runs the previous one',
    ],
    [
      'a failed status read',
      notReady(
        'ConnectRestException',
        'GET /connectors/c/status returned 500 (500): Internal Server Error',
      ),
      'unknown',
      "Connect's REST API failed to answer",
    ],
    [
      'an unreachable Connect',
      notReady(
        'ConnectRestException',
        'java.net.ConnectException: Connection refused',
      ),
      'unknown',
      'could not be reached',
    ],
    [
      'a missing Connect cluster',
      notReady(
        'NoSuchResourceException',
        "KafkaConnect resource 'c' identified by label 'strimzi.io/cluster' does not exist in namespace n.",
      ),
      'unknown',
      'correct the strimzi.io/cluster label',
    ],
    [
      'a Connect cluster at 0 replicas',
      notReady(
        'RuntimeException',
        "Kafka Connect cluster 'c' in namespace n has 0 replicas.",
      ),
      'stopped',
      'has 0 replicas',
    ],
  ])('%s', (_, assessment, health, reason) => {
    expect(assessment.health).toBe(health);
    expect(assessment.reason).toContain(reason);
  });
});

describe('rule: the reason shows the root cause', () => {
  it('takes the last Caused by of a trace, else its first line', () => {
    expect(
      rootCause(
        'a.A: outer\n\tat x\nCaused by: b.B: middle\nCaused by: c.C: bottom\n\tat y',
      ),
    ).toBe('c.C: bottom');
    expect(rootCause('\n a.A: only\n\tat x')).toBe('a.A: only');
    expect(rootCause(undefined)).toBe('');
    expect(
      deriveConnectorHealth(connector(['RUNNING', 'FAILED']), soon).reason,
    ).toMatch(
      /^1 of 2 tasks failed: java\.sql\.SQLException: password authentication failed/,
    );
  });
});
