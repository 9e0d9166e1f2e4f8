import type { DesiredConnectorState } from '../api';
import { planConnector, type ConnectorPlan } from './renderConnector';
import type { ConnectorBlueprint, ConnectorRequest, FieldError } from './types';

/** A day-2 change to an existing connector; absent fields stay as they are. @public */
export interface ConnectorEdit {
  tasksMax?: number;
  state?: DesiredConnectorState;
  /** New value of the blueprint's `version` parameter: renames the connector. */
  version?: string;
  /** Blueprint parameters to change. */
  parameters?: Record<string, unknown>;
}

/** The result of {@link planConnectorEdit}. @public */
export type ConnectorEditPlan =
  | {
      errors?: undefined;
      /** The connector as it will be after the change. */
      plan: Extract<ConnectorPlan, { errors?: undefined }>;
      previousName: string;
      /** True when the name changes: a new resource replaces the old one. */
      renamed: boolean;
      /** Only the values entry keys that differ, for an in-place edit. */
      valuesChanges: Record<string, unknown>;
    }
  | { errors: FieldError[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function differences(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [a, b] = [before[key], after[key]];
    if (isPlainObject(a) && isPlainObject(b)) {
      const inner = differences(a, b);
      if (Object.keys(inner).length) {
        changed[key] = inner;
      }
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      changed[key] = b;
    }
  }
  return changed;
}

/**
 * Plans a change to a connector created from `current`: validates the changed
 * request exactly as creation does, renders the new name by the blueprint's
 * naming rule (a new `version` renames it) and lists the values entry keys
 * that differ. An empty change or a version on a blueprint without a
 * `version` parameter is an error naming the field.
 * @public
 */
export function planConnectorEdit(
  blueprint: ConnectorBlueprint | undefined,
  current: ConnectorRequest,
  change: ConnectorEdit,
): ConnectorEditPlan {
  const before = planConnector(blueprint, current);
  if (before.errors) {
    return {
      errors: before.errors.map(error => ({
        field: `current.${error.field}`,
        message: `${error.message} (the existing connector does not match its blueprint)`,
      })),
    };
  }
  if (
    change.version !== undefined &&
    !blueprint?.parameters.properties?.version
  ) {
    return {
      errors: [
        {
          field: 'version',
          message: `blueprint '${current.blueprintId}' has no version parameter; change other fields instead`,
        },
      ],
    };
  }
  const parameters = {
    ...current.parameters,
    ...change.parameters,
    ...(change.version !== undefined ? { version: change.version } : {}),
  };
  const after = planConnector(blueprint, {
    ...current,
    parameters,
    tasksMax: change.tasksMax ?? current.tasksMax,
    state: change.state ?? current.state,
    // a renamed connector gets its own kubernetes-id unless one was pinned
    kubernetesId:
      current.kubernetesId && current.kubernetesId !== before.name
        ? current.kubernetesId
        : undefined,
  });
  if (after.errors) {
    return { errors: after.errors };
  }
  const valuesChanges = differences(before.valuesEntry, after.valuesEntry);
  if (Object.keys(valuesChanges).length === 0) {
    return {
      errors: [
        {
          field: 'change',
          message:
            'changes nothing; give a new tasksMax, state, version or parameter',
        },
      ],
    };
  }
  return {
    plan: after,
    previousName: before.name,
    renamed: after.name !== before.name,
    valuesChanges,
  };
}
