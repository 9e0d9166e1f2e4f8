import { kafkaConnectCreatePermission } from '@kcs/plugin-kafka-connect-common';
import {
  createKafkaConnectorTargetConditionalDecision,
  isKafkaConnectorTargetNamespaceOpenToUser,
  isKafkaConnectorTargetOwnerOfUser,
  kafkaConnectorTargetConditions,
} from './targetRules';

const target = {
  cluster: 'eu-1',
  namespace: 'orders',
  owner: 'group:default/team-orders',
};
const ORDERS_MEMBER = ['user:default/guest', 'group:default/team-orders'];
const ANALYST = ['user:default/ann', 'group:default/team-analytics'];

describe('isKafkaConnectorTargetOwnerOfUser', () => {
  it('allows an owner among the caller refs, bare names meaning groups', () => {
    expect(
      isKafkaConnectorTargetOwnerOfUser.apply(target, {
        claims: ORDERS_MEMBER,
      }),
    ).toBe(true);
    expect(
      isKafkaConnectorTargetOwnerOfUser.apply(
        { ...target, owner: 'Team-Orders' },
        { claims: ORDERS_MEMBER },
      ),
    ).toBe(true);
    expect(
      isKafkaConnectorTargetOwnerOfUser.apply(
        { ...target, owner: 'user:default/guest' },
        { claims: ORDERS_MEMBER },
      ),
    ).toBe(true);
  });

  it("refuses another team's owner and an owner that is no ref", () => {
    expect(
      isKafkaConnectorTargetOwnerOfUser.apply(target, { claims: ANALYST }),
    ).toBe(false);
    expect(
      isKafkaConnectorTargetOwnerOfUser.apply(
        { ...target, owner: 'component:default/x' },
        { claims: ['component:default/x'] },
      ),
    ).toBe(false);
  });
});

describe('isKafkaConnectorTargetNamespaceOpenToUser', () => {
  it('allows a namespace without owner to anyone', () => {
    expect(
      isKafkaConnectorTargetNamespaceOpenToUser.apply(target, {
        claims: ANALYST,
      }),
    ).toBe(true);
  });

  it("allows an owned namespace only to its owner's members", () => {
    const owned = { ...target, namespaceOwner: 'group:default/team-orders' };
    expect(
      isKafkaConnectorTargetNamespaceOpenToUser.apply(owned, {
        claims: ORDERS_MEMBER,
      }),
    ).toBe(true);
    expect(
      isKafkaConnectorTargetNamespaceOpenToUser.apply(owned, {
        claims: ANALYST,
      }),
    ).toBe(false);
  });
});

it('builds a conditional decision for the create permission', () => {
  expect(
    createKafkaConnectorTargetConditionalDecision(
      kafkaConnectCreatePermission,
      {
        allOf: [
          kafkaConnectorTargetConditions.isRequestedOwnerOfUser({
            claims: ANALYST,
          }),
          kafkaConnectorTargetConditions.isNamespaceOpenToUser({
            claims: ANALYST,
          }),
        ],
      },
    ),
  ).toEqual({
    result: 'CONDITIONAL',
    pluginId: 'kafka-connect',
    resourceType: 'kafka-connector-target',
    conditions: {
      allOf: [
        {
          rule: 'IS_REQUESTED_OWNER_OF_USER',
          resourceType: 'kafka-connector-target',
          params: { claims: ANALYST },
        },
        {
          rule: 'IS_NAMESPACE_OPEN_TO_USER',
          resourceType: 'kafka-connector-target',
          params: { claims: ANALYST },
        },
      ],
    },
  });
});
