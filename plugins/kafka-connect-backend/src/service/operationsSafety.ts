import type { Config } from '@backstage/config';

/** What the backend knows at start-up about who may operate connectors. */
export interface OperationsSafety {
  /** Logged as a warning at start-up when operations are not owner-only. */
  warning?: string;
  /** Set when operations are refused; the reason, naming the config to fix. */
  refusal?: string;
}

const DECLARED_KEY = 'kafkaConnect.operations.policyHandlesOperate';
const REQUIRE_KEY = 'kafkaConnect.operations.requireOwnerPolicy';

/**
 * The backend cannot see which permission policy is installed. Backstage's
 * allow-all policy, or `permission.enabled` unset, lets every signed-in user
 * pause, stop and restart every connector. So the adopter declares the policy
 * handles `kafka.connect.operate` (`policyHandlesOperate: true`); until then
 * the backend warns, and with `requireOwnerPolicy: true` refuses operations.
 */
export function readOperationsSafety(config: Config): OperationsSafety {
  const permissionsEnabled =
    config.getOptionalBoolean('permission.enabled') === true;
  const declared = config.getOptionalBoolean(DECLARED_KEY) === true;
  const required = config.getOptionalBoolean(REQUIRE_KEY) === true;
  let problem: string | undefined;
  if (!permissionsEnabled) {
    problem =
      'permission.enabled is not true, so Backstage allows every permission: anyone who can reach the backend may pause, stop and restart every connector. Set permission.enabled: true and install a policy that handles kafka.connect.operate (the owner policy in the README of @kcs/plugin-kafka-connect-backend)';
  } else if (!declared) {
    problem = `no permission policy is declared to handle kafka.connect.operate: with Backstage's allow-all policy every signed-in user may pause, stop and restart every connector. Install the owner policy from the README of @kcs/plugin-kafka-connect-backend, then set ${DECLARED_KEY}: true`;
  }
  if (!problem) {
    return {};
  }
  if (required) {
    return {
      warning: `Kafka Connect operations are refused: ${problem} (${REQUIRE_KEY} is true)`,
      refusal: `Connector operations are turned off on this portal until its permission policy handles kafka.connect.operate (${REQUIRE_KEY} is true; an administrator sets ${DECLARED_KEY}: true once the owner policy is installed)`,
    };
  }
  return {
    warning: `Kafka Connect operations are not owner-only: ${problem}. Set ${REQUIRE_KEY}: true to refuse operations until then`,
  };
}
