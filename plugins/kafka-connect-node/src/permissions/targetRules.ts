import {
  type ConnectorTarget,
  isOwnedBy,
  KAFKA_CONNECTOR_TARGET_RESOURCE_TYPE,
} from '@kcs/plugin-kafka-connect-common';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { claimsParamsSchema, type OwnedByUserParams } from './claims';

/**
 * Where a new connector goes, as permission rules see it: the requested owner
 * and the owner its Namespace names (annotation `kafka-connect.dev/owner`).
 * @public
 */
export interface KafkaConnectorTargetPermissionResource
  extends ConnectorTarget {
  /** The Namespace's owner as a full entity ref; absent when it names none. */
  namespaceOwner?: string;
}

/** What target conditions asked for (targets are never listed). @public */
export interface KafkaConnectorTargetPermissionQuery {
  ownedBy?: string[];
  namespaceOpenTo?: string[];
}

/** The `kafka-connector-target` permission resource of the kafka-connect plugin. @public */
export const kafkaConnectorTargetPermissionResourceRef =
  createPermissionResourceRef<
    KafkaConnectorTargetPermissionResource,
    KafkaConnectorTargetPermissionQuery
  >().with({
    pluginId: 'kafka-connect',
    resourceType: KAFKA_CONNECTOR_TARGET_RESOURCE_TYPE,
  });

/**
 * Allows a target whose requested owner is among the given refs: pass the
 * caller's ownership refs, so people create connectors only for themselves
 * and their groups.
 * @public
 */
export const isKafkaConnectorTargetOwnerOfUser = createPermissionRule<
  typeof kafkaConnectorTargetPermissionResourceRef,
  OwnedByUserParams
>({
  name: 'IS_REQUESTED_OWNER_OF_USER',
  description:
    "Allow creating connectors whose requested owner is one of the given entity refs (the caller's ownership refs)",
  resourceRef: kafkaConnectorTargetPermissionResourceRef,
  paramsSchema: claimsParamsSchema,
  apply: (resource, { claims }) => isOwnedBy(resource.owner, claims),
  toQuery: ({ claims }) => ({ ownedBy: claims }),
});

/**
 * Allows a target whose Namespace names no owner, or names one of the given
 * refs: a namespace owned by team X takes new connectors only from X.
 * @public
 */
export const isKafkaConnectorTargetNamespaceOpenToUser = createPermissionRule<
  typeof kafkaConnectorTargetPermissionResourceRef,
  OwnedByUserParams
>({
  name: 'IS_NAMESPACE_OPEN_TO_USER',
  description:
    "Allow creating connectors in namespaces without an owner annotation, or owned by one of the given entity refs (the caller's ownership refs)",
  resourceRef: kafkaConnectorTargetPermissionResourceRef,
  paramsSchema: claimsParamsSchema,
  apply: (resource, { claims }) =>
    resource.namespaceOwner === undefined ||
    isOwnedBy(resource.namespaceOwner, claims),
  toQuery: ({ claims }) => ({ namespaceOpenTo: claims }),
});

/** Every permission rule on connector targets. @public */
export const kafkaConnectorTargetPermissionRules = {
  isRequestedOwnerOfUser: isKafkaConnectorTargetOwnerOfUser,
  isNamespaceOpenToUser: isKafkaConnectorTargetNamespaceOpenToUser,
};

const conditionExports = createConditionExports({
  resourceRef: kafkaConnectorTargetPermissionResourceRef,
  rules: kafkaConnectorTargetPermissionRules,
});

/** Conditions on connector targets for permission policies. @public */
export const kafkaConnectorTargetConditions = conditionExports.conditions;

/** Wraps target conditions into a conditional policy decision. @public */
export const createKafkaConnectorTargetConditionalDecision =
  conditionExports.createConditionalDecision;
