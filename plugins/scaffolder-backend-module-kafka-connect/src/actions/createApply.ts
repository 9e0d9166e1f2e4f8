import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { KafkaConnectorResource } from '@kcs/plugin-kafka-connect-common';
import type { ConnectorApplier } from '../services/ConnectorApplier';
import type { SelfServiceGuard } from '../services/SelfServiceGuard';
import { sameConnector } from './identity';

/**
 * Applies a new connector, retry-safe: the lookup and the apply run in one
 * checkpoint, so a retry either replays the recorded outcome or finds the
 * connector it applied and answers "already present". Taking over a
 * different connector of the same name (`overwrite`) needs the permission to
 * operate it.
 */
export async function applyCreate(options: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ctx: ActionContext<any, any, any>;
  applier: ConnectorApplier;
  guard: SelfServiceGuard;
  credentials: BackstageCredentials;
  plan: {
    name: string;
    namespace: string;
    cluster: string;
    connector: KafkaConnectorResource;
  };
  overwrite: boolean;
}): Promise<{ changed: boolean }> {
  const { ctx, applier, guard, credentials, plan, overwrite } = options;
  const decide = async (): Promise<'create' | 'present' | 'overwrite'> => {
    const existing = await applier.get(plan.cluster, plan.connector);
    if (!existing) return 'create';
    if (sameConnector(existing, plan.connector)) return 'present';
    if (!overwrite) {
      throw new InputError(
        `name: a KafkaConnector '${plan.name}' already exists in namespace '${plan.namespace}' of cluster '${plan.cluster}'; change the parameters for another name, or set overwrite to take it over`,
      );
    }
    await guard.mayOperate(credentials, plan);
    return 'overwrite';
  };
  if (ctx.isDryRun) {
    return { changed: (await decide()) !== 'present' };
  }
  return ctx.checkpoint({
    key: `kafka-connect-apply-${plan.cluster}-${plan.namespace}-${plan.name}`,
    fn: async () => {
      if ((await decide()) === 'present') return { changed: false };
      await applier.apply(plan.cluster, plan.connector, { force: overwrite });
      return { changed: true };
    },
  });
}
