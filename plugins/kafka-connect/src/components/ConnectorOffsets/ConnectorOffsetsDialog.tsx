import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ConnectorOffsetsResponse,
  ConnectorSummary,
} from '@kcs/plugin-kafka-connect-common';
import { useCallback, useEffect, useState } from 'react';
import { kafkaConnectApiRef } from '../../api';
import { OffsetsChangeFlow } from './OffsetsChangeFlow';
import { OffsetsTable } from './OffsetsTable';

/**
 * A connector's offsets as Strimzi lists them (annotation `list`, then the
 * listOffsets ConfigMap), with "List again", and the reset and alter flows.
 * A failed listing keeps the last good one on screen. For a MirrorMaker 2,
 * `mirrorConnector` names which of its connectors.
 */
export function ConnectorOffsetsDialog({
  connector,
  mirrorConnector,
  open,
  onClose,
  pollMs,
}: {
  connector: ConnectorSummary;
  /** KafkaMirrorMaker2: the connector whose offsets these are. */
  mirrorConnector?: string;
  open: boolean;
  onClose: () => void;
  /** How often the flows poll the connector's state (tests shorten it). */
  pollMs?: number;
}) {
  const api = useApi(kafkaConnectApiRef);
  const [listing, setListing] = useState<ConnectorOffsetsResponse>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [flow, setFlow] = useState<'reset' | 'alter'>();

  // The card polls and hands over a new summary object each time: the
  // listing and the flow belong to the connector's identity, not to it.
  const { cluster, namespace, name } = connector;
  const list = useCallback(async () => {
    setLoading(true);
    setError(undefined);
    try {
      setListing(
        await api.getConnectorOffsets({
          cluster,
          namespace,
          name,
          ...(mirrorConnector ? { connector: mirrorConnector } : {}),
        }),
      );
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setLoading(false);
    }
  }, [api, cluster, namespace, name, mirrorConnector]);

  useEffect(() => {
    if (open) {
      setFlow(undefined);
      void list();
    }
  }, [open, list]);

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>
        Offsets of {mirrorConnector ?? connector.name}
        {mirrorConnector && (
          <Typography variant="body2" color="textSecondary" component="span">
            {' '}
            in KafkaMirrorMaker2 {connector.name}
          </Typography>
        )}
      </DialogTitle>
      <DialogContent>
        {flow ? (
          <OffsetsChangeFlow
            connector={connector}
            mirrorConnector={mirrorConnector}
            operation={flow}
            listed={listing?.offsets ?? []}
            pollMs={pollMs}
            onBack={() => {
              setFlow(undefined);
              void list();
            }}
          />
        ) : (
          <>
            {error && (
              <Alert severity="error" data-testid="offsets-list-error">
                Listing the offsets failed: {error}
              </Alert>
            )}
            {loading && (
              <Box display="flex" alignItems="center" my={1} style={{ gap: 8 }}>
                <CircularProgress size={16} />
                <Typography variant="body2">
                  Asking Strimzi to list the offsets…
                </Typography>
              </Box>
            )}
            {listing?.warnings?.map(warning => (
              <Alert key={warning} severity="warning">
                {warning}
              </Alert>
            ))}
            {listing && (
              <>
                <Typography variant="body2" color="textSecondary" paragraph>
                  Listed{' '}
                  <time dateTime={listing.listedAt}>
                    {new Date(listing.listedAt).toLocaleString()}
                  </time>{' '}
                  by Strimzi into ConfigMap {listing.configMap}.
                </Typography>
                <OffsetsTable
                  offsets={listing.offsets}
                  mirrorMaker2={Boolean(mirrorConnector)}
                />
              </>
            )}
          </>
        )}
      </DialogContent>
      {!flow && (
        <DialogActions>
          <Button onClick={() => void list()} disabled={loading}>
            List again
          </Button>
          <Button
            onClick={() => setFlow('alter')}
            disabled={!listing || listing.offsets.length === 0}
          >
            Alter offsets…
          </Button>
          <Button onClick={() => setFlow('reset')} disabled={!listing}>
            Reset offsets…
          </Button>
          <Button color="primary" onClick={onClose}>
            Close
          </Button>
        </DialogActions>
      )}
    </Dialog>
  );
}
