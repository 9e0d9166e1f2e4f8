import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { NotAllowedError } from '@backstage/errors';
import { initiatorOf } from './SelfServiceGuard';

/** Adds what a run learns (the connector's name, whether it changed) to its audit event. */
export type AuditNote = (meta: JsonObject) => void;

/** Where a create or change run writes, as both actions' audit events name it. */
export function connectorTargetMeta(
  input: {
    cluster: string;
    namespace: string;
    connectCluster: string;
    owner?: string;
    blueprint: string;
    output: string;
  },
  dryRun: boolean | undefined,
): JsonObject {
  return {
    cluster: input.cluster,
    namespace: input.namespace,
    connectCluster: input.connectCluster,
    owner: input.owner,
    blueprint: input.blueprint,
    output: input.output,
    dryRun: Boolean(dryRun),
  };
}

/**
 * Runs one action under an auditor event: who (the initiator), what (the
 * action and delivery), where (cluster, namespace, connector) and the outcome,
 * refusals included (`refused: true`).
 */
export async function audited<T>(
  auditor: AuditorService,
  event: {
    eventId: 'connector-create' | 'connector-change';
    credentials: BackstageCredentials;
    meta: JsonObject;
  },
  run: (note: AuditNote) => Promise<T>,
): Promise<T> {
  const auditEvent = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: 'medium',
    meta: { initiator: initiatorOf(event.credentials), ...event.meta },
  });
  const noted: JsonObject = {};
  try {
    const result = await run(meta => Object.assign(noted, meta));
    await auditEvent.success({ meta: noted });
    return result;
  } catch (error) {
    await auditEvent.fail({
      error: error as Error,
      meta: { ...noted, refused: error instanceof NotAllowedError },
    });
    throw error;
  }
}
