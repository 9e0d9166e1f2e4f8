import {
  isOwnedBy,
  KAFKA_CONNECTOR_RESOURCE_TYPE,
  StrimziResourceRef,
} from '@kcs/plugin-kafka-connect-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { claimsParamsSchema, type OwnedByUserParams } from './claims';

/** A connector as permission rules see it: identity and resolved owner. @public */
export interface KafkaConnectorPermissionResource extends StrimziResourceRef {
  kind: 'KafkaConnector' | 'KafkaMirrorMaker2';
  /** The owner's full entity ref, as the backend resolves it. */
  owner?: string;
}

/**
 * The connectors' resources never get listed through the permission
 * framework, so the query form only records what a condition asked for.
 * @public
 */
export interface KafkaConnectorPermissionQuery {
  ownedBy: string[];
}

/** The `kafka-connector` permission resource of the kafka-connect plugin. @public */
export const kafkaConnectorPermissionResourceRef = createPermissionResourceRef<
  KafkaConnectorPermissionResource,
  KafkaConnectorPermissionQuery
>().with({
  pluginId: 'kafka-connect',
  resourceType: KAFKA_CONNECTOR_RESOURCE_TYPE,
});

/**
 * Allows a connector when its owner is among the given refs: pass the caller's
 * ownership refs (`user.info.ownershipEntityRefs`) to allow owners.
 * @public
 */
export const isKafkaConnectorOwnedByUser = createPermissionRule<
  typeof kafkaConnectorPermissionResourceRef,
  OwnedByUserParams
>({
  name: 'IS_OWNED_BY_USER',
  description:
    "Allow connectors whose owner is one of the given entity refs (the caller's ownership refs)",
  resourceRef: kafkaConnectorPermissionResourceRef,
  paramsSchema: claimsParamsSchema,
  apply: (resource, { claims }) => isOwnedBy(resource.owner, claims),
  toQuery: ({ claims }) => ({ ownedBy: claims }),
});

/** Every permission rule on connectors. @public */
export const kafkaConnectorPermissionRules = {
  isOwnedByUser: isKafkaConnectorOwnedByUser,
};

const conditionExports = createConditionExports({
  resourceRef: kafkaConnectorPermissionResourceRef,
  rules: kafkaConnectorPermissionRules,
});

/** Conditions on connectors for permission policies. @public */
export const kafkaConnectorConditions = conditionExports.conditions;

/** Wraps connector conditions into a conditional policy decision. @public */
export const createKafkaConnectorConditionalDecision =
  conditionExports.createConditionalDecision;
