import { normalizeEntityRef } from './normalizeEntityRef';

const owners = { defaultKind: 'group', allowedKinds: ['group', 'user'] };

describe('normalizeEntityRef', () => {
  it.each([
    ['team-orders', 'group:default/team-orders'],
    ['  team-orders ', 'group:default/team-orders'],
    ['group:team-orders', 'group:default/team-orders'],
    ['Group:Default/Team-Orders', 'group:default/team-orders'],
    ['user:default/guest', 'user:default/guest'],
    ['user:guest', 'user:default/guest'],
    ['group:platform/team_a.b', 'group:platform/team_a.b'],
  ])('%j → %s', (value, ref) => {
    expect(normalizeEntityRef(value, owners)).toEqual({ ref });
  });

  it.each([
    [undefined, /empty/],
    ['', /empty/],
    ['   ', /empty/],
    [42, /empty/],
    [
      'component:default/orders-service',
      /names a component, expected group or user/,
    ],
    ['group:default/', /not an entity ref/],
    ['group:default/team orders', /invalid name 'team orders'/],
    ['group:Bad_Namespace/x', /invalid namespace 'Bad_Namespace'/],
    [`group:default/${'x'.repeat(64)}`, /invalid name/],
    ['a:b:c/d', /invalid namespace 'b:c'/],
  ])('refuses %j', (value, message) => {
    const result = normalizeEntityRef(value, owners);
    expect(result.ref).toBeUndefined();
    expect(result.error).toMatch(message);
  });

  it('applies the default kind given, and only the kinds allowed', () => {
    const systems = { defaultKind: 'system', allowedKinds: ['system'] };
    expect(normalizeEntityRef('orders', systems)).toEqual({
      ref: 'system:default/orders',
    });
    expect(normalizeEntityRef('group:orders', systems).error).toMatch(
      /expected system/,
    );
  });
});
