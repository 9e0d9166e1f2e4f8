import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { ConnectorHealth } from '@kcs/plugin-kafka-connect-common';

/** A connector's health with Backstage's status indicators. */
export function ConnectorHealthStatus({ health }: { health: ConnectorHealth }) {
  switch (health) {
    case 'healthy':
      return <StatusOK>healthy</StatusOK>;
    case 'degraded':
      return <StatusWarning>degraded</StatusWarning>;
    case 'failed':
      return <StatusError>failed</StatusError>;
    case 'paused':
      return <StatusAborted>paused</StatusAborted>;
    case 'stopped':
      return <StatusAborted>stopped</StatusAborted>;
    case 'pending':
      return <StatusPending>pending</StatusPending>;
    default:
      return <StatusWarning>unknown</StatusWarning>;
  }
}
