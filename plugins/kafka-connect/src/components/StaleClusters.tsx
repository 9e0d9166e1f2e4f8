import Alert from '@material-ui/lab/Alert';
import type { ClusterSyncState } from '@kcs/plugin-kafka-connect-common';

function ago(iso: string | undefined, now: number): string {
  if (!iso) {
    return 'no data yet';
  }
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  return minutes < 1
    ? 'data from less than a minute ago'
    : `data from ${minutes} min ago`;
}

/** One warning per cluster the backend cannot currently reach; the others stay visible. */
export function StaleClusters({ clusters }: { clusters: ClusterSyncState[] }) {
  const now = Date.now();
  return (
    <>
      {clusters
        .filter(cluster => !cluster.synced)
        .map(cluster => (
          <Alert
            key={cluster.name}
            severity="warning"
            style={{ marginBottom: 8 }}
          >
            Cluster {cluster.name} unreachable
            {cluster.error ? ` (${cluster.error})` : ''},{' '}
            {ago(cluster.lastSyncAt, now)}
          </Alert>
        ))}
    </>
  );
}
