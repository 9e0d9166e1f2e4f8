import { summarizeConnectCluster } from './summarizeConnectCluster';
import {
  brokenConnect,
  legacyConnect,
  readyConnect,
  readyMirrorMaker2,
} from './__fixtures__/connectClusters';

const ref = (name: string, namespace: string) => ({
  cluster: 'eu-1',
  namespace,
  name,
});

describe('summarizeConnectCluster', () => {
  it('summarizes a ready KafkaConnect with its plugins, replicas and owner', () => {
    expect(
      summarizeConnectCluster(readyConnect, ref('orders-connect', 'orders')),
    ).toEqual({
      cluster: 'eu-1',
      namespace: 'orders',
      name: 'orders-connect',
      kind: 'KafkaConnect',
      ready: true,
      replicas: 3,
      url: 'http://orders-connect-connect-api.orders.svc:8083',
      plugins: [
        {
          class: 'io.debezium.connector.postgresql.PostgresConnector',
          type: 'source',
          version: '3.1.2.Final',
        },
        {
          class: 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
          type: 'source',
          version: '4.1.0',
        },
      ],
      connectorResourcesEnabled: true,
      owner: 'group:default/team-orders',
      entityRef: 'resource:default/kc.eu-1.orders.orders-connect',
      stale: false,
    });
  });

  it('copes with the sparse status of older Strimzi versions', () => {
    const summary = summarizeConnectCluster(
      legacyConnect,
      ref('legacy', 'ops'),
    );
    expect(summary).toMatchObject({
      ready: true,
      plugins: [],
      connectorResourcesEnabled: false,
    });
    expect(summary.replicas).toBeUndefined();
    expect(summary.owner).toBeUndefined();
  });

  it('reports why a cluster is not ready', () => {
    expect(
      summarizeConnectCluster(brokenConnect, ref('broken', 'ops')),
    ).toMatchObject({
      ready: false,
      replicas: 0,
      reason:
        'TimeoutException: Exceeded timeout of 300000ms while waiting for Deployment',
    });
  });

  it('is not ready while the operator has not caught up, paused or silent', () => {
    const behind = {
      ...readyConnect,
      metadata: { ...readyConnect.metadata, generation: 5 },
    };
    expect(summarizeConnectCluster(behind, ref('o', 'o'))).toMatchObject({
      ready: false,
      reason: expect.stringContaining('generation 5, observed 4'),
    });
    const paused = {
      ...readyConnect,
      status: {
        ...readyConnect.status,
        conditions: [
          ...readyConnect.status!.conditions!,
          { type: 'ReconciliationPaused', status: 'True' },
        ],
      },
    };
    expect(summarizeConnectCluster(paused, ref('o', 'o'))).toMatchObject({
      ready: false,
      reason: expect.stringContaining('Reconciliation is paused'),
    });
    expect(
      summarizeConnectCluster({ kind: 'KafkaConnect' }, ref('o', 'o')),
    ).toMatchObject({
      ready: false,
      reason: 'Waiting for the Strimzi operator to report a status',
    });
    expect(
      summarizeConnectCluster(
        { status: { conditions: [{ type: 'Warning', status: 'True' }] } },
        ref('o', 'o'),
      ),
    ).toMatchObject({
      ready: false,
      reason: 'The operator reports no Ready condition',
    });
  });

  it('uses the MirrorMaker 2 kind and entity name for a KafkaMirrorMaker2', () => {
    expect(
      summarizeConnectCluster(readyMirrorMaker2, ref('eu-to-us', 'mirror')),
    ).toMatchObject({
      kind: 'KafkaMirrorMaker2',
      ready: true,
      entityRef: 'resource:default/kmm2.eu-1.mirror.eu-to-us',
      plugins: [
        { class: 'org.apache.kafka.connect.mirror.MirrorCheckpointConnector' },
      ],
    });
  });

  it('takes a resolved owner and staleness from the caller', () => {
    expect(
      summarizeConnectCluster(legacyConnect, ref('legacy', 'ops'), {
        owner: 'group:default/platform-team',
        stale: true,
      }),
    ).toMatchObject({ owner: 'group:default/platform-team', stale: true });
  });

  it('drops malformed plugin entries instead of failing', () => {
    const odd = {
      ...legacyConnect,
      status: {
        ...legacyConnect.status,
        connectorPlugins: [{ type: 'sink' }, null as any, { class: 'a.B' }],
      },
    };
    expect(summarizeConnectCluster(odd, ref('x', 'y')).plugins).toEqual([
      { class: 'a.B' },
    ]);
  });
});
