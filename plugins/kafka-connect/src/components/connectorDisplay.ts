import { CONNECTOR_HEALTHS, rootCause } from '@kcs/plugin-kafka-connect-common';
import type {
  ConnectorHealth,
  ConnectorSummary,
} from '@kcs/plugin-kafka-connect-common';

/** Every health, worst first: the order rows and chips are read in. */
export const HEALTHS_WORST_FIRST: readonly ConnectorHealth[] = [
  ...CONNECTOR_HEALTHS,
].reverse();

const severity = (health: ConnectorHealth) => CONNECTOR_HEALTHS.indexOf(health);

/** Connectors worst health first, then by name, cluster and namespace; a new array. */
export function sortWorstFirst<T extends ConnectorSummary>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      severity(b.health) - severity(a.health) ||
      a.name.localeCompare(b.name) ||
      a.cluster.localeCompare(b.cluster) ||
      a.namespace.localeCompare(b.namespace),
  );
}

/** `org.apache.kafka.connect.errors.ConnectException: x` reads `ConnectException: x`. */
function withoutJavaPackage(line: string): string {
  return line.replace(/^(?:[a-z_$][\w$]*\.)+([A-Z][\w$]*(?::|$))/, '$1');
}

/**
 * What went wrong at the bottom, in one line: the root cause (last
 * `Caused by:`) of the first failing task's trace, else the health's reason.
 * Nothing for a healthy connector. Java package names are dropped from the
 * exception class; the full trace stays in the details.
 */
export function causeOf(item: ConnectorSummary): string {
  if (item.health === 'healthy') {
    return '';
  }
  const traced = item.failingTasks.find(task => task.trace);
  const cause = traced ? rootCause(traced.trace) : '';
  return withoutJavaPackage(cause || item.reason);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 min ago", "in 2 h", "just now": a time relative to `now`. */
export function formatRelative(at: number, now: number): string {
  const delta = at - now;
  const span = Math.abs(delta);
  if (span < MINUTE) {
    return delta > 0 ? 'in less than a minute' : 'just now';
  }
  let amount: string;
  if (span < HOUR) {
    amount = `${Math.floor(span / MINUTE)} min`;
  } else if (span < DAY) {
    const hours = Math.floor(span / HOUR);
    const minutes = Math.floor((span % HOUR) / MINUTE);
    amount = minutes && hours < 10 ? `${hours} h ${minutes} min` : `${hours} h`;
  } else {
    amount = `${Math.floor(span / DAY)} d`;
  }
  return delta > 0 ? `in ${amount}` : `${amount} ago`;
}

/** The exact time, for a tooltip: "2 Dec 2026, 02:42:31" in the reader's locale. */
export function formatExact(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
}

const ISO_TIME =
  /\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)/g;

/**
 * A reason with its ISO times (the backend writes them for machines) read as
 * relative times: "next attempt at 2026-03-01T10:12:00Z" becomes "next
 * attempt in 4 min", "restart 3 at <past time>" becomes "restart 3 (5 min ago)".
 */
export function humanizeTimes(text: string, now: number): string {
  return text.replace(
    new RegExp(`(\\bat\\s+)?(${ISO_TIME.source})`, 'g'),
    (match, preposition: string | undefined, iso: string) => {
      const at = Date.parse(iso);
      if (Number.isNaN(at)) {
        return match;
      }
      const relative = formatRelative(at, now);
      // "at in 4 min" and "at 3 min ago" read badly: the relative time says when.
      return preposition && at > now ? relative : `(${relative})`;
    },
  );
}

/** Where a connector runs: "orders-connect on eu-1". */
export function runsOn(item: ConnectorSummary): string {
  return `${item.connectCluster ?? '—'} on ${item.cluster}`;
}

/** Connectors per health. */
export function countByHealth(
  items: ReadonlyArray<{ health: ConnectorHealth }>,
): Partial<Record<ConnectorHealth, number>> {
  const counts: Partial<Record<ConnectorHealth, number>> = {};
  for (const item of items) {
    counts[item.health] = (counts[item.health] ?? 0) + 1;
  }
  return counts;
}
