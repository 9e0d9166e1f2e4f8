import { connectClusterOf } from './connectClusterOf';

describe('connectClusterOf', () => {
  it('reads a connector’s strimzi.io/cluster label', () => {
    expect(
      connectClusterOf({
        kind: 'KafkaConnector',
        metadata: {
          name: 'c',
          labels: { 'strimzi.io/cluster': 'orders-connect' },
        },
      }),
    ).toBe('orders-connect');
  });

  it('treats a resource without kind as a connector', () => {
    expect(
      connectClusterOf({
        metadata: { name: 'c', labels: { 'strimzi.io/cluster': ' x ' } },
      }),
    ).toBe('x');
  });

  it('is undefined for a connector without the label', () => {
    expect(
      connectClusterOf({ kind: 'KafkaConnector', metadata: { name: 'c' } }),
    ).toBeUndefined();
    expect(
      connectClusterOf({
        kind: 'KafkaConnector',
        metadata: { name: 'c', labels: { 'strimzi.io/cluster': '' } },
      }),
    ).toBeUndefined();
    expect(connectClusterOf(undefined)).toBeUndefined();
  });

  it('names a KafkaConnect or KafkaMirrorMaker2 after itself, whatever its labels', () => {
    const labels = { 'strimzi.io/cluster': 'other' };
    expect(
      connectClusterOf({
        kind: 'KafkaConnect',
        metadata: { name: 'kc', labels },
      }),
    ).toBe('kc');
    expect(
      connectClusterOf(
        { metadata: { name: 'mm2', labels } },
        'KafkaMirrorMaker2',
      ),
    ).toBe('mm2');
  });
});
