import type { ConnectorHealth, ConnectorSummary } from '../api';
import {
  describeHealthCounts,
  NO_OWNER,
  queryConnectors,
} from './queryConnectors';
import {
  connectorQueryParams,
  parseConnectorQuery,
} from './parseConnectorQuery';

const summary = (
  name: string,
  health: ConnectorHealth,
  extra: Partial<ConnectorSummary> = {},
): ConnectorSummary =>
  ({
    kind: 'KafkaConnector',
    cluster: 'eu-1',
    namespace: 'orders',
    name,
    health,
    entityRef: `resource:default/${name}`,
    apiVersion: 'kafka.strimzi.io/v1',
    labels: {},
    stale: false,
    ...extra,
  } as ConnectorSummary);

const all = [
  summary('orders-sink', 'healthy', { owner: 'group:default/team-a' }),
  summary('billing-sink', 'failed', {
    owner: 'group:default/team-b',
    reason: 'Task 0 FAILED: broker down',
  }),
  summary('audit-source', 'degraded', { cluster: 'us-1' }),
  summary('zeta', 'failed', { owner: 'group:default/Team-A' }),
];
const names = (items: ConnectorSummary[]) => items.map(item => item.name);

describe('queryConnectors', () => {
  it('answers everything, in the given order, without a query', () => {
    const result = queryConnectors(all, {});
    expect(names(result.items)).toEqual(names(all));
    expect(result).toMatchObject({
      total: 4,
      offset: 0,
      byHealth: { healthy: 1, failed: 2, degraded: 1 },
      owners: [
        'group:default/Team-A',
        'group:default/team-a',
        'group:default/team-b',
      ],
    });
  });

  it("counts every connector per owner and health, whatever the filters, nobody's under none", () => {
    const expected = {
      'group:default/team-a': { healthy: 1 },
      'group:default/team-b': { failed: 1 },
      'group:default/Team-A': { failed: 1 },
      [NO_OWNER]: { degraded: 1 },
    };
    expect(queryConnectors(all, {}).byOwner).toEqual(expected);
    const filtered = queryConnectors(all, {
      health: 'failed',
      cluster: 'eu-1',
      owner: 'group:default/team-b',
      limit: 1,
    });
    expect(filtered.total).toBe(1);
    expect(filtered.byOwner).toEqual(expected);
  });

  it('sorts by time in the current health: longest first ascending, where none is recorded at the end', () => {
    const timed = [
      summary('recent', 'failed', { healthSince: '2026-03-01T10:00:00.000Z' }),
      summary('unrecorded', 'failed'),
      summary('old', 'healthy', { healthSince: '2026-02-01T10:00:00.000Z' }),
    ];
    expect(
      names(queryConnectors(timed, { sort: 'healthSince' }).items),
    ).toEqual(['old', 'recent', 'unrecorded']);
    expect(
      names(
        queryConnectors(timed, { sort: 'healthSince', order: 'desc' }).items,
      ),
    ).toEqual(['unrecorded', 'recent', 'old']);
    // The backend's history knows the times; the page's items carry them.
    const since: Record<string, string> = {
      recent: '2026-03-01T10:00:00.000Z',
      old: '2026-02-01T10:00:00.000Z',
    };
    const bare = timed.map(({ healthSince: _, ...item }) => item);
    const page = queryConnectors(
      bare,
      { sort: 'healthSince', limit: 2 },
      item => since[item.name],
    );
    expect(page.items.map(item => [item.name, item.healthSince])).toEqual([
      ['old', since.old],
      ['recent', since.recent],
    ]);
  });

  it('filters by owner (case-insensitive, or none), health and cluster together', () => {
    expect(
      names(queryConnectors(all, { owner: 'GROUP:default/team-a' }).items),
    ).toEqual(['orders-sink', 'zeta']);
    expect(names(queryConnectors(all, { owner: NO_OWNER }).items)).toEqual([
      'audit-source',
    ]);
    expect(
      names(
        queryConnectors(all, {
          owner: 'group:default/team-a',
          health: 'failed',
        }).items,
      ),
    ).toEqual(['zeta']);
    expect(names(queryConnectors(all, { cluster: 'us-1' }).items)).toEqual([
      'audit-source',
    ]);
  });

  it('matches every word of the text in name, namespace, cluster, Connect cluster, owner or reason', () => {
    expect(names(queryConnectors(all, { text: 'SINK' }).items)).toEqual([
      'orders-sink',
      'billing-sink',
    ]);
    expect(names(queryConnectors(all, { text: 'broker sink' }).items)).toEqual([
      'billing-sink',
    ]);
    expect(names(queryConnectors(all, { text: 'us-1' }).items)).toEqual([
      'audit-source',
    ]);
    expect(queryConnectors(all, { text: 'nothing-like-it' }).total).toBe(0);
  });

  it('sorts by a field either way, health worst first, ties by identity', () => {
    expect(names(queryConnectors(all, { sort: 'name' }).items)).toEqual([
      'audit-source',
      'billing-sink',
      'orders-sink',
      'zeta',
    ]);
    expect(
      names(queryConnectors(all, { sort: 'name', order: 'desc' }).items),
    ).toEqual(['zeta', 'orders-sink', 'billing-sink', 'audit-source']);
    expect(names(queryConnectors(all, { sort: 'health' }).items)).toEqual([
      'billing-sink',
      'zeta',
      'audit-source',
      'orders-sink',
    ]);
    // Missing owners sort first ascending (empty string).
    expect(names(queryConnectors(all, { sort: 'owner' }).items)[0]).toBe(
      'audit-source',
    );
  });

  it('pages after filtering and sorting; counts and health summary cover all pages', () => {
    const page = queryConnectors(all, {
      sort: 'name',
      offset: 1,
      limit: 2,
    });
    expect(names(page.items)).toEqual(['billing-sink', 'orders-sink']);
    expect(page.total).toBe(4);
    expect(page.offset).toBe(1);
    expect(page.byHealth).toEqual({ healthy: 1, failed: 2, degraded: 1 });
    expect(queryConnectors(all, { offset: 10, limit: 5 }).items).toEqual([]);
  });

  it('describes health counts best to worst', () => {
    expect(describeHealthCounts(3, { failed: 1, healthy: 2 })).toBe(
      '3 connectors: 2 healthy, 1 failed',
    );
    expect(describeHealthCounts(0, {})).toBe('0 connectors');
    expect(describeHealthCounts(1, { paused: 1 })).toBe(
      '1 connector: 1 paused',
    );
  });
});

