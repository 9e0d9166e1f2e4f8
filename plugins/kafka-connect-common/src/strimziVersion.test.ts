import { configuredStrimziAtLeast } from './strimziVersion';

describe('configuredStrimziAtLeast', () => {
  it.each([
    ['0.37.0', '0.38', false],
    ['0.38.0', '0.38', true],
    [' 0.44 ', '0.44', true],
    ['0.43.1', '0.44', false],
    ['1.2.0', '0.48', true],
    ['0.9.0', '0.38', false],
  ])('%s against %s: %s', (version, minimum, expected) => {
    expect(configuredStrimziAtLeast(version, minimum)).toBe(expected);
  });

  it('says nothing without a version it can read', () => {
    expect(configuredStrimziAtLeast(undefined, '0.38')).toBeUndefined();
    expect(configuredStrimziAtLeast('latest', '0.38')).toBeUndefined();
    expect(configuredStrimziAtLeast('', '0.38')).toBeUndefined();
  });
});
