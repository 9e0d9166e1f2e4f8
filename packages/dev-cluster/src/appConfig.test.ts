import { parse } from 'yaml';
import { renderAppConfig } from './appConfig';
import type { ClusterState } from './cluster';

const cluster = (name: string): ClusterState => ({
  name,
  server: `https://127.0.0.1:${name === 'eu-1' ? 6443 : 6444}`,
  token: `admin-token-${name}`,
  portalToken: `portal-token-${name}`,
  caData: `ca-${name}`,
  kubeconfigPath: `/x/${name}/kubeconfig`,
  stateDir: `/x/${name}`,
  dataDir: `/tmp/${name}`,
  strimziApi: 'v1',
  ports: { apiServer: 6443, etcdClient: 2379, etcdPeer: 2380 },
  pids: {},
  commands: { etcd: [], apiServer: [] },
  startedAt: '2026-01-01T00:00:00Z',
});

describe('renderAppConfig', () => {
  it('lists every cluster for the suite and for the Kubernetes plugin', () => {
    const config = parse(renderAppConfig([cluster('eu-1'), cluster('us-1')]));
    expect(config.kafkaConnect.clusters).toEqual([
      {
        name: 'eu-1',
        url: 'https://127.0.0.1:6443',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'portal-token-eu-1',
        caData: 'ca-eu-1',
      },
      expect.objectContaining({ name: 'us-1', url: 'https://127.0.0.1:6444' }),
    ]);
    expect(config.kubernetes.clusterLocatorMethods[0].clusters).toHaveLength(2);
  });

  it('lets the real worker check the sample Connect cluster’s configs, only where a worker runs', () => {
    const config = parse(
      renderAppConfig([
        { ...cluster('eu-1'), connectUrl: 'http://127.0.0.1:8083' },
        cluster('us-1'),
      ]),
    );
    expect(config.kafkaConnect.validation).toEqual({
      targets: [
        {
          cluster: 'eu-1',
          connectClusters: ['streaming/local-connect'],
          url: 'http://127.0.0.1:8083',
        },
      ],
    });
    expect(
      parse(renderAppConfig([cluster('us-1')])).kafkaConnect.validation,
    ).toBeUndefined();
  });

  it('hands out the RBAC-limited portal token, never the administrator token', () => {
    const text = renderAppConfig([cluster('eu-1')]);
    expect(text).toContain('portal-token-eu-1');
    expect(text).not.toContain('admin-token');
  });

  it('renders an empty list when nothing runs', () => {
    expect(parse(renderAppConfig([])).kafkaConnect.clusters).toEqual([]);
  });
});
