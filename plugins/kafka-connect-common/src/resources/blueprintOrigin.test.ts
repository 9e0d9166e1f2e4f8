import { blueprintOrigin } from './blueprintOrigin';

const withAnnotations = (annotations: Record<string, string>) => ({
  metadata: { annotations },
});

describe('blueprintOrigin', () => {
  it('reads the blueprint id and its parameters', () => {
    expect(
      blueprintOrigin(
        withAnnotations({
          'kafka-connect.dev/blueprint': 'debezium-mysql-source',
          'kafka-connect.dev/blueprint-parameters':
            '{"instance":"orders","serverId":184054,"snapshot":true}',
        }),
      ),
    ).toEqual({
      id: 'debezium-mysql-source',
      parameters: { instance: 'orders', serverId: 184054, snapshot: true },
    });
  });

  it('keeps the id when the parameters are missing or unreadable', () => {
    for (const parameters of [undefined, '{nope', '[1,2]', 'null', '"x"']) {
      const annotations: Record<string, string> = {
        'kafka-connect.dev/blueprint': 'http-sink',
      };
      if (parameters !== undefined) {
        annotations['kafka-connect.dev/blueprint-parameters'] = parameters;
      }
      expect(blueprintOrigin(withAnnotations(annotations))).toEqual({
        id: 'http-sink',
      });
    }
  });

  it('drops parameter values that are not scalars', () => {
    expect(
      blueprintOrigin(
        withAnnotations({
          'kafka-connect.dev/blueprint': 'http-sink',
          'kafka-connect.dev/blueprint-parameters':
            '{"service":"billing","nested":{"a":1},"list":[1]}',
        }),
      )?.parameters,
    ).toEqual({ service: 'billing' });
  });

  it('is undefined for a resource made by hand', () => {
    expect(blueprintOrigin({ metadata: {} })).toBeUndefined();
    expect(blueprintOrigin(undefined)).toBeUndefined();
    expect(
      blueprintOrigin(withAnnotations({ 'kafka-connect.dev/blueprint': ' ' })),
    ).toBeUndefined();
  });
});
