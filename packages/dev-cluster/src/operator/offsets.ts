import { warning, Condition } from './conditions';
import { ConnectorStatusBody, OffsetsBody } from './connectRest';
import type { RealConnectorContext } from './realConnector';
import type { Resource } from './reconcile';
import { REAL_WORKER_ANNOTATION } from './simulation';

/** Strimzi's annotation asking to list, alter or reset a connector's offsets. */
export const CONNECTOR_OFFSETS_ANNOTATION = 'strimzi.io/connector-offsets';

/** The ConfigMap key Strimzi reads and writes offsets under. */
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

/**
 * `strimzi.io/connector-offsets: list | alter | reset` on a real worker:
 * list writes `GET /connectors/<n>/offsets` into the `spec.listOffsets`
 * ConfigMap; alter sends the `spec.alterOffsets` ConfigMap's `offsets.json`
 * with PATCH; reset sends DELETE. Alter and reset need the connector
 * STOPPED. The annotation goes once the call succeeded; errors become Warnings.
 */
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
  const { now, rest } = context;
  const name = connector.metadata?.name ?? '';
  const namespace = connector.metadata?.namespace ?? '';
  const done = { [CONNECTOR_OFFSETS_ANNOTATION]: null };
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
      const configMap = connector.spec?.listOffsets?.toConfigMap?.name;
      if (!configMap) {
        return fail(
          reason,
          `Failed to list offsets: spec.listOffsets.toConfigMap.name is not set.`,
        );
      }
      const offsets = await rest.offsets(name);
      return {
        warnings: [],
        annotations: done,
        configMap: {
          name: configMap,
          data: { [OFFSETS_KEY]: `${JSON.stringify(offsets, null, 2)}\n` },
        },
      };
    }
    if (status.connector.state !== 'STOPPED') {
      return fail(
        reason,
        `Failed to ${value} offsets: connector ${name} is ${status.connector.state}; set spec.state to stopped first.`,
      );
    }
    if (value === 'reset') {
      await rest.resetOffsets(name);
      return { warnings: [], annotations: done };
    }
    const source = connector.spec?.alterOffsets?.fromConfigMap?.name;
    if (!source) {
      return fail(
        reason,
        'Failed to alter offsets: spec.alterOffsets.fromConfigMap.name is not set.',
      );
    }
    const data = await context.readConfigMap?.(namespace, source);
    if (!data?.[OFFSETS_KEY]) {
      return fail(
        reason,
        `Failed to alter offsets: ConfigMap ${source} has no ${OFFSETS_KEY}.`,
      );
    }
    await rest.alterOffsets(name, JSON.parse(data[OFFSETS_KEY]) as OffsetsBody);
    return { warnings: [], annotations: done };
  } catch (error) {
    return fail(
      reason,
      `Failed to ${value} offsets of connector ${name}. ${String(
        (error as Error).message,
      )}`,
    );
  }
}

/**
 * A simulated Connect cluster has no worker to ask: an offsets request
 * gets the Warning Strimzi writes when Connect cannot answer, and the
 * annotation stays, as it does after a failure.
 */
export function simulatedOffsetsWarnings(
  annotations: Record<string, string>,
  now: string,
): Condition[] {
  const value = annotations[CONNECTOR_OFFSETS_ANNOTATION]?.trim();
  if (value === undefined) {
    return [];
  }
  const reason =
    value === 'list' || value === 'alter' || value === 'reset'
      ? REASONS[value]
      : 'ManageOffsets';
  return [
    warning(
      now,
      reason,
      `Failed to ${value} offsets: this KafkaConnect is simulated by the dev cluster and runs no Kafka Connect worker; use a connector on the real worker (annotation ${REAL_WORKER_ANNOTATION} on its KafkaConnect) for offsets.`,
    ),
  ];
}
