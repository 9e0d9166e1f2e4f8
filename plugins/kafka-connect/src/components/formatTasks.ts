import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';

/** "running/total", plus failed and paused counts when there are any. */
export function formatTasks(item: ConnectorSummary): string {
  const parts = [`${item.tasks.running}/${item.tasks.total}`];
  if (item.tasks.failed > 0) {
    parts.push(`${item.tasks.failed} failed`);
  }
  if (item.tasks.paused > 0) {
    parts.push(`${item.tasks.paused} paused`);
  }
  return parts.join(', ');
}
