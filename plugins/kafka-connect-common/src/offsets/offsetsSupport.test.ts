import { offsetsSupport } from './offsetsSupport';

describe('offsetsSupport', () => {
  it.each([
    ['0.44.0', true],
    ['0.45.1', true],
    ['0.51.0', true],
    ['1.2.0', true],
    [' 0.48 ', true],
  ])('supports offsets on Strimzi %s', (strimziVersion, supported) => {
    expect(offsetsSupport({ strimziVersion })).toEqual({ supported });
  });

  it.each(['0.43.0', '0.38.0', '0.22'])(
    'refuses Strimzi %s, naming the version that added offsets',
    strimziVersion => {
      const support = offsetsSupport({ strimziVersion });
      expect(support.supported).toBe(false);
      expect(support).toHaveProperty(
        'reason',
        expect.stringContaining(
          `Strimzi ${strimziVersion.trim()} cannot list, alter or reset connector offsets`,
        ),
      );
      expect(support).toHaveProperty(
        'reason',
        expect.stringContaining('came with Strimzi 0.44'),
      );
    },
  );

  it('leaves an unknown version to the API server, whose CRD decides', () => {
    expect(offsetsSupport({})).toEqual({ supported: true });
    expect(offsetsSupport({ strimziVersion: 'latest' })).toEqual({
      supported: true,
    });
  });
});
