import { OWNER_ANNOTATION } from '../names';
import { resolveOwner } from './resolveOwner';

const own = (value: string) => ({ [OWNER_ANNOTATION]: value });

describe('resolveOwner', () => {
  const all = {
    resourceAnnotations: own('team-orders'),
    namespace: 'orders',
    namespaceAnnotations: own('group:default/team-ns'),
    namespaceOwners: { orders: 'team-config', other: 'team-other' },
    defaultOwner: 'platform-team',
  };

  it('prefers the resource annotation', () => {
    expect(resolveOwner(all)).toEqual({
      owner: 'group:default/team-orders',
      source: 'resource',
      warnings: [],
    });
  });

  it('falls back to the namespace annotation', () => {
    expect(resolveOwner({ ...all, resourceAnnotations: {} })).toEqual({
      owner: 'group:default/team-ns',
      source: 'namespace',
      warnings: [],
    });
  });

  it('falls back to the namespace map in config, for this namespace only', () => {
    expect(
      resolveOwner({
        ...all,
        resourceAnnotations: undefined,
        namespaceAnnotations: undefined,
      }),
    ).toEqual({
      owner: 'group:default/team-config',
      source: 'config',
      warnings: [],
    });
    expect(
      resolveOwner({
        ...all,
        namespace: 'payments',
        resourceAnnotations: undefined,
        namespaceAnnotations: undefined,
      }),
    ).toMatchObject({
      owner: 'group:default/platform-team',
      source: 'default',
    });
  });

  it('does not read inherited object properties as namespace owners', () => {
    expect(
      resolveOwner({ namespace: 'constructor', namespaceOwners: {} }),
    ).toEqual({ source: 'none', warnings: [] });
  });

  it('falls back to the default owner, then to none', () => {
    expect(resolveOwner({ defaultOwner: 'user:guest' })).toEqual({
      owner: 'user:default/guest',
      source: 'default',
      warnings: [],
    });
    expect(resolveOwner({})).toEqual({ source: 'none', warnings: [] });
  });

  it('skips an unusable owner with a warning naming where it was set', () => {
    const result = resolveOwner({
      ...all,
      resourceAnnotations: own('component:default/orders-service'),
      namespaceAnnotations: own('not a ref'),
    });
    expect(result.owner).toBe('group:default/team-config');
    expect(result.source).toBe('config');
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toContain(
      `annotation ${OWNER_ANNOTATION} of the resource`,
    );
    expect(result.warnings[0]).toContain('expected group or user');
    expect(result.warnings[1]).toContain('of namespace orders');
  });

  it('names the config key of an unusable configured owner', () => {
    const result = resolveOwner({
      namespace: 'orders',
      namespaceOwners: { orders: 'system:orders' },
      defaultOwner: '',
    });
    expect(result).toMatchObject({ source: 'none' });
    expect(result.warnings[0]).toContain(
      'kafkaConnect.catalog.namespaceOwners.orders',
    );
    expect(result.warnings[1]).toContain('kafkaConnect.catalog.defaultOwner');
  });
});
