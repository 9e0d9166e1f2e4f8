import Tooltip from '@material-ui/core/Tooltip';
import { formatExact, formatRelative } from './connectorDisplay';

/** "3 min ago" with the exact time on hover; the ISO time as the machine-readable value. */
export function RelativeTime({
  at,
  now = Date.now(),
}: {
  /** An ISO time. */
  at: string;
  now?: number;
}) {
  const time = Date.parse(at);
  if (Number.isNaN(time)) {
    return <>{at}</>;
  }
  return (
    <Tooltip title={formatExact(time)}>
      <time dateTime={at} style={{ whiteSpace: 'nowrap' }}>
        {formatRelative(time, now)}
      </time>
    </Tooltip>
  );
}
