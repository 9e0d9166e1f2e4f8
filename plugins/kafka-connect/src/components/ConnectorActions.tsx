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
import { ConnectorOffsetsDialog } from './ConnectorOffsets/ConnectorOffsetsDialog';
import {
  ActionChoice,
  TASKS_MAX,
  actionChoices,
  describe,
  gitOpsWarning,
  offsetsChoices,
  tasksMaxProblem,
} from './connectorActionChoices';

export { actionChoices, gitOpsWarning, tasksMaxProblem };

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
  // Whose offsets the dialog shows: the connector, or one MirrorMaker 2 connector.
  const [offsetsOf, setOffsetsOf] = useState<{ mirrorConnector?: string }>();
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
        (choices.length === 0 &&
          !canScale &&
          !pullRequestLink &&
          Boolean(connector.offsetsUnsupported))
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
        {choices.map(choice =>
          choice.disabledReason ? (
            <Tooltip key={choice.label} title={choice.disabledReason}>
              <span>
                <MenuItem disabled>{choice.label}</MenuItem>
              </span>
            </Tooltip>
          ) : (
            <MenuItem key={choice.label} onClick={() => choose(choice)}>
              {choice.label}
            </MenuItem>
          ),
        )}
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
        {connector.offsetsUnsupported ? (
          <Tooltip title={connector.offsetsUnsupported}>
            <span>
              <MenuItem disabled>Offsets…</MenuItem>
            </span>
          </Tooltip>
        ) : (
          offsetsChoices(connector).map(choice => (
            <MenuItem
              key={choice.label}
              onClick={() => {
                setAnchor(null);
                setOffsetsOf(choice.subject);
              }}
            >
              {choice.label}
            </MenuItem>
          ))
        )}
        {pullRequestLink && (
          <MenuItem component={Link} to={pullRequestLink}>
            Change through a pull request
          </MenuItem>
        )}
      </Menu>
      {offsetsOf && (
        <ConnectorOffsetsDialog
          connector={connector}
          mirrorConnector={offsetsOf.mirrorConnector}
          open
          onClose={() => {
            setOffsetsOf(undefined);
            onDone?.();
          }}
        />
      )}
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
