import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import {
  type ConnectorEditPlan,
  type KafkaConnectorResource,
  normalizeEntityRef,
  OWNER_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import type { ConnectorApplier } from '../services/ConnectorApplier';
import {
  initiatorOf,
  type SelfServiceGuard,
} from '../services/SelfServiceGuard';
import { keepIdentity, named, sameConnector } from './identity';

type Edit = Extract<ConnectorEditPlan, { errors?: undefined }>;
type Plan = Edit['plan'];

/**
 * What a run finds in the cluster, recorded in a checkpoint so that a retry
 * acts on the first run's findings: `change` edits the connector in place;
 * a version roll is `roll` (create the new, delete the old), `delete-old`
 * (the new one is there, the old one not yet gone) or `done`.
 */
interface Found {
  phase: 'change' | 'roll' | 'delete-old' | 'done';
  /** The connector the change starts from: the old one, or the new one when done. */
  existing: KafkaConnectorResource;
}

function ownerRef(value: string | undefined): string | undefined {
  return value === undefined
    ? undefined
    : normalizeEntityRef(value, {
        defaultKind: 'group',
        allowedKinds: ['group', 'user'],
      }).ref ?? value;
}

async function find(
  applier: ConnectorApplier,
  edit: Edit,
  renameField: string,
): Promise<Found> {
  const { plan, previousName } = edit;
  const where = `namespace '${plan.namespace}' of cluster '${plan.cluster}'`;
  const previous = await applier.get(
    plan.cluster,
    named(plan.connector, previousName),
  );
  if (!edit.renamed) {
    if (!previous) {
      throw new InputError(
        `name: no KafkaConnector '${previousName}' in ${where}; check cluster, namespace and the current parameters, or create it with kafka-connect:connector:create`,
      );
    }
    return { phase: 'change', existing: previous };
  }
  const successor = await applier.get(plan.cluster, plan.connector);
  // The successor is this change's own when it is what this change renders
  // from it: a retry of a run that got part of the way.
  const ours =
    successor !== undefined &&
    sameConnector(successor, keepIdentity(plan.connector, successor));
  if (successor && !ours) {
    throw new InputError(
      `${renameField}: a KafkaConnector '${plan.name}' already exists in ${where}; choose another version`,
    );
  }
  if (previous) {
    return { phase: successor ? 'delete-old' : 'roll', existing: previous };
  }
  if (successor) {
    return { phase: 'done', existing: successor };
  }
  throw new InputError(
    `name: no KafkaConnector '${previousName}' in ${where}; check cluster, namespace and the current parameters, or create it with kafka-connect:connector:create`,
  );
}

/**
 * Applies a change to the cluster, retry-safe: the lookups run inside a
 * checkpoint (a retry replays what the first run found) and each write is
 * its own checkpoint; whatever a retry finds already done it leaves alone.
 * Before any write, and on dry runs too, the initiator must be allowed to
 * operate the connector (`kafka.connect.operate`), and to create for the
 * requested owner (`kafka.connect.create`) when the change creates a new
 * connector or gives it another owner.
 */
export async function applyChange(options: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ctx: ActionContext<any, any, any>;
  applier: ConnectorApplier;
  guard: SelfServiceGuard;
  credentials: BackstageCredentials;
  edit: Edit;
  change: {
    tasksMax?: number;
    state?: string;
    version?: string;
    parameters?: unknown;
  };
  owner: string;
  renameField: string;
}): Promise<{ plan: Plan; changed: boolean }> {
  const { ctx, applier, guard, credentials, edit, change } = options;
  const { previousName } = edit;
  const key = `kafka-connect-change-${edit.plan.cluster}-${edit.plan.namespace}-${previousName}`;
  // Stored as JSON by the scaffolder: the resource is plain data.
  const found = (await ctx.checkpoint({
    key: `${key}-find${edit.renamed ? `-${edit.plan.name}` : ''}`,
    fn: async () =>
      (await find(applier, edit, options.renameField)) as unknown as JsonObject,
  })) as unknown as Found;
  const plan: Plan = {
    ...edit.plan,
    connector: keepIdentity(edit.plan.connector, found.existing),
  };
  const existingName = found.existing.metadata!.name!;
  const ownerChanges =
    ownerRef(found.existing.metadata?.annotations?.[OWNER_ANNOTATION]) !==
    ownerRef(options.owner);
  // Recorded once allowed: after a completed roll the old connector is
  // gone, and a retry must not need the permission on what it removed. Per
  // initiator: whoever retries a task is asked again.
  await ctx.checkpoint({
    key: `${key}-authorized-${initiatorOf(credentials)}`,
    fn: async () => {
      await guard.mayOperate(credentials, {
        cluster: plan.cluster,
        namespace: plan.namespace,
        name: existingName,
      });
      if (edit.renamed || ownerChanges) {
        await guard.mayCreate(credentials, {
          cluster: plan.cluster,
          namespace: plan.namespace,
          owner: options.owner,
        });
      }
      return { allowed: true };
    },
  });
  const previous = named(plan.connector, previousName);
  if (edit.renamed) {
    if (found.phase === 'done') return { plan, changed: false };
    if (ctx.isDryRun) return { plan, changed: true };
    if (found.phase === 'roll') {
      await ctx.checkpoint({
        key: `${key}-create-${plan.name}`,
        fn: async () => {
          await applier.apply(plan.cluster, plan.connector, { force: false });
        },
      });
    }
    await ctx.checkpoint({
      key: `${key}-delete`,
      fn: async () => {
        await applier.delete(plan.cluster, previous);
      },
    });
    return { plan, changed: true };
  }
  const onlyTasksMax =
    change.tasksMax !== undefined &&
    change.state === undefined &&
    change.version === undefined &&
    change.parameters === undefined;
  if (onlyTasksMax) {
    if (found.existing.spec?.tasksMax === change.tasksMax) {
      return { plan, changed: false };
    }
    if (!ctx.isDryRun) {
      await ctx.checkpoint({
        key: `${key}-scale-${change.tasksMax}`,
        fn: async () => {
          await applier.scale(plan.cluster, plan.connector, change.tasksMax!);
        },
      });
    }
    return { plan, changed: true };
  }
  if (sameConnector(found.existing, plan.connector)) {
    return { plan, changed: false };
  }
  if (!ctx.isDryRun) {
    await ctx.checkpoint({
      key: `${key}-apply`,
      fn: async () => {
        await applier.apply(plan.cluster, plan.connector, { force: false });
      },
    });
  }
  return { plan, changed: true };
}
