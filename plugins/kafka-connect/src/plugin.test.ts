import plugin from './index';

describe('kafka-connect frontend plugin', () => {
  it('is the default export with the plugin id', () => {
    expect(plugin.pluginId).toBe('kafka-connect');
  });
});
