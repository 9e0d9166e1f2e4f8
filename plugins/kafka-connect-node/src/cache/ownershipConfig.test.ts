import { ConfigReader } from '@backstage/config';
import { readOwnershipConfig } from './ownershipConfig';

describe('readOwnershipConfig', () => {
  it('reads the owner keys of kafkaConnect.catalog', () => {
    expect(
      readOwnershipConfig(
        new ConfigReader({
          kafkaConnect: {
            catalog: {
              defaultOwner: 'group:default/platform',
              namespaceOwners: { orders: 'group:default/team-orders' },
              namespaceSystems: { orders: 'system:default/orders' },
              schedule: { frequency: { minutes: 5 } },
            },
          },
        }),
      ),
    ).toEqual({
      defaultOwner: 'group:default/platform',
      namespaceOwners: { orders: 'group:default/team-orders' },
      namespaceSystems: { orders: 'system:default/orders' },
    });
  });

  it('names the key of an owner that is not a string', () => {
    expect(() =>
      readOwnershipConfig(
        new ConfigReader({
          kafkaConnect: { catalog: { namespaceOwners: { orders: 42 } } },
        }),
      ),
    ).toThrow(/kafkaConnect\.catalog\.namespaceOwners\.orders/);
  });
});
