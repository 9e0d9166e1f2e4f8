import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';
import {
  causeOf,
  formatRelative,
  humanizeTimes,
  runsOn,
  sortWorstFirst,
} from './connectorDisplay';

const connector = (
  name: string,
  overrides: Partial<ConnectorSummary> = {},
): ConnectorSummary =>
  ({
    cluster: 'eu-1',
    namespace: 'orders',
    name,
    kind: 'KafkaConnector',
    health: 'healthy',
    reason: 'All 1 tasks running',
    failingTasks: [],
    ...overrides,
  } as ConnectorSummary);

const TRACE = [
  'org.apache.kafka.connect.errors.ConnectException: An exception occurred in the change event producer.',
  '\tat io.debezium.pipeline.ErrorHandler.setProducerThrowable(ErrorHandler.java:72)',
  'Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "shop"',
  '\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)',
  'Caused by: java.net.ConnectException: Connection refused',
  '\t... 12 more',
].join('\n');

describe('sortWorstFirst', () => {
  it('puts failed before unknown, degraded, pending, stopped, paused and healthy, then orders by name and cluster', () => {
    const items = [
      connector('b', { health: 'healthy' }),
      connector('paused', { health: 'paused' }),
      connector('a', { health: 'healthy', cluster: 'us-1' }),
      connector('deg', { health: 'degraded' }),
      connector('a', { health: 'healthy', cluster: 'eu-1' }),
      connector('z-failed', { health: 'failed' }),
      connector('unknown', { health: 'unknown' }),
      connector('pend', { health: 'pending' }),
      connector('stop', { health: 'stopped' }),
      connector('a-failed', { health: 'failed' }),
    ];
    expect(
      sortWorstFirst(items).map(item => `${item.name}@${item.cluster}`),
    ).toEqual([
      'a-failed@eu-1',
      'z-failed@eu-1',
      'unknown@eu-1',
      'deg@eu-1',
      'pend@eu-1',
      'stop@eu-1',
      'paused@eu-1',
      'a@eu-1',
      'a@us-1',
      'b@eu-1',
    ]);
    // A new array: the caller's order is left alone.
    expect(items[0].name).toBe('b');
  });
});

describe('causeOf', () => {
  it('is the last Caused by: of the first traced failing task, without the Java package', () => {
    expect(
      causeOf(
        connector('c', {
          health: 'degraded',
          reason: '1 of 2 tasks failed: ...',
          failingTasks: [
            { id: 0, state: 'UNASSIGNED' },
            { id: 1, state: 'FAILED', trace: TRACE },
          ],
        }),
      ),
    ).toBe('ConnectException: Connection refused');
  });

  it('is the first line of a trace without Caused by:', () => {
    expect(
      causeOf(
        connector('c', {
          health: 'failed',
          failingTasks: [
            {
              id: 0,
              state: 'FAILED',
              trace:
                'java.nio.file.FileSystemException: audit-log.txt: Too many levels of symbolic links\n\tat x',
            },
          ],
        }),
      ),
    ).toBe(
      'FileSystemException: audit-log.txt: Too many levels of symbolic links',
    );
  });

  it('is the reason when no task has a trace, and nothing for a healthy connector', () => {
    expect(
      causeOf(
        connector('c', {
          health: 'pending',
          reason: 'Connector is UNASSIGNED',
        }),
      ),
    ).toBe('Connector is UNASSIGNED');
    expect(causeOf(connector('c'))).toBe('');
  });

  it('leaves a sentence that is not a Java class name as it is', () => {
    expect(
      causeOf(
        connector('c', {
          health: 'failed',
          reason: 'Connect refused the config: e.g. this. That: no',
        }),
      ),
    ).toBe('Connect refused the config: e.g. this. That: no');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  it.each([
    [now - 20_000, 'just now'],
    [now + 20_000, 'in less than a minute'],
    [now - 5 * 60_000, '5 min ago'],
    [now + 12 * 60_000, 'in 12 min'],
    [now - (2 * 60 + 14) * 60_000, '2 h 14 min ago'],
    [now - 13 * 3_600_000, '13 h ago'],
    [now - 3 * 86_400_000, '3 d ago'],
  ])('%s reads %s', (at, text) => {
    expect(formatRelative(at, now)).toBe(text);
  });
});

describe('humanizeTimes', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  it('reads the ISO times of a reason relative to now', () => {
    expect(
      humanizeTimes(
        'Failing and retrying: automatic restart 3 at 2026-12-02T11:55:00Z; if it fails again, next attempt at 2026-12-02T12:12:00.000Z',
        now,
      ),
    ).toBe(
      'Failing and retrying: automatic restart 3 (5 min ago); if it fails again, next attempt in 12 min',
    );
    expect(humanizeTimes('due 2026-12-02T09:00:00.000000000Z', now)).toBe(
      'due (3 h ago)',
    );
    expect(humanizeTimes('no time here', now)).toBe('no time here');
  });
});

describe('runsOn', () => {
  it('names the Connect cluster and the cluster', () => {
    expect(runsOn(connector('c', { connectCluster: 'orders-connect' }))).toBe(
      'orders-connect on eu-1',
    );
    expect(runsOn(connector('c'))).toBe('— on eu-1');
  });
});
