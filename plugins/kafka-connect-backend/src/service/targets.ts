import {
  normalizeEntityRef,
  OWNER_ANNOTATION,
  parseConnectorTargetRef,
} from '@kcs/plugin-kafka-connect-common';
import type {
  KafkaConnectorTargetPermissionResource,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';

/**
 * The target behind a `kafka.connect.create` resource ref
 * (`<cluster>/<namespace>/<owner ref>`), with the owner its Namespace names.
 * A Namespace owner annotation that is no valid ref keeps its raw value, which
 * matches nobody: a namespace someone meant to close stays closed (admins
 * aside) rather than opening to everyone.
 */
export function targetResourceOf(
  resourceRef: string,
  cache: Pick<StrimziResourceReader, 'namespaceAnnotations'>,
): KafkaConnectorTargetPermissionResource | undefined {
  const target = parseConnectorTargetRef(resourceRef);
  if (!target) {
    return undefined;
  }
  const annotated = cache.namespaceAnnotations(
    target.cluster,
    target.namespace,
  )?.[OWNER_ANNOTATION];
  if (annotated === undefined) {
    return target;
  }
  const normalized = normalizeEntityRef(annotated, {
    defaultKind: 'group',
    allowedKinds: ['group', 'user'],
  });
  return { ...target, namespaceOwner: normalized.ref ?? annotated };
}
