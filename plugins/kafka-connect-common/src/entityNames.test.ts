import fc from 'fast-check';
import { resourceEntityName, resourceEntityRef } from './entityNames';

describe('resourceEntityName', () => {
  it('joins kind, cluster, namespace and name with dots', () => {
    expect(
      resourceEntityName(
        { cluster: 'eu-1', namespace: 'orders', name: 'orders-cdc' },
        'KafkaConnector',
      ),
    ).toBe('kctr.eu-1.orders.orders-cdc');
    expect(
      resourceEntityRef(
        { cluster: 'eu-1', namespace: 'o', name: 'c' },
        'KafkaConnect',
      ),
    ).toBe('resource:default/kc.eu-1.o.c');
  });

  it('shortens long names with a hash, keeping them distinct', () => {
    const long = 'x'.repeat(60);
    const a = resourceEntityName(
      { cluster: 'eu-1', namespace: 'orders', name: `${long}a` },
      'KafkaConnector',
    );
    const b = resourceEntityName(
      { cluster: 'eu-1', namespace: 'orders', name: `${long}b` },
      'KafkaConnector',
    );
    expect(a).toHaveLength(63);
    expect(a).not.toEqual(b);
  });

  it('always yields a valid, stable, distinct Backstage entity name', () => {
    const segment = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    const ref = fc.record({
      cluster: segment,
      namespace: segment,
      name: segment,
    });
    fc.assert(
      fc.property(ref, ref, (first, second) => {
        const name = resourceEntityName(first, 'KafkaConnector');
        expect(name).toMatch(/^[a-z0-9A-Z]([-_.a-z0-9A-Z]{0,61}[a-z0-9A-Z])?$/);
        expect(resourceEntityName({ ...first }, 'KafkaConnector')).toBe(name);
        const same =
          first.cluster === second.cluster &&
          first.namespace === second.namespace &&
          first.name === second.name;
        const collides =
          !same &&
          name.length < 63 &&
          resourceEntityName(second, 'KafkaConnector') === name;
        expect(collides).toBe(false);
      }),
    );
  });
});
