import { useTheme } from '@material-ui/core/styles';
import type { ConnectorHealth } from '@kcs/plugin-kafka-connect-common';

/**
 * The theme's status color of a health (Backstage's StatusOK/Error/...
 * colors): one mapping for the chips, owner totals and the timeline. No
 * health (no record yet) gets the faint hover color.
 */
export function useHealthColor(): (health: ConnectorHealth | null) => string {
  const theme = useTheme();
  const status = (
    theme.palette as unknown as { status: Record<string, string> }
  ).status;
  return health => {
    switch (health) {
      case 'healthy':
        return status.ok;
      case 'failed':
        return status.error;
      case 'degraded':
      case 'unknown':
        return status.warning;
      case 'pending':
        return status.pending;
      case 'paused':
      case 'stopped':
        return status.aborted;
      default:
        return theme.palette.action.hover;
    }
  };
}
