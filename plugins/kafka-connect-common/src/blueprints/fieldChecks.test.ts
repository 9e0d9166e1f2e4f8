import {
  checkName,
  checkOptionalRef,
  checkRef,
  printable,
} from './fieldChecks';

describe('checkName', () => {
  it.each(['a', 'orders-1', 'a'.repeat(63)])('accepts %s', name => {
    expect(checkName('namespace', name)).toEqual([]);
  });

  it.each([
    [undefined, /is required/],
    ['', /is required/],
    ['Orders', /not a valid Kubernetes name/],
    ['-orders', /not a valid Kubernetes name/],
    ['orders_1', /not a valid Kubernetes name/],
    ['a'.repeat(64), /at most 63/],
  ])('refuses %p, naming the field', (value, message) => {
    expect(checkName('namespace', value)).toEqual([
      { field: 'namespace', message: expect.stringMatching(message) },
    ]);
  });

  it('takes a shorter limit', () => {
    expect(checkName('name', 'abcdef', 5)).toEqual([
      {
        field: 'name',
        message: expect.stringMatching(/'abcdef' .*at most 5/),
      },
    ]);
  });
});

describe('checkRef', () => {
  it('returns the full ref and no errors', () => {
    expect(
      checkRef('owner', 'team-orders', 'group', ['group', 'user']),
    ).toEqual({ ref: 'group:default/team-orders', errors: [] });
  });

  it('returns the error with an example of the kind, and no ref', () => {
    expect(checkRef('owner', 'component:x', 'group', ['group'])).toEqual({
      errors: [
        {
          field: 'owner',
          message: expect.stringMatching(/group:default\/my-group$/),
        },
      ],
    });
  });

  it('lets an optional ref be left out or empty, but not be wrong', () => {
    expect(checkOptionalRef('system', undefined, 'system')).toEqual({
      errors: [],
    });
    expect(checkOptionalRef('system', '', 'system')).toEqual({ errors: [] });
    expect(checkOptionalRef('system', 'orders', 'system').ref).toBe(
      'system:default/orders',
    );
    expect(
      checkOptionalRef('system', 'group:orders', 'system').errors,
    ).toHaveLength(1);
  });
});

describe('printable', () => {
  it('escapes control characters and cuts long text at 80 characters', () => {
    expect(printable('a\nb')).toBe('a\\nb');
    expect(printable('x'.repeat(100))).toBe(`${'x'.repeat(80)}…`);
  });
});
