import { Link } from '@backstage/core-components';
import {
  alertApiRef,
  configApiRef,
  useApi,
  useApiHolder,
} from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import IconButton from '@material-ui/core/IconButton';
import Menu from '@material-ui/core/Menu';
import TextField from '@material-ui/core/TextField';
import MenuItem from '@material-ui/core/MenuItem';
import Tooltip from '@material-ui/core/Tooltip';
import MoreVertIcon from '@material-ui/icons/MoreVert';
import Alert from '@material-ui/lab/Alert';
import {
  ConnectorAction,
  ConnectorSummary,
  formatResourceRef,
  kafkaConnectOperatePermission,
  SPEC_CHANGING_ACTIONS,
} from '@kcs/plugin-kafka-connect-common';
import { useState } from 'react';
import { kafkaConnectApiRef } from '../api';
import { changeTemplateLink } from './changeTemplate';

/** A menu entry: the operation, its label, and whether it needs confirming. */
interface ActionChoice {
  label: string;
  action: ConnectorAction;
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
    choices.push({ label: 'Stop', action: { action: 'stop' } });
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

/** The same bounds the backend and the blueprints use for tasksMax. */
const TASKS_MAX = { min: 1, max: 1000 };

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

function describe(action: ConnectorAction): string {
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

/**
 * Runs operations on one connector under the operate permission: whether
 * the user may, whether one is in flight, and the outcome as an alert.
 */
export function useConnectorOperations(
  connector: ConnectorSummary,
  onDone?: () => void,
) {
  const api = useApi(kafkaConnectApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed, loading } = usePermission({
    permission: kafkaConnectOperatePermission,
    resourceRef: formatResourceRef(connector),
  });
  const [pending, setPending] = useState<ConnectorAction>();
  const run = async (action: ConnectorAction) => {
    setPending(action);
    try {
      const response = await api.runConnectorAction(connector, action);
      alertApi.post({
        message: `${describe(action)} of ${connector.name} accepted${
          response.generation !== undefined
            ? ` (generation ${response.generation})`
            : ''
        }; waiting for the operator${
          response.queued && response.queued.length > 0
            ? `. This Strimzi restarts tasks one at a time; next, as the operator acts: ${response.queued.join(
                ', ',
              )}`
            : ''
        }`,
        severity: 'success',
        display: 'transient',
      });
      onDone?.();
    } catch (error) {
      alertApi.post({
        message: `${describe(action)} of ${connector.name} failed: ${
          (error as Error).message
        }`,
        severity: 'error',
      });
    } finally {
      setPending(undefined);
    }
  };
  const deniedReason = loading
    ? 'Checking your permission…'
    : `Only the owner of ${connector.name}${
        connector.owner ? ` (${connector.owner})` : ''
      } and admins can operate it`;
  return { allowed, deniedReason, pending, run };
}

/** A disabled control keeps its tooltip only inside an element that gets the mouse. */
function Denied({
  reason,
  children,
}: {
  reason: string;
  children: React.ReactElement;
}) {
  return (
    <Tooltip title={reason}>
      <span>{children}</span>
    </Tooltip>
  );
}

/** The actions menu of one connector, for its card row and its tab row. */
export function ConnectorActions({
  connector,
  onDone,
}: {
  connector: ConnectorSummary;
  onDone?: () => void;
}) {
  const { allowed, deniedReason, pending, run } = useConnectorOperations(
    connector,
    onDone,
  );
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [confirming, setConfirming] = useState<ActionChoice>();
  const [scaling, setScaling] = useState<string>();
  const config = useApiHolder().get(configApiRef);
  const choices = actionChoices(connector);
  const warning = gitOpsWarning(connector);
  // Spec changes to a GitOps-managed connector belong in Git: offer the
  // change template as a pull request; others scale here, directly.
  const isConnector = connector.kind === 'KafkaConnector';
  const pullRequestLink =
    isConnector && connector.gitOps
      ? changeTemplateLink(
          connector,
          config?.getOptionalString('kafkaConnect.frontend.changeTemplatePath'),
        )
      : undefined;
  const canScale = isConnector && !connector.gitOps;
  const scaleProblem =
    scaling === undefined ? undefined : tasksMaxProblem(scaling);

  const choose = (choice: ActionChoice) => {
    setAnchor(null);
    const changesSpec = SPEC_CHANGING_ACTIONS.includes(choice.action.action);
    if (choice.action.action === 'stop' || (warning && changesSpec)) {
      setConfirming(choice);
    } else {
      run(choice.action);
    }
  };

  const label = `Actions for ${connector.name}`;
  const button = (
    <IconButton
      aria-label={label}
      size="small"
      disabled={
        !allowed ||
        Boolean(pending) ||
        (choices.length === 0 && !canScale && !pullRequestLink)
      }
      onClick={event => setAnchor(event.currentTarget)}
    >
      <MoreVertIcon />
    </IconButton>
  );
  return (
    <Box display="inline-flex" alignItems="center">
      {allowed ? button : <Denied reason={deniedReason}>{button}</Denied>}
      {pending && (
        <CircularProgress
          size={16}
          aria-label={`${describe(pending)} of ${connector.name} in progress`}
        />
      )}
      <Menu
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
      >
        {choices.map(choice => (
          <MenuItem key={choice.label} onClick={() => choose(choice)}>
            {choice.label}
          </MenuItem>
        ))}
        {canScale && (
          <MenuItem
            onClick={() => {
              setAnchor(null);
              setScaling(String(connector.tasksMax ?? connector.tasks.total));
            }}
          >
            Scale tasks…
          </MenuItem>
        )}
        {pullRequestLink && (
          <MenuItem component={Link} to={pullRequestLink}>
            Change through a pull request
          </MenuItem>
        )}
      </Menu>
      <Dialog
        open={scaling !== undefined}
        onClose={() => setScaling(undefined)}
      >
        <DialogTitle>Scale {connector.name}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Sets tasksMax through the KafkaConnector's scale subresource; Kafka
            Connect may run fewer tasks if the connector cannot use them all.
          </DialogContentText>
          <TextField
            id={`scale-${connector.cluster}-${connector.namespace}-${connector.name}`}
            fullWidth
            label="tasksMax"
            type="number"
            inputProps={{ min: TASKS_MAX.min, max: TASKS_MAX.max }}
            value={scaling ?? ''}
            onChange={event => setScaling(event.target.value)}
            error={Boolean(scaleProblem)}
            helperText={
              scaleProblem ??
              `Now ${connector.tasksMax ?? connector.tasks.total}`
            }
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setScaling(undefined)}>Cancel</Button>
          <Button
            color="primary"
            disabled={Boolean(scaleProblem)}
            onClick={() => {
              const tasksMax = Number(scaling!.trim());
              setScaling(undefined);
              run({ action: 'scale', tasksMax });
            }}
          >
            Scale
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog
        open={Boolean(confirming)}
        onClose={() => setConfirming(undefined)}
      >
        <DialogTitle>
          {confirming?.label} {connector.name}?
        </DialogTitle>
        <DialogContent>
          {confirming?.action.action === 'stop' && (
            <DialogContentText>
              A stopped connector runs no tasks and keeps no assignment until it
              is resumed.
            </DialogContentText>
          )}
          {warning && (
            <Alert severity="warning" data-testid="gitops-warning">
              {warning}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(undefined)}>Cancel</Button>
          <Button
            color="primary"
            onClick={() => {
              const choice = confirming!;
              setConfirming(undefined);
              run(choice.action);
            }}
          >
            {confirming?.label}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

/** "Restart" next to one failed task (of a KafkaConnector, or of one connector of a KafkaMirrorMaker2). */
export function RestartTaskButton({
  connector,
  taskId,
  mirrorConnector,
  onDone,
}: {
  connector: ConnectorSummary;
  taskId: number;
  /** KafkaMirrorMaker2: the name of the connector the task belongs to. */
  mirrorConnector?: string;
  onDone?: () => void;
}) {
  const { allowed, deniedReason, pending, run } = useConnectorOperations(
    connector,
    onDone,
  );
  const button = (
    <Button
      size="small"
      disabled={!allowed || Boolean(pending)}
      onClick={() =>
        run({
          action: 'restart-task',
          taskId,
          ...(mirrorConnector ? { connector: mirrorConnector } : {}),
        })
      }
      startIcon={pending ? <CircularProgress size={12} /> : undefined}
    >
      Restart {mirrorConnector ? `${mirrorConnector} ` : ''}task {taskId}
    </Button>
  );
  return allowed ? button : <Denied reason={deniedReason}>{button}</Denied>;
}
