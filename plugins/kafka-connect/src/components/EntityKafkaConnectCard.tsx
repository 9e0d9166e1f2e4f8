import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Skeleton from '@material-ui/lab/Skeleton';
import type { ConnectorHealth } from '@kcs/plugin-kafka-connect-common';
import { useMemo, useState } from 'react';
import { countByHealth, sortWorstFirst } from './connectorDisplay';
import { ConnectorRows } from './ConnectorRows';
import { HealthChips } from './HealthChips';
import { StaleClusters } from './StaleClusters';
import { useEntityConnectors } from './useEntityConnectors';

export { formatTasks } from './formatTasks';

export const HOW_TO_LINK = `Label KafkaConnector resources with backstage.io/kubernetes-id: <this entity's name>, or add the annotation kafka-connect.dev/connector: <cluster>/<namespace>/<name> (or backstage.io/kubernetes-label-selector) to this entity. Group pages list connectors whose kafka-connect.dev/owner names the group.`;

/**
 * The "Kafka connectors" card of an entity page: health chips that filter,
 * then one line per connector, worst first, each opening to its details.
 * @public
 */
export function EntityKafkaConnectCard() {
  const { entity } = useEntity();
  const { data, error, loading, refresh } = useEntityConnectors(
    stringifyEntityRef(entity),
  );
  const [health, setHealth] = useState<ConnectorHealth>();
  const sorted = useMemo(
    () => (data ? sortWorstFirst(data.items) : []),
    [data],
  );

  const action = (
    <Tooltip title="Refresh">
      <IconButton aria-label="Refresh" onClick={refresh} disabled={loading}>
        <RefreshIcon />
      </IconButton>
    </Tooltip>
  );

  let content;
  if (!data && error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!data) {
    content = (
      <Box data-testid="kafka-connect-loading">
        {[0, 1, 2].map(row => (
          <Skeleton key={row} variant="text" height={32} />
        ))}
      </Box>
    );
  } else if (data.items.length === 0) {
    content = (
      <>
        <StaleClusters clusters={data.clusters} />
        <EmptyState
          missing="data"
          title="No Kafka connectors linked to this entity"
          description={HOW_TO_LINK}
        />
      </>
    );
  } else {
    const byHealth = countByHealth(data.items);
    // A chip whose connectors all recovered shows everything again.
    const selected = health && byHealth[health] ? health : undefined;
    content = (
      <>
        <StaleClusters clusters={data.clusters} />
        <Box mb={1}>
          <HealthChips
            testId="kafka-connect-summary"
            total={data.items.length}
            byHealth={byHealth}
            selected={selected}
            onSelect={setHealth}
          />
        </Box>
        <ConnectorRows
          items={
            selected ? sorted.filter(item => item.health === selected) : sorted
          }
          onDone={refresh}
        />
        {error && (
          <Box mt={1}>
            <Typography variant="caption" color="error">
              Refresh failed ({error.message}); showing the last data.
            </Typography>
          </Box>
        )}
      </>
    );
  }
  return (
    <InfoCard title="Kafka connectors" action={action}>
      {content}
    </InfoCard>
  );
}
