/** What the actions menu offers for a connector, and how it names an operation: pure, no React. */
import {
  ConnectorAction,
  ConnectorSummary,
} from '@kcs/plugin-kafka-connect-common';

/** A menu entry: the operation, its label, and whether it needs confirming. */
export interface ActionChoice {
  label: string;
  action: ConnectorAction;
  /** Why the entry is shown disabled (the cluster cannot do it), when it is. */
  disabledReason?: string;
}

const GITOPS_TOOLS = { argocd: 'Argo CD', flux: 'Flux' } as const;

/** Why a spec change will not last, for connectors a GitOps tool applies. */
export function gitOpsWarning(connector: ConnectorSummary): string | undefined {
  if (!connector.gitOps) {
    return undefined;
  }
  const tool = GITOPS_TOOLS[connector.gitOps.tool];
  return `${connector.name} is managed by ${tool}${
    connector.gitOps.name ? ` (${connector.gitOps.name})` : ''
  }: a spec change made here will be reverted by GitOps on its next sync. Change it in Git instead; restarts are safe.`;
}

/** Strimzi before 0.38 cannot stop a connector: the entry stays, saying why. */
function stopDisabled(connector: ConnectorSummary): Partial<ActionChoice> {
  return connector.stopUnsupported
    ? { disabledReason: connector.stopUnsupported }
    : {};
}

/** The operations a MirrorMaker 2 connector offers: restarts, and its own state and automatic restart when its spec names it. */
function mirrorMaker2Choices(connector: ConnectorSummary): ActionChoice[] {
  return (connector.components ?? []).flatMap(component => {
    const name = component.name;
    const choices: ActionChoice[] = [
      {
        label: `Restart ${name}`,
        action: { action: 'restart', connector: name },
      },
      {
        label: `Restart ${name} and its tasks`,
        action: { action: 'restart', connector: name, includeTasks: true },
      },
    ];
    // A backend of an earlier release sends components without these fields.
    if (
      (component.tasks?.failed ?? 0) > 0 ||
      component.connectorState === 'FAILED'
    ) {
      choices.push({
        label: `Restart failed tasks of ${name}`,
        action: {
          action: 'restart',
          connector: name,
          includeTasks: true,
          onlyFailed: true,
        },
      });
    }
    if (!component.inSpec) {
      return choices;
    }
    choices.push(
      component.desiredState === 'running'
        ? {
            label: `Pause ${name}`,
            action: { action: 'pause', connector: name },
          }
        : {
            label: `Resume ${name}`,
            action: { action: 'resume', connector: name },
          },
    );
    if (component.desiredState !== 'stopped') {
      choices.push({
        label: `Stop ${name}`,
        action: { action: 'stop', connector: name },
        ...stopDisabled(connector),
      });
    }
    const enabled = component.autoRestart?.enabled ?? false;
    choices.push({
      label: `Turn automatic restart ${enabled ? 'off' : 'on'} for ${name}`,
      action: { action: 'auto-restart', connector: name, enabled: !enabled },
    });
    return choices;
  });
}

/** The operations a connector offers in its current state. */
export function actionChoices(connector: ConnectorSummary): ActionChoice[] {
  if (connector.kind === 'KafkaMirrorMaker2') {
    return mirrorMaker2Choices(connector);
  }
  const desired = connector.desiredState ?? 'running';
  const choices: ActionChoice[] = [];
  if (desired === 'running') {
    choices.push({ label: 'Pause', action: { action: 'pause' } });
  } else {
    choices.push({ label: 'Resume', action: { action: 'resume' } });
  }
  if (desired !== 'stopped') {
    choices.push({
      label: 'Stop',
      action: { action: 'stop' },
      ...stopDisabled(connector),
    });
  }
  choices.push(
    { label: 'Restart connector', action: { action: 'restart' } },
    {
      label: 'Restart connector and tasks',
      action: { action: 'restart', includeTasks: true },
    },
  );
  if (connector.tasks.failed > 0 || connector.connectorState === 'FAILED') {
    choices.push({
      label: 'Restart failed tasks',
      action: { action: 'restart', includeTasks: true, onlyFailed: true },
    });
  }
  const enabled = connector.autoRestart?.enabled ?? false;
  choices.push({
    label: `Turn automatic restart ${enabled ? 'off' : 'on'}`,
    action: { action: 'auto-restart', enabled: !enabled },
  });
  return choices;
}

/**
 * The Offsets entries of the menu: one for a KafkaConnector; for a
 * KafkaMirrorMaker2 one per connector its spec configures (Strimzi manages
 * each one's offsets on its own).
 */
export function offsetsChoices(
  connector: ConnectorSummary,
): { label: string; subject: { mirrorConnector?: string } }[] {
  if (connector.kind !== 'KafkaMirrorMaker2') {
    return [{ label: 'Offsets…', subject: {} }];
  }
  return (connector.components ?? [])
    .filter(component => component.inSpec)
    .map(component => ({
      label: `Offsets of ${component.name}…`,
      subject: { mirrorConnector: component.name },
    }));
}

/** The same bounds the backend and the blueprints use for tasksMax. */
export const TASKS_MAX = { min: 1, max: 1000 };

/** Why a typed tasksMax cannot be applied, or undefined when it can. */
export function tasksMaxProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^[0-9]+$/.test(trimmed)) {
    return 'Enter a whole number of tasks';
  }
  const value = Number(trimmed);
  if (value < TASKS_MAX.min || value > TASKS_MAX.max) {
    return `Enter a number from ${TASKS_MAX.min} to ${TASKS_MAX.max}`;
  }
  return undefined;
}

export function describe(action: ConnectorAction): string {
  const of =
    'connector' in action && action.connector ? ` of ${action.connector}` : '';
  switch (action.action) {
    case 'restart-task':
      return `Restart of task ${action.taskId}${of}`;
    case 'scale':
      return `Scaling to ${action.tasksMax} tasks`;
    case 'auto-restart':
      return `Turning automatic restart ${action.enabled ? 'on' : 'off'}${
        action.connector ? ` for ${action.connector}` : ''
      }`;
    default:
      return `${action.action[0].toUpperCase()}${action.action.slice(1)}${of}`;
  }
}
