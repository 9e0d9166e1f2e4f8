import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { NotAllowedError } from '@backstage/errors';
import { initiatorOf } from './SelfServiceGuard';

/** Adds what a run learns (the connector's name, whether it changed) to its audit event. */
export type AuditNote = (meta: JsonObject) => void;

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
