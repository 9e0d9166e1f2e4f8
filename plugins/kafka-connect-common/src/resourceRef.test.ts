import { formatResourceRef, parseResourceRef } from './resourceRef';

describe('resource refs', () => {
  it('round-trips cluster, namespace and name', () => {
    const ref = { cluster: 'eu-1', namespace: 'kafka', name: 'orders-cdc' };
    expect(formatResourceRef(ref)).toBe('eu-1/kafka/orders-cdc');
    expect(parseResourceRef(formatResourceRef(ref))).toEqual(ref);
  });

  it('trims surrounding whitespace', () => {
    expect(parseResourceRef(' eu-1/kafka/x ')).toEqual({
      cluster: 'eu-1',
      namespace: 'kafka',
      name: 'x',
    });
  });

  it.each([undefined, '', 'a/b', 'a/b/c/d', 'a//c', '/b/c', 'a/b/'])(
    'rejects %p',
    value => {
      expect(parseResourceRef(value)).toBeUndefined();
    },
  );
});
