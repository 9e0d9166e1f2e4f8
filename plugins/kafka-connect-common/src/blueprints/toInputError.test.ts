import { InputError } from '@backstage/errors';
import { toInputError } from './toInputError';

describe('toInputError', () => {
  it('escapes every line-breaking character, those JSON leaves raw included', () => {
    const error = toInputError([
      {
        field: 'state',
        message: 'a\nb\rc\u0085d\u2028e\u2029f\u007fg\u0000h',
      },
    ]);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'Invalid connector request: state a\\nb\\rc\\u0085d\\u2028e\\u2029f\\u007fg\\u0000h',
    );
    expect(error.message).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
  });

  it('caps a flood of errors at 4,000 characters', () => {
    const error = toInputError([{ field: 'x', message: 'y'.repeat(10_000) }]);
    expect(error.message).toHaveLength(4001);
    expect(error.message.endsWith('…')).toBe(true);
  });
});
