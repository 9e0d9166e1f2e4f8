import { SYSTEM_ANNOTATION } from '../names';
import { systemOf } from './systemOf';

describe('systemOf', () => {
  it('reads the resource, then the namespace, then the config map', () => {
    const input = {
      resourceAnnotations: { [SYSTEM_ANNOTATION]: 'orders' },
      namespace: 'ns',
      namespaceAnnotations: { [SYSTEM_ANNOTATION]: 'system:default/ns-system' },
      namespaceSystems: { ns: 'config-system' },
    };
    expect(systemOf(input)).toEqual({
      system: 'system:default/orders',
      warnings: [],
    });
    expect(systemOf({ ...input, resourceAnnotations: {} }).system).toBe(
      'system:default/ns-system',
    );
    expect(
      systemOf({ ...input, resourceAnnotations: {}, namespaceAnnotations: {} })
        .system,
    ).toBe('system:default/config-system');
    expect(systemOf({ namespace: 'ns' })).toEqual({ warnings: [] });
  });

  it('skips a ref of another kind with a warning', () => {
    const result = systemOf({
      resourceAnnotations: { [SYSTEM_ANNOTATION]: 'group:team-orders' },
    });
    expect(result.system).toBeUndefined();
    expect(result.warnings[0]).toMatch(
      /annotation kafka-connect.dev\/system of the resource.*expected system/,
    );
  });
});
