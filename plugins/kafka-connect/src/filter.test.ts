import { isKafkaConnectAvailable } from './filter';

const entity = (
  kind: string,
  annotations: Record<string, string> = {},
  relations: Array<{ type: string; targetRef: string }> = [],
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
  relations,
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

  it('is available on groups and users that own a connector, Connect cluster or MirrorMaker 2 entity', () => {
    for (const kind of ['Group', 'User']) {
      for (const target of [
        'resource:default/kctr.eu-1.orders.orders-cdc',
        'resource:default/kc.eu-1.orders.connect',
        'resource:default/kmm2.us-1.replication.mirror',
      ]) {
        expect(
          isKafkaConnectAvailable(
            entity(kind, {}, [{ type: 'ownerOf', targetRef: target }]),
          ),
        ).toBe(true);
      }
      expect(isKafkaConnectAvailable(entity(kind))).toBe(false);
      expect(
        isKafkaConnectAvailable(
          entity(kind, {}, [
            { type: 'ownerOf', targetRef: 'component:default/orders' },
            { type: 'ownerOf', targetRef: 'resource:default/orders-db' },
            {
              type: 'memberOf',
              targetRef: 'resource:default/kctr.eu-1.orders.orders-cdc',
            },
          ]),
        ),
      ).toBe(false);
    }
  });

  it('is available on systems with a connector as a part, not on others or unlinked components', () => {
    expect(
      isKafkaConnectAvailable(
        entity('System', {}, [
          {
            type: 'hasPart',
            targetRef: 'resource:default/kctr.eu-1.orders.orders-cdc',
          },
        ]),
      ),
    ).toBe(true);
    expect(
      isKafkaConnectAvailable(
        entity('System', {}, [
          {
            type: 'ownerOf',
            targetRef: 'resource:default/kctr.eu-1.orders.orders-cdc',
          },
        ]),
      ),
    ).toBe(false);
    expect(isKafkaConnectAvailable(entity('System'))).toBe(false);
    expect(isKafkaConnectAvailable(entity('Component'))).toBe(false);
    expect(
      isKafkaConnectAvailable(
        entity('API', { 'backstage.io/techdocs-ref': 'dir:.' }),
      ),
    ).toBe(false);
  });
});
