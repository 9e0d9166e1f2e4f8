import { warning, Condition } from './conditions';
import { ConnectorStatusBody, OffsetsBody } from './connectRest';
import type { MirrorMaker2Connector } from './mirrorMaker2Spec';
import type { RealConnectorContext } from './realConnector';
import type { Resource } from './reconcile';
import { REAL_WORKER_ANNOTATION } from './simulation';

/** Strimzi's annotation asking to list, alter or reset a connector's offsets. */
export const CONNECTOR_OFFSETS_ANNOTATION = 'strimzi.io/connector-offsets';

/** On a KafkaMirrorMaker2: which of its connectors the offsets annotation is for. */
export const MIRRORMAKER_CONNECTOR_ANNOTATION =
  'strimzi.io/mirrormaker-connector';

/** The ConfigMap key Strimzi reads and writes a KafkaConnector's offsets under. */
export const OFFSETS_KEY = 'offsets.json';

/** What the offsets step asks to write. */
export interface OffsetsOutcome {
  warnings: Condition[];
  annotations?: Record<string, string | null>;
  configMap?: { name: string; data: Record<string, string> };
}

const REASONS = {
  list: 'ListOffsets',
  alter: 'AlterOffsets',
  reset: 'ResetOffsets',
} as const;

/** One offsets request as Strimzi's operator acts on it, for a KafkaConnector or a MirrorMaker 2 connector. */
interface OffsetsRequest {
  /** The annotation's value. */
  value: string;
  /** The connector's name in Connect. */
  connector: string;
  namespace: string;
  /** Where `listOffsets` / `alterOffsets` / `state` sit, for messages. */
  field: string;
  spec: Record<string, any> | undefined;
  /** The ConfigMap key of the offsets. */
  key: string;
  /** The annotations removed once the call succeeded. */
  done: Record<string, null>;
}

/**
 * List writes `GET /connectors/<n>/offsets` into the `listOffsets`
 * ConfigMap (merged into it, as Strimzi keeps the other keys); alter sends
 * the `alterOffsets` ConfigMap's entry with PATCH; reset sends DELETE.
 * Alter and reset need the connector STOPPED. The annotations go once the
 * call succeeded; errors become Warnings and leave them.
 */
async function manageOffsets(
  request: OffsetsRequest,
  state: string,
  context: Pick<RealConnectorContext, 'now' | 'rest' | 'readConfigMap'>,
): Promise<OffsetsOutcome> {
  const { value, connector: name, namespace, field, spec, key } = request;
  const { now, rest } = context;
  const fail = (reason: string, message: string): OffsetsOutcome => ({
    warnings: [warning(now, reason, message)],
  });
  if (value !== 'list' && value !== 'alter' && value !== 'reset') {
    return fail(
      'ManageOffsets',
      `Invalid value '${value}' of annotation ${CONNECTOR_OFFSETS_ANNOTATION}; use list, alter or reset.`,
    );
  }
  const reason = REASONS[value];
  try {
    if (value === 'list') {
      const configMap = spec?.listOffsets?.toConfigMap?.name;
      if (!configMap) {
        return fail(
          reason,
          `Failed to list offsets: ${field}.listOffsets.toConfigMap.name is not set.`,
        );
      }
      const offsets = await rest.offsets(name);
      return {
        warnings: [],
        annotations: request.done,
        configMap: {
          name: configMap,
          data: { [key]: `${JSON.stringify(offsets, null, 2)}\n` },
        },
      };
    }
    if (state !== 'STOPPED') {
      return fail(
        reason,
        `Failed to ${value} offsets: connector ${name} is ${state}; set ${field}.state to stopped first.`,
      );
    }
    if (value === 'reset') {
      await rest.resetOffsets(name);
      return { warnings: [], annotations: request.done };
    }
    const source = spec?.alterOffsets?.fromConfigMap?.name;
    if (!source) {
      return fail(
        reason,
        `Failed to alter offsets: ${field}.alterOffsets.fromConfigMap.name is not set.`,
      );
    }
    const data = await context.readConfigMap?.(namespace, source);
    if (!data?.[key]) {
      return fail(
        reason,
        `Failed to alter offsets: ConfigMap ${source} has no ${key}.`,
      );
    }
    await rest.alterOffsets(name, JSON.parse(data[key]) as OffsetsBody);
    return { warnings: [], annotations: request.done };
  } catch (error) {
    return fail(
      reason,
      `Failed to ${value} offsets of connector ${name}. ${String(
        (error as Error).message,
      )}`,
    );
  }
}

