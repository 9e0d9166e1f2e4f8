import { kafkaConnectOperatePermission } from '@kcs/plugin-kafka-connect-common';
import {
  createKafkaConnectorConditionalDecision,
  isKafkaConnectorOwnedByUser,
  kafkaConnectorConditions,
} from './rules';

const connector = {
  kind: 'KafkaConnector' as const,
  cluster: 'eu-1',
  namespace: 'orders',
  name: 'ordersmysql-shop-orders-v1',
  owner: 'group:default/team-orders',
};

describe('isKafkaConnectorOwnedByUser', () => {
  it("allows a connector owned by one of the caller's refs", () => {
    expect(
      isKafkaConnectorOwnedByUser.apply(connector, {
        claims: ['user:default/guest', 'group:default/team-orders'],
      }),
    ).toBe(true);
  });

  it('refuses other owners and connectors without an owner', () => {
    expect(
      isKafkaConnectorOwnedByUser.apply(connector, {
        claims: ['user:default/mallory', 'group:default/team-analytics'],
      }),
    ).toBe(false);
    expect(
      isKafkaConnectorOwnedByUser.apply(
        { ...connector, owner: undefined },
        { claims: ['group:default/team-orders'] },
      ),
    ).toBe(false);
  });

  it('validates its parameters', () => {
    const schema = (isKafkaConnectorOwnedByUser.paramsSchema as any)[
      '~standard'
    ];
    expect(schema.validate({ claims: ['user:default/guest'] })).toEqual({
      value: { claims: ['user:default/guest'] },
    });
    expect(schema.validate({ claims: 'x' }).issues[0].message).toMatch(
      /'claims' must be an array/,
    );
    expect(schema.validate({ claims: [1] }).issues).toHaveLength(1);
    expect(schema.jsonSchema.input({ target: 'draft-07' })).toMatchObject({
      required: ['claims'],
    });
  });

  it('builds a conditional decision for the operate permission', () => {
    expect(
      createKafkaConnectorConditionalDecision(
        kafkaConnectOperatePermission,
        kafkaConnectorConditions.isOwnedByUser({
          claims: ['group:default/team-orders'],
        }),
      ),
    ).toEqual({
      result: 'CONDITIONAL',
      pluginId: 'kafka-connect',
      resourceType: 'kafka-connector',
      conditions: {
        rule: 'IS_OWNED_BY_USER',
        resourceType: 'kafka-connector',
        params: { claims: ['group:default/team-orders'] },
      },
    });
  });
});
