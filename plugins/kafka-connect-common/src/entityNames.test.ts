import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import fc from 'fast-check';
import type { StrimziResourceRef } from './api';
import {
  isResourceEntityRef,
  resourceEntityName,
  resourceEntityRef,
  StrimziEntityKind,
} from './entityNames';

const KINDS: StrimziEntityKind[] = [
  'KafkaConnector',
  'KafkaConnect',
  'KafkaMirrorMaker2',
];

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
    expect(
      resourceEntityName(
        { cluster: 'eu-1', namespace: 'o', name: 'mm2.v2' },
        'KafkaMirrorMaker2',
      ),
    ).toBe('kmm2.eu-1.o.mm2.v2');
  });

  it('distinguishes kinds of the same cluster, namespace and name', () => {
    const ref = { cluster: 'eu-1', namespace: 'o', name: 'c' };
    const names = KINDS.map(kind => resourceEntityName(ref, kind));
    expect(new Set(names).size).toBe(3);
  });

  it('shortens long names to 63 characters with a hash, keeping them distinct', () => {
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
    expect(a).toMatch(/^kctr\.eu-1\.orders\.x+_[a-z0-9]{14}$/);
    expect(a).not.toEqual(b);
  });

  it('hashes names whose parts are not plain Kubernetes names, so joins stay unambiguous', () => {
    // Without the hash both would read `kctr.a.b.c.d`.
    const dottedCluster = resourceEntityName(
      { cluster: 'a.b', namespace: 'c', name: 'd' },
      'KafkaConnector',
    );
    const dottedNamespace = resourceEntityName(
      { cluster: 'a', namespace: 'b.c', name: 'd' },
      'KafkaConnector',
    );
    expect(dottedCluster).not.toEqual(dottedNamespace);
    expect(dottedCluster).toMatch(/^kctr\.a\.b\.c\.d_[a-z0-9]{14}$/);

    const upper = resourceEntityName(
      { cluster: 'EU', namespace: 'o', name: 'c' },
      'KafkaConnector',
    );
    const lower = resourceEntityName(
      { cluster: 'eu', namespace: 'o', name: 'c' },
      'KafkaConnector',
    );
    expect(lower).toBe('kctr.eu.o.c');
    expect(upper).not.toEqual(lower);
    expect(KubernetesValidatorFunctions.isValidObjectName(upper)).toBe(true);
  });

  it('turns characters Backstage refuses into valid names', () => {
    const name = resourceEntityName(
      { cluster: 'eu 1', namespace: 'ö/ü', name: 'a:b-' },
      'KafkaConnector',
    );
    expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
    expect(name.startsWith('kctr.eu-1.-.a-b_')).toBe(true);
  });

  it('always yields a valid, stable, distinct Backstage entity name (property)', () => {
    // Mostly plain Kubernetes names, sometimes anything at all.
    const plain = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    const segment = fc.oneof(
      { weight: 4, arbitrary: plain },
      { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
    );
    const ref = fc.record({
      cluster: segment,
      namespace: segment,
      name: segment,
    });
    const kind = fc.constantFrom(...KINDS);
    const same = (a: StrimziResourceRef, b: StrimziResourceRef) =>
      a.cluster === b.cluster &&
      a.namespace === b.namespace &&
      a.name === b.name;
    fc.assert(
      fc.property(
        ref,
        kind,
        ref,
        kind,
        (first, firstKind, second, secondKind) => {
          const name = resourceEntityName(first, firstKind);
          expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(
            true,
          );
          expect(resourceEntityName({ ...first }, firstKind)).toBe(name);
          const identical = same(first, second) && firstKind === secondKind;
          expect(resourceEntityName(second, secondKind) === name).toBe(
            identical,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('does not collide when only the tail past the cut differs (property)', () => {
    const tail = fc.stringMatching(/^[a-z0-9]{1,20}$/);
    fc.assert(
      fc.property(tail, tail, (a, b) => {
        fc.pre(a !== b);
        const prefix = 'n'.repeat(60);
        const ref = { cluster: 'eu-1', namespace: 'orders' };
        expect(
          resourceEntityName({ ...ref, name: prefix + a }, 'KafkaConnector'),
        ).not.toBe(
          resourceEntityName({ ...ref, name: prefix + b }, 'KafkaConnector'),
        );
      }),
    );
  });
});

describe('isResourceEntityRef', () => {
  it('recognises the refs of connector, Connect cluster and MirrorMaker 2 entities', () => {
    const ref = { cluster: 'eu-1', namespace: 'orders', name: 'n'.repeat(70) };
    expect(isResourceEntityRef(resourceEntityRef(ref, 'KafkaConnector'))).toBe(
      true,
    );
    expect(isResourceEntityRef('resource:default/kc.eu-1.orders.main')).toBe(
      true,
    );
    expect(isResourceEntityRef('Resource:default/kmm2.us-1.r.m')).toBe(true);
    expect(isResourceEntityRef('resource:default/orders-db')).toBe(false);
    expect(isResourceEntityRef('resource:default/kafka.eu-1.x.y')).toBe(false);
    expect(isResourceEntityRef('component:default/kctr.eu-1.x.y')).toBe(false);
  });
});