/** `strimzi.io/connector-offsets: list | alter | reset` on a KafkaConnector of a real worker. */
export async function offsetsStep(
  connector: Resource,
  status: ConnectorStatusBody,
  context: RealConnectorContext,
): Promise<OffsetsOutcome> {
  const value =
    connector.metadata?.annotations?.[CONNECTOR_OFFSETS_ANNOTATION]?.trim();
  if (value === undefined) {
    return { warnings: [] };
  }
  return manageOffsets(
    {
      value,
      connector: connector.metadata?.name ?? '',
      namespace: connector.metadata?.namespace ?? '',
      field: 'spec',
      spec: connector.spec,
      key: OFFSETS_KEY,
      done: { [CONNECTOR_OFFSETS_ANNOTATION]: null },
    },
    status.connector.state,
    context,
  );
}

/**
 * Which MirrorMaker 2 connector an offsets request is for: Strimzi wants
 * `strimzi.io/connector-offsets` with `strimzi.io/mirrormaker-connector`
 * naming the connector; one without the other is a ManageOffsets Warning.
 */
export function mirrorMaker2OffsetsRequest(
  mm2: Resource,
  now: string,
): { connector: string; value: string } | { warning: Condition } | undefined {
  const annotations = mm2.metadata?.annotations ?? {};
  const value = annotations[CONNECTOR_OFFSETS_ANNOTATION]?.trim();
  const connector = annotations[MIRRORMAKER_CONNECTOR_ANNOTATION]?.trim();
  if (value === undefined && connector === undefined) {
    return undefined;
  }
  if (value === undefined || connector === undefined) {
    const missing =
      value === undefined
        ? CONNECTOR_OFFSETS_ANNOTATION
        : MIRRORMAKER_CONNECTOR_ANNOTATION;
    return {
      warning: warning(
        now,
        'ManageOffsets',
        `KafkaMirrorMaker2 ${mm2.metadata?.namespace}/${
          mm2.metadata?.name
        } has ${
          value === undefined
            ? MIRRORMAKER_CONNECTOR_ANNOTATION
            : CONNECTOR_OFFSETS_ANNOTATION
        } but lacks annotation ${missing}; set both.`,
      ),
    };
  }
  return { connector, value };
}

/**
 * The offsets request on one connector of a real-backed MirrorMaker 2, when
 * `strimzi.io/mirrormaker-connector` names it: the ConfigMap key is the
 * connector's name with `->` as `--` (e.g. `eu--us.MirrorSourceConnector.json`),
 * and both annotations go once the call succeeded.
 */
export async function mirrorMaker2OffsetsStep(
  mm2: Resource,
  connector: MirrorMaker2Connector,
  request: { connector: string; value: string },
  status: ConnectorStatusBody,
  context: Pick<RealConnectorContext, 'now' | 'rest' | 'readConfigMap'>,
): Promise<OffsetsOutcome> {
  if (request.connector !== connector.name) {
    return { warnings: [] };
  }
  return manageOffsets(
    {
      value: request.value,
      connector: connector.name,
      namespace: mm2.metadata?.namespace ?? '',
      field: `spec.mirrors[${connector.mirrorIndex}].${connector.role}`,
      spec: connector.spec,
      key: `${connector.name.split('->').join('--')}.json`,
      done: {
        [CONNECTOR_OFFSETS_ANNOTATION]: null,
        [MIRRORMAKER_CONNECTOR_ANNOTATION]: null,
      },
    },
    status.connector.state,
    context,
  );
}

/**
 * A simulated Connect cluster (or MirrorMaker 2) has no worker to ask: an
 * offsets request gets the Warning Strimzi writes when Connect cannot
 * answer, and the annotation stays, as it does after a failure.
 */
export function simulatedOffsetsWarnings(
  annotations: Record<string, string>,
  now: string,
  kind: 'KafkaConnect' | 'KafkaMirrorMaker2' = 'KafkaConnect',
): Condition[] {
  const value = annotations[CONNECTOR_OFFSETS_ANNOTATION]?.trim();
  if (value === undefined) {
    return [];
  }
  const reason =
    value === 'list' || value === 'alter' || value === 'reset'
      ? REASONS[value]
      : 'ManageOffsets';
  const realOne =
    kind === 'KafkaConnect'
      ? `use a connector on the real worker (annotation ${REAL_WORKER_ANNOTATION} on its KafkaConnect)`
      : `use a MirrorMaker 2 on the real worker (annotation ${REAL_WORKER_ANNOTATION} on it)`;
  return [
    warning(
      now,
      reason,
      `Failed to ${value} offsets: this ${kind} is simulated by the dev cluster and runs no Kafka Connect worker; ${realOne} for offsets.`,
    ),
  ];
}
