import { profileBehaviour } from './profiles';
import { reconcileKafkaConnector, Resource } from './reconcile';

const NOW = '2026-11-22T10:00:00.000Z';

const connect: Resource = {
  kind: 'KafkaConnect',
  metadata: {
    name: 'my-connect',
    namespace: 'kafka',
    annotations: { 'strimzi.io/use-connector-resources': 'true' },
  },
  spec: { replicas: 1 },
};

const pausedWithOffsetsRequest: Resource = {
  kind: 'KafkaConnector',
  metadata: {
    name: 'feed',
    namespace: 'kafka',
    generation: 2,
    labels: { 'strimzi.io/cluster': 'my-connect' },
    annotations: { 'strimzi.io/connector-offsets': 'list' },
  },
  spec: {
    class: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    tasksMax: 1,
    pause: true,
  },
};

const reconcileAs = (profile: '0.37' | '0.45') =>
  reconcileKafkaConnector(pausedWithOffsetsRequest, {
    connect,
    now: NOW,
    behaviour: profileBehaviour(profile),
  });

describe('Strimzi profiles in the simulated reconcile', () => {
  it('as 0.37 (before spec.state and offsets) pauses with spec.pause without a Warning and leaves the offsets annotation alone', () => {
    const result = reconcileAs('0.37');
    expect(result.annotations).toBeUndefined();
    expect(result.status?.conditions).toEqual([
      expect.objectContaining({ type: 'Ready' }),
    ]);
    expect(result.status?.connectorStatus.connector.state).toBe('PAUSED');
  });

  it('as 0.45 warns that spec.pause is deprecated and answers the offsets request', () => {
    const result = reconcileAs('0.45');
    expect(
      result.status?.conditions.map(
        (c: { type: string; reason?: string }) => c.reason ?? c.type,
      ),
    ).toEqual(['DeprecatedFields', 'ListOffsets', 'Ready']);
    expect(result.status?.connectorStatus.connector.state).toBe('PAUSED');
  });
});
