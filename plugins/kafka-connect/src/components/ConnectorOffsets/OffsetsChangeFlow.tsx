import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ConnectorOffset,
  ConnectorSummary,
  OffsetsOperationResponse,
} from '@kcs/plugin-kafka-connect-common';
import { useState } from 'react';
import { kafkaConnectApiRef } from '../../api';
import { alterRequestFromEdits } from './offsetEdits';
import { OffsetsTable } from './OffsetsTable';

type Phase =
  | 'stop'
  | 'stopping'
  | 'ready'
  | 'working'
  | 'outcome'
  | 'resuming'
  | 'resumed';

const STEP_OF: Record<Phase, number> = {
  stop: 0,
  stopping: 0,
  ready: 1,
  working: 2,
  outcome: 3,
  resuming: 3,
  resumed: 4,
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Reset or alter, guided: Kafka Connect changes offsets only of a stopped
 * connector, so the flow offers to stop it, asks for the change (the
 * connector's name typed for a reset, the edited offsets for an
 * alteration), shows what Strimzi made of it, then offers to resume.
 */
export function OffsetsChangeFlow({
  connector,
  mirrorConnector,
  operation,
  listed,
  onBack,
  pollMs = 1000,
  stopTimeoutMs = 120_000,
}: {
  connector: ConnectorSummary;
  /** KafkaMirrorMaker2: the connector whose offsets change. */
  mirrorConnector?: string;
  operation: 'reset' | 'alter';
  listed: ConnectorOffset[];
  /** Back to the listing (which lists again). */
  onBack: () => void;
  pollMs?: number;
  stopTimeoutMs?: number;
}) {
  const api = useApi(kafkaConnectApiRef);
  // A MirrorMaker 2's connectors are stopped, changed and resumed one by one.
  const name = mirrorConnector ?? connector.name;
  const stateOf = (summary: ConnectorSummary) =>
    mirrorConnector
      ? summary.components?.find(component => component.name === name)
          ?.connectorState
      : summary.connectorState;
  const scoped = mirrorConnector ? { connector: mirrorConnector } : {};
  const ref = {
    cluster: connector.cluster,
    namespace: connector.namespace,
    name: connector.name,
    ...scoped,
  };
  const [phase, setPhase] = useState<Phase>(
    stateOf(connector) === 'STOPPED' ? 'ready' : 'stop',
  );
  const [error, setError] = useState<string>();
  const [typed, setTyped] = useState('');
  const [edits, setEdits] = useState<Record<number, string>>({});
  const [response, setResponse] = useState<OffsetsOperationResponse>();
  const verb = operation === 'reset' ? 'Reset' : 'Alter';
  const alteration = alterRequestFromEdits(listed, edits);

  const attempt = async (
    during: Phase,
    after: Phase,
    from: Phase,
    fn: () => Promise<void>,
  ) => {
    setError(undefined);
    setPhase(during);
    try {
      await fn();
      setPhase(after);
    } catch (caught) {
      setError((caught as Error).message);
      setPhase(from);
    }
  };
  const stop = () =>
    attempt('stopping', 'ready', 'stop', async () => {
      await api.runConnectorAction(connector, { action: 'stop', ...scoped });
      const deadline = Date.now() + stopTimeoutMs;
      while (stateOf(await api.getConnector(connector)) !== 'STOPPED') {
        if (Date.now() > deadline) {
          throw new Error(
            `${name} did not report STOPPED within ${Math.round(
              stopTimeoutMs / 1000,
            )} s; is the operator running?`,
          );
        }
        await sleep(pollMs);
      }
    });
  const change = () =>
    attempt('working', 'outcome', 'ready', async () => {
      setResponse(
        operation === 'reset'
          ? await api.resetConnectorOffsets(ref)
          : await api.alterConnectorOffsets(ref, alteration.request!),
      );
    });
  const resume = () =>
    attempt('resuming', 'resumed', 'outcome', async () => {
      await api.runConnectorAction(connector, { action: 'resume', ...scoped });
    });

  const outcome = response?.outcome;
  return (
    <Box data-testid={`offsets-${operation}-flow`}>
      <Stepper activeStep={STEP_OF[phase]} alternativeLabel>
        {[
          'Stop the connector',
          operation === 'reset' ? 'Confirm' : 'Edit offsets',
          verb,
          'Resume',
        ].map(label => (
          <Step key={label}>
            <StepLabel>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {error && (
        <Alert severity="error" data-testid="offsets-error">
          {error}
        </Alert>
      )}
      {(phase === 'stop' || phase === 'stopping') && (
        <Box my={2}>
          <Typography paragraph>
            Kafka Connect changes offsets only of a stopped connector; {name} is{' '}
            {stateOf(connector) ?? 'not stopped'}. Stop it first: it runs no
            tasks until it is resumed.
          </Typography>
          <Button
            variant="contained"
            color="primary"
            disabled={phase === 'stopping'}
            onClick={stop}
            startIcon={
              phase === 'stopping' ? <CircularProgress size={14} /> : undefined
            }
          >
            {phase === 'stopping' ? `Stopping ${name}…` : `Stop ${name}`}
          </Button>
        </Box>
      )}
      {phase === 'ready' && operation === 'reset' && (
        <Box my={2}>
          <Typography paragraph>
            Resetting removes every committed offset of {name}: a sink consumes
            its topics again from the start (or as its consumer's
            auto.offset.reset says), a source reads its data again. Type the
            connector's name to confirm.
          </Typography>
          <TextField
            id={`offsets-confirm-${connector.cluster}-${connector.namespace}-${name}`}
            fullWidth
            label="Connector name"
            placeholder={name}
            value={typed}
            onChange={event => setTyped(event.target.value)}
          />
          <Box mt={2}>
            <Button
              variant="contained"
              color="secondary"
              disabled={typed !== name}
              onClick={change}
            >
              Reset offsets
            </Button>
          </Box>
        </Box>
      )}
      {phase === 'ready' && operation === 'alter' && (
        <Box my={2}>
          <Typography paragraph>
            Edit the offsets to change; only changed partitions are sent. null
            removes a partition's offset.
          </Typography>
          <OffsetsTable
            offsets={listed}
            mirrorMaker2={Boolean(mirrorConnector)}
            edits={edits}
            errors={alteration.errors}
            onEdit={(index, text) => setEdits({ ...edits, [index]: text })}
          />
          <Box mt={2}>
            <Button
              variant="contained"
              color="secondary"
              disabled={!alteration.request}
              onClick={change}
            >
              Alter offsets
            </Button>
          </Box>
        </Box>
      )}
      {phase === 'working' && (
        <Box my={2} display="flex" alignItems="center" style={{ gap: 8 }}>
          <CircularProgress size={16} />
          <Typography>
            Waiting for Strimzi to {operation} the offsets of {name}…
          </Typography>
        </Box>
      )}
      {outcome && STEP_OF[phase] >= 3 && (
        <Box my={2}>
          {outcome.state === 'done' && (
            <Alert severity="success" data-testid="offsets-outcome">
              Strimzi {operation === 'reset' ? 'reset' : 'altered'} the offsets
              of {name}.{' '}
              {phase === 'resumed'
                ? `${name} is resuming.`
                : `${name} stays stopped until you resume it.`}
            </Alert>
          )}
          {outcome.state === 'failed' && (
            <Alert severity="error" data-testid="offsets-outcome">
              Strimzi could not {operation} the offsets ({outcome.reason}):{' '}
              {outcome.message}
            </Alert>
          )}
          {outcome.state === 'pending' && (
            <Alert severity="warning" data-testid="offsets-outcome">
              The operator has not acted on the request yet; it stays on the{' '}
              {connector.kind} and Strimzi will act at its next reconciliation.
            </Alert>
          )}
          {response?.warnings?.map(warning => (
            <Alert key={warning} severity="warning">
              {warning}
            </Alert>
          ))}
          <Box mt={2} display="flex" style={{ gap: 8 }}>
            {phase !== 'resumed' && (
              <Button
                variant="contained"
                color="primary"
                disabled={phase === 'resuming'}
                onClick={resume}
              >
                {phase === 'resuming' ? 'Resuming…' : `Resume ${name}`}
              </Button>
            )}
            <Button onClick={onBack}>Back to the offsets</Button>
          </Box>
        </Box>
      )}
      {STEP_OF[phase] < 3 && (
        <Button onClick={onBack} disabled={phase === 'working'}>
          Cancel
        </Button>
      )}
    </Box>
  );
}
