import { isKafkaConnectAvailable } from './filter';

const entity = (kind: string, annotations: Record<string, string> = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
});

describe('isKafkaConnectAvailable', () => {
  it.each([
    ['backstage.io/kubernetes-id'],
    ['backstage.io/kubernetes-label-selector'],
    ['kafka-connect.dev/connector'],
    ['kafka-connect.dev/connect-cluster'],
    ['kafka-connect.dev/mirrormaker2'],
  ])('is available on a component with %s', annotation => {
    expect(
      isKafkaConnectAvailable(entity('Component', { [annotation]: 'v' })),
    ).toBe(true);
  });

  it('is available on groups, users and systems, not on unlinked components', () => {
    expect(isKafkaConnectAvailable(entity('Group'))).toBe(true);
    expect(isKafkaConnectAvailable(entity('User'))).toBe(true);
    expect(isKafkaConnectAvailable(entity('System'))).toBe(true);
    expect(isKafkaConnectAvailable(entity('Component'))).toBe(false);
    expect(
      isKafkaConnectAvailable(
        entity('API', { 'backstage.io/techdocs-ref': 'dir:.' }),
      ),
    ).toBe(false);
  });
});
