import { renderValuesEntry } from './renderValuesEntry';

describe('renderValuesEntry', () => {
  const values = { config: { a: '1' }, tasksMax: 3, name: 'orders-v1' };
  const placeholders = { name: 'orders-v1', table: 'orders' };

  it('gives a whole placeholder the rendered value itself, keeping its type', () => {
    expect(
      renderValuesEntry(
        { settings: '{{config}}', tasks: '{{ tasksMax }}', list: ['{{name}}'] },
        values,
        placeholders,
      ),
    ).toEqual({ settings: { a: '1' }, tasks: 3, list: ['orders-v1'] });
  });

  it('fills other strings as text and leaves other scalars alone', () => {
    expect(
      renderValuesEntry(
        { id: '{{name}}-{{table}}', table: '{{table}}', enabled: true, n: 2 },
        values,
        placeholders,
      ),
    ).toEqual({
      id: 'orders-v1-orders',
      table: 'orders',
      enabled: true,
      n: 2,
    });
  });
});