describe('parseConnectorQuery', () => {
  const clusters = ['eu-1', 'us-1'];

  it('reads every parameter', () => {
    expect(
      parseConnectorQuery(
        {
          owner: 'none',
          health: 'failed',
          cluster: 'eu-1',
          text: 'sink',
          sort: 'health',
          order: 'desc',
          offset: '50',
          limit: '50',
        },
        clusters,
      ),
    ).toEqual({
      query: {
        owner: 'none',
        health: 'failed',
        cluster: 'eu-1',
        text: 'sink',
        sort: 'health',
        order: 'desc',
        offset: 50,
        limit: 50,
      },
      errors: [],
    });
    expect(parseConnectorQuery({}, clusters)).toEqual({
      query: {},
      errors: [],
    });
  });

  it('names each bad parameter and what it accepts', () => {
    const { errors } = parseConnectorQuery(
      {
        health: 'sick',
        cluster: 'mars',
        sort: 'size',
        order: 'up',
        offset: '-1',
        limit: '100000',
        page: '2',
      },
      clusters,
    );
    expect(errors).toEqual([
      "Unknown query parameter 'page': use owner, health, cluster, text, sort, order, offset, limit",
      "Query parameter 'cluster' names no configured cluster: use one of eu-1, us-1",
      expect.stringContaining(
        "Query parameter 'health' must be one of healthy",
      ),
      expect.stringContaining("Query parameter 'sort' must be one of name"),
      "Query parameter 'order' must be asc or desc, not 'up'",
      expect.stringContaining(
        "Query parameter 'offset' must be a whole number",
      ),
      "Query parameter 'limit' must be a whole number from 1 to 500, not '100000'",
    ]);
    expect(parseConnectorQuery({ limit: '1.5' }, clusters).errors[0]).toContain(
      "'limit'",
    );
  });

  it('writes the parameters back, leaving out empty ones', () => {
    expect(
      connectorQueryParams({
        owner: '',
        health: 'failed',
        offset: 0,
        limit: 50,
      }),
    ).toEqual({ health: 'failed', offset: '0', limit: '50' });
  });
});

describe('queryConnectors on many connectors', () => {
  it('answers the same first pages as a full sort, either order, for every field', () => {
    const healths: ConnectorHealth[] = ['healthy', 'failed', 'paused'];
    const many = Array.from({ length: 997 }, (_, i) =>
      summary(`c-${(i * 7919) % 997}`, healths[i % 3], {
        owner: i % 4 ? `group:default/team-${i % 13}` : undefined,
        cluster: `eu-${i % 5}`,
      }),
    );
    for (const sort of [
      'name',
      'health',
      'owner',
      'cluster',
      'namespace',
      'connectCluster',
    ] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const full = names(queryConnectors(many, { sort, order }).items);
        for (const [offset, limit] of [
          [0, 50],
          [50, 50],
          [990, 50],
        ]) {
          const page = queryConnectors(many, { sort, order, offset, limit });
          expect(names(page.items)).toEqual(full.slice(offset, offset + limit));
          expect(page.total).toBe(997);
        }
      }
    }
  });
});
