import { isDeepStrictEqual } from 'node:util';
import {
  KUBERNETES_ID,
  type KafkaConnectorResource,
  TEMPLATE_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';

/**
 * Whether a connector in the cluster already is the planned one: the same
 * spec, and every label and annotation the plan sets (others, like the
 * operator's, may be there too).
 */
export function sameConnector(
  actual: KafkaConnectorResource,
  planned: KafkaConnectorResource,
): boolean {
  return (
    isDeepStrictEqual(actual.spec, planned.spec) &&
    Object.entries(planned.metadata?.labels ?? {}).every(
      ([key, value]) => actual.metadata?.labels?.[key] === value,
    ) &&
    Object.entries(planned.metadata?.annotations ?? {}).every(
      ([key, value]) => actual.metadata?.annotations?.[key] === value,
    )
  );
}

/**
 * The re-rendered connector with the existing one's component link,
 * template and automatic restart: the change input names neither, and rendering would otherwise
 * reset the kubernetes-id to the connector's name and drop the template,
 * unlinking it from its component (server-side apply removes what the same
 * field manager no longer sends).
 */
export function keepIdentity(
  connector: KafkaConnectorResource,
  existing: KafkaConnectorResource,
): KafkaConnectorResource {
  // An id equal to its own name is the default (no component): a renamed
  // connector gets its new name's default instead.
  const existingId = existing.metadata?.labels?.[KUBERNETES_ID];
  const kubernetesId =
    existingId !== existing.metadata?.name ? existingId : undefined;
  const template = existing.metadata?.annotations?.[TEMPLATE_ANNOTATION];
  // Automatic restart is the owner's (the card turns it on and off): a
  // change keeps it as it is, and adds none to a connector that had none.
  const { autoRestart: _rendered, ...spec } = connector.spec ?? {};
  return {
    ...connector,
    spec: {
      ...spec,
      ...(existing.spec?.autoRestart
        ? { autoRestart: existing.spec.autoRestart }
        : {}),
    },
    metadata: {
      ...connector.metadata,
      labels: {
        ...connector.metadata?.labels,
        ...(kubernetesId ? { [KUBERNETES_ID]: kubernetesId } : {}),
      },
      annotations: {
        ...connector.metadata?.annotations,
        ...(template ? { [TEMPLATE_ANNOTATION]: template } : {}),
      },
    },
  };
}

/** The same connector under another name, to address it in the cluster. */
export function named(
  connector: KafkaConnectorResource,
  name: string,
): KafkaConnectorResource {
  return { ...connector, metadata: { ...connector.metadata, name } };
}
