import type { ConnectorHealth } from '../api';
import type { StrimziCondition } from '../strimzi';
import { rootCause } from './rootCause';

const UNREACHABLE =
  /connection refused|timed out|HttpConnectTimeoutException|ConnectException: |UnknownHostException|No route to host|closed the connection|EOFException/i;

/** Strimzi's REST error messages name the call: "PUT /connectors/<n>/config returned 400 ...". */
const CONFIG_CALL = /\b(PUT|POST)\s+\/connectors/;

/**
 * Judges a NotReady condition that comes without a Connect REST body, by its
 * reason (Strimzi writes the exception's class there): a connector whose
 * config Connect refused, a Connect REST API that cannot be reached, a
 * missing Connect cluster or label, a Connect cluster at 0 replicas — they
 * call for different things, so not all of them read as `failed`.
 * @public
 */
export function assessNotReady(
  condition: StrimziCondition,
  options: {
    /** The resource was changed after it was created (generation above 1): Connect ran an earlier config. */
    updated: boolean;
  },
): { health: ConnectorHealth; reason: string } {
  const reason = condition.reason ?? 'NotReady';
  const message = rootCause(condition.message) || 'no message';
  switch (reason) {
    case 'NoSuchResourceException':
      return {
        health: 'unknown',
        reason: `No Connect cluster runs it: ${message}. Create the KafkaConnect (with strimzi.io/use-connector-resources: "true") or correct the strimzi.io/cluster label`,
      };
    case 'RuntimeException':
      if (/has 0 replicas/.test(message)) {
        return { health: 'stopped', reason: `Nothing runs it: ${message}` };
      }
      break;
    case 'ConnectRestException':
      if (UNREACHABLE.test(message)) {
        return {
          health: 'unknown',
          reason: `The Connect REST API could not be reached: ${message}`,
        };
      }
      if (!CONFIG_CALL.test(message)) {
        // A read (GET .../status, .../topics) that failed: Connect's state is unknown.
        return {
          health: 'unknown',
          reason: `Connect's REST API failed to answer: ${message}`,
        };
      }
      // Strimzi sends the config with PUT (POST in 1.2 for new connectors)
      // and reports Connect's refusal here; a refused update leaves Connect
      // running the config it had.
      return options.updated
        ? {
            health: 'degraded',
            reason: `Connect refused the updated config and still runs the previous one: ${message}`,
          }
        : {
            health: 'failed',
            reason: `Connect refused the config: ${message}`,
          };
    case 'InvalidResourceException':
      return {
        health: 'failed',
        reason: `Strimzi rejected the resource: ${message}`,
      };
    default:
      if (UNREACHABLE.test(message)) {
        return {
          health: 'unknown',
          reason: `The Connect REST API could not be reached: ${message}`,
        };
      }
  }
  return { health: 'failed', reason: `${reason}: ${message}` };
}
