import { InputError } from '@backstage/errors';
import type {
  ConnectorChange,
  JsonPatchOperation,
} from '../actions/connectorActionChange';
import { mirrorMaker2SpecPatch } from '../actions/mirrorMaker2Change';
import { mirrorMaker2ConnectorsInSpec } from '../health/mirrorMaker2Connectors';
import type {
  KafkaConnectorResource,
  KafkaMirrorMaker2Resource,
} from '../strimzi';
import { OFFSETS_CONFIG_MAP_KEY } from './connectorOffsets';
import {
  CONNECTOR_OFFSETS_ANNOTATION,
  MIRRORMAKER_CONNECTOR_ANNOTATION,
  OffsetsOperation,
} from './offsetsOutcome';

/**
 * The connector whose offsets a request is about: a KafkaConnector, or one
 * connector of a KafkaMirrorMaker2 (Strimzi manages each MirrorMaker 2
 * connector's offsets on its own, through its `spec.mirrors[]` entry).
 * @public
 */
export type OffsetsSubject =
  | { kind: 'KafkaConnector'; resource: KafkaConnectorResource }
  | {
      kind: 'KafkaMirrorMaker2';
      resource: KafkaMirrorMaker2Resource;
      /** The connector's name in Connect, `<source>-><target>.<Class>`. */
      connector: string;
    };

/** Where a subject's offsets settings live in the resource, and what they say. @public */
export interface OffsetsSpecPlace {
  /** For people: `spec` or `spec.mirrors[0].sourceConnector`. */
  field: string;
  /** That object: `listOffsets`, `alterOffsets`, `state`. */
  spec: {
    listOffsets?: { toConfigMap?: { name?: string } };
    alterOffsets?: { fromConfigMap?: { name?: string } };
    state?: string;
  };
  /** The state Kafka Connect last reported for the connector. */
  connectorState?: string;
}

/**
 * The ConfigMap key Strimzi writes a subject's offsets to and reads an
 * alteration from: `offsets.json` for a KafkaConnector; for a MirrorMaker 2
 * connector its name with `->` written `--`, e.g.
 * `eu--us.MirrorSourceConnector.json`, so its connectors can share one
 * ConfigMap.
 * @public
 */
export function offsetsConfigMapKey(subject: OffsetsSubject): string {
  return subject.kind === 'KafkaMirrorMaker2'
    ? `${subject.connector.split('->').join('--')}.json`
    : OFFSETS_CONFIG_MAP_KEY;
}

/**
 * The subject's offsets settings and state. Throws an InputError when a
 * MirrorMaker 2 connector is not one its spec configures (Strimzi manages
 * only those).
 * @public
 */
export function offsetsSpecPlace(subject: OffsetsSubject): OffsetsSpecPlace {
  if (subject.kind === 'KafkaConnector') {
    const state = subject.resource.status?.connectorStatus?.connector?.state;
    return {
      field: 'spec',
      spec: (subject.resource.spec ?? {}) as OffsetsSpecPlace['spec'],
      ...(state ? { connectorState: state } : {}),
    };
  }
  const entry = mirrorMaker2ConnectorsInSpec(subject.resource).find(
    candidate => candidate.name === subject.connector,
  );
  if (!entry) {
    const known = mirrorMaker2ConnectorsInSpec(subject.resource).map(
      candidate => candidate.name,
    );
    throw new InputError(
      `Parameter 'connector' must name a connector that the KafkaMirrorMaker2's spec.mirrors configures (${
        known.join(', ') || 'none'
      }), not '${subject.connector}'`,
    );
  }
  const connectors = subject.resource.status?.connectors;
  const state = (Array.isArray(connectors) ? connectors : []).find(
    body => body?.name === subject.connector,
  )?.connector?.state;
  return {
    field: `spec.mirrors[${entry.mirror.index}].${entry.mirror.role}`,
    spec: entry.spec as OffsetsSpecPlace['spec'],
    ...(state ? { connectorState: state } : {}),
  };
}

/** `strimzi.io/connector-offsets` in a JSON patch path. */
const pointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The change that asks Strimzi to list, alter or reset a subject's offsets:
 * the annotation (on a KafkaMirrorMaker2 with `strimzi.io/mirrormaker-connector`
 * naming the connector) and, when the spec names no ConfigMap for the
 * operation, `listOffsets.toConfigMap` or `alterOffsets.fromConfigMap` set
 * to `configMap`, in one write so the operator sees both together. A
 * KafkaConnector takes a merge patch; a MirrorMaker 2 connector a JSON
 * patch of its `spec.mirrors[]` entry, guarded by the mirror's source alias.
 * @public
 */
export function offsetsRequestChange(
  subject: OffsetsSubject,
  operation: OffsetsOperation,
  configMap?: string,
): ConnectorChange {
  const place = offsetsSpecPlace(subject);
  const settings: Record<string, unknown> = {};
  if (operation === 'list' && !place.spec.listOffsets?.toConfigMap?.name) {
    settings.listOffsets = { toConfigMap: { name: configMap } };
  }
  if (operation === 'alter' && !place.spec.alterOffsets?.fromConfigMap?.name) {
    settings.alterOffsets = { fromConfigMap: { name: configMap } };
  }
  if (Object.keys(settings).length > 0 && !configMap) {
    throw new Error(
      `The spec names no ConfigMap to ${operation} offsets with; pass one`,
    );
  }
  if (subject.kind === 'KafkaConnector') {
    return {
      type: 'merge-patch',
      patch: {
        metadata: {
          annotations: { [CONNECTOR_OFFSETS_ANNOTATION]: operation },
        },
        ...(Object.keys(settings).length ? { spec: settings } : {}),
      },
    };
  }
  const annotations = {
    [CONNECTOR_OFFSETS_ANNOTATION]: operation,
    [MIRRORMAKER_CONNECTOR_ANNOTATION]: subject.connector,
  };
  const annotationOperations: JsonPatchOperation[] = subject.resource.metadata
    ?.annotations
    ? Object.entries(annotations).map(([key, value]) => ({
        op: 'add' as const,
        path: `/metadata/annotations/${pointer(key)}`,
        value,
      }))
    : [{ op: 'add', path: '/metadata/annotations', value: annotations }];
  const change = mirrorMaker2SpecPatch(
    subject.resource,
    subject.connector,
    path =>
      Object.entries(settings).map(([key, value]) => ({
        op: 'add' as const,
        path: `${path}/${key}`,
        value,
      })),
  );
  if (change.type !== 'json-patch') {
    throw new Error('A MirrorMaker 2 connector is changed with a JSON patch');
  }
  return {
    type: 'json-patch',
    operations: [...change.operations, ...annotationOperations],
  };
}

/**
 * The merge patch that removes an earlier offsets request Strimzi refused
 * and left in place, so the operator sees the next one as a change.
 * @public
 */
export function offsetsRequestRemoval(
  subject: OffsetsSubject,
): Record<string, unknown> {
  return {
    metadata: {
      annotations: {
        [CONNECTOR_OFFSETS_ANNOTATION]: null,
        ...(subject.kind === 'KafkaMirrorMaker2'
          ? { [MIRRORMAKER_CONNECTOR_ANNOTATION]: null }
          : {}),
      },
    },
  };
}
