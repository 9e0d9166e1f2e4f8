import { connectConfigOf } from './connectConfigOf';

describe('connectConfigOf', () => {
  it('sends the config as strings with class, tasks.max and name, as Strimzi does', () => {
    expect(
      connectConfigOf({
        metadata: { name: 'file-orders' },
        spec: {
          class: 'FileStreamSource',
          tasksMax: 2,
          config: {
            topic: 'orders',
            'batch.size': 10,
            'x.enable': false,
            gone: null,
          },
        },
      }),
    ).toEqual({
      topic: 'orders',
      'batch.size': '10',
      'x.enable': 'false',
      'connector.class': 'FileStreamSource',
      'tasks.max': '2',
      name: 'file-orders',
    });
  });

  it('keeps the metadata name over a name in the config', () => {
    expect(
      connectConfigOf({
        metadata: { name: 'a' },
        spec: { config: { name: 'b' } },
      }).name,
    ).toBe('a');
  });
});
