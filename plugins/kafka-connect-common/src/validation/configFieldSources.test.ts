import { configFieldSources } from './configFieldSources';
import { FILE_SOURCE_BLUEPRINT } from './__fixtures__/fileSourceBlueprint';

describe('configFieldSources', () => {
  const sourceOf = configFieldSources(FILE_SOURCE_BLUEPRINT, {
    'poll.interval.ms': '100',
  });

  it.each([
    ['topic', 'request', ['parameters.topic']],
    ['file', 'request', ['parameters.feed']],
    ['batch.size', 'request', ['parameters.batchSize']],
    // {{name}} stands for the naming rule's parameters
    [
      'producer.override.client.id',
      'request',
      ['namespace', 'parameters.feed'],
    ],
    ['name', 'request', ['parameters.feed']],
    ['sasl.jaas.config', 'request', ['namespace']],
    ['tasks.max', 'request', ['tasksMax']],
    ['topic.creation.default.partitions', 'blueprint', []],
    ['errors.tolerance', 'blueprint', []],
    ['connector.class', 'blueprint', []],
    ['poll.interval.ms', 'override', ['configOverrides.poll.interval.ms']],
    ['key.converter', 'absent', []],
  ])('traces %s to %s %j', (key, origin, fields) => {
    expect(sourceOf(key)).toEqual({ origin, fields });
  });

  it('lets an override win over the blueprint key it replaces', () => {
    expect(
      configFieldSources(FILE_SOURCE_BLUEPRINT, { topic: 'x' })('topic'),
    ).toEqual({ origin: 'override', fields: ['configOverrides.topic'] });
  });

  it('maps the cluster and Connect cluster placeholders to their request fields', () => {
    const sources = configFieldSources({
      ...FILE_SOURCE_BLUEPRINT,
      config: {
        'group.id': '{{cluster}}-{{connectCluster}}-{{topic}}-{{topic}}',
      },
    });
    expect(sources('group.id').fields).toEqual([
      'cluster',
      'connectCluster',
      'parameters.topic',
    ]);
  });

  it('names every key itself without a blueprint, except tasks.max and overrides', () => {
    const sources = configFieldSources(undefined, { a: 'b' });
    expect(sources('topic')).toEqual({ origin: 'manifest', fields: [] });
    expect(sources('tasks.max').fields).toEqual(['tasksMax']);
    expect(sources('a').fields).toEqual(['configOverrides.a']);
  });

  it('does not take inherited object keys for overrides', () => {
    expect(configFieldSources(undefined, {})('toString').origin).toBe(
      'manifest',
    );
  });
});
