import Typography from '@material-ui/core/Typography';
import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';

/** The Connect cluster, and below it the cluster and namespace: two short lines instead of one wide one. */
export function ConnectClusterCell({ item }: { item: ConnectorSummary }) {
  return (
    <>
      <Typography variant="body2" style={{ whiteSpace: 'nowrap' }}>
        {item.connectCluster ?? '—'}
      </Typography>
      <Typography
        variant="caption"
        color="textSecondary"
        style={{ whiteSpace: 'nowrap' }}
      >
        on {item.cluster} · {item.namespace}
      </Typography>
    </>
  );
}
