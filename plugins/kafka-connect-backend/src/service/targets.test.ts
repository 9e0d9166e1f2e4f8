import { targetResourceOf } from './targets';

const annotations: Record<string, Record<string, string>> = {
  'eu-1/orders': { 'kafka-connect.dev/owner': 'team-orders' },
  'eu-1/shared': { 'other.io/x': 'y' },
  'eu-1/broken': { 'kafka-connect.dev/owner': 'not a ref!' },
};
const cache = {
  namespaceAnnotations: (cluster: string, namespace: string) =>
    annotations[`${cluster}/${namespace}`],
};

describe('targetResourceOf', () => {
  it("adds the Namespace's owner as a full ref", () => {
    expect(
      targetResourceOf('eu-1/orders/group:default/team-analytics', cache),
    ).toEqual({
      cluster: 'eu-1',
      namespace: 'orders',
      owner: 'group:default/team-analytics',
      namespaceOwner: 'group:default/team-orders',
    });
  });

  it('leaves namespaces without owner (or unknown) open', () => {
    expect(
      targetResourceOf('eu-1/shared/team-a', cache)?.namespaceOwner,
    ).toBeUndefined();
    expect(
      targetResourceOf('us-1/anything/team-a', cache)?.namespaceOwner,
    ).toBeUndefined();
  });

  it('keeps an unusable owner annotation so that it matches nobody', () => {
    expect(targetResourceOf('eu-1/broken/team-a', cache)?.namespaceOwner).toBe(
      'not a ref!',
    );
  });

  it('resolves a malformed ref to no resource', () => {
    expect(targetResourceOf('eu-1/orders', cache)).toBeUndefined();
  });
});
