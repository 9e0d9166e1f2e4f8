import { isOwnedBy } from './isOwnedBy';

describe('isOwnedBy', () => {
  const guest = ['user:default/guest', 'group:default/team-orders'];

  it('is true when the owner is one of the ownership refs', () => {
    expect(isOwnedBy('group:default/team-orders', guest)).toBe(true);
    expect(isOwnedBy('user:default/guest', guest)).toBe(true);
  });

  it('compares full, case-insensitive refs and reads bare names as groups', () => {
    expect(isOwnedBy('team-orders', guest)).toBe(true);
    expect(isOwnedBy('Group:default/Team-Orders', guest)).toBe(true);
    expect(isOwnedBy('group:other/team-orders', guest)).toBe(false);
  });

  it('is false for other owners, no owner and invalid owners', () => {
    expect(isOwnedBy('group:default/team-analytics', guest)).toBe(false);
    expect(isOwnedBy(undefined, guest)).toBe(false);
    expect(isOwnedBy('', guest)).toBe(false);
    expect(
      isOwnedBy('component:default/orders', ['component:default/orders']),
    ).toBe(false);
    expect(isOwnedBy('group:default/team-orders', [])).toBe(false);
  });
});
