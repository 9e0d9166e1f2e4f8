import { formatConnectorTargetRef, parseConnectorTargetRef } from './targetRef';

describe('connector target refs', () => {
  it('round-trips an owner ref that holds a slash', () => {
    const target = {
      cluster: 'eu-1',
      namespace: 'orders',
      owner: 'group:default/team-orders',
    };
    const ref = formatConnectorTargetRef(target);
    expect(ref).toBe('eu-1/orders/group:default/team-orders');
    expect(parseConnectorTargetRef(ref)).toEqual(target);
  });

  it('keeps a bare owner name', () => {
    expect(parseConnectorTargetRef('eu-1/orders/team-orders')).toEqual({
      cluster: 'eu-1',
      namespace: 'orders',
      owner: 'team-orders',
    });
  });

  it.each([
    undefined,
    '',
    'eu-1',
    'eu-1/orders',
    'eu-1/orders/',
    '/orders/team-a',
    'eu-1//team-a',
  ])('rejects %p', value => {
    expect(parseConnectorTargetRef(value)).toBeUndefined();
  });
});
