import { ConfigReader } from '@backstage/config';
import { readKafkaConnectClusters, readStrimziVersions } from './config';

describe('readKafkaConnectClusters', () => {
  it('reads kafkaConnect.clusters with defaults', () => {
    const clusters = readKafkaConnectClusters(
      new ConfigReader({
        kafkaConnect: {
          clusters: [
            {
              name: 'eu-1',
              url: 'https://127.0.0.1:6443',
              serviceAccountToken: 't',
              caData: 'Y2E=',
              namespaces: ['kafka'],
            },
            {
              name: 'local',
              authProvider: 'kubeconfig',
              kubeconfigContext: 'dev',
            },
          ],
        },
      }),
    );
    expect(clusters).toEqual([
      {
        name: 'eu-1',
        url: 'https://127.0.0.1:6443',
        auth: { type: 'serviceAccount', token: 't' },
        caData: 'Y2E=',
        caFile: undefined,
        skipTLSVerify: false,
        namespaces: ['kafka'],
      },
      expect.objectContaining({
        name: 'local',
        auth: { type: 'kubeconfig', file: undefined, context: 'dev' },
      }),
    ]);
  });

  it("falls back to the Kubernetes plugin's config locator", () => {
    const clusters = readKafkaConnectClusters(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'us-1',
                  url: 'https://k8s',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'x',
                },
              ],
            },
          ],
        },
      }),
    );
    expect(clusters.map(cluster => cluster.name)).toEqual(['us-1']);
  });

  it('returns no clusters when nothing is configured', () => {
    expect(readKafkaConnectClusters(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [
      { name: 'Bad Name', url: 'https://k', serviceAccountToken: 't' },
      /kafkaConnect\.clusters\[0\]\.name 'Bad Name' is not valid/,
    ],
    [
      { name: 'a', url: 'https://k' },
      /kafkaConnect\.clusters\[0\]\.serviceAccountToken is missing for cluster 'a'/,
    ],
    [
      { name: 'a', url: 'k8s.local', serviceAccountToken: 't' },
      /kafkaConnect\.clusters\[0\]\.url 'k8s\.local' of cluster 'a' must be/,
    ],
    [
      { name: 'a', authProvider: 'aws' },
      /kafkaConnect\.clusters\[0\]\.url '' of cluster 'a' must be/,
    ],
    [
      { name: 'a', url: 'https://k', authProvider: 'oidc' },
      /authProvider 'oidc' of cluster 'a' needs the signed-in user's token, which a background watch does not have: use a service account token/,
    ],
    [
      { name: 'a', url: 'https://k', authProvider: 'google' },
      /authProvider 'google' of cluster 'a' needs the signed-in user's token.*use authProvider 'googleServiceAccount'/,
    ],
    [
      { name: 'a', url: 'https://k', authProvider: 'aks' },
      /authProvider 'aks' of cluster 'a' needs the signed-in user's token.*use authProvider 'azure'/,
    ],
  ])('explains bad cluster config %j', (cluster, message) => {
    expect(() =>
      readKafkaConnectClusters(
        new ConfigReader({ kafkaConnect: { clusters: [cluster] } }),
      ),
    ).toThrow(message);
  });

  it('refuses duplicate cluster names', () => {
    const cluster = { name: 'a', url: 'https://k', serviceAccountToken: 't' };
    expect(() =>
      readKafkaConnectClusters(
        new ConfigReader({ kafkaConnect: { clusters: [cluster, cluster] } }),
      ),
    ).toThrow("Cluster name 'a' is configured twice");
  });
});

describe('readStrimziVersions', () => {
  it('maps cluster names to configured releases and names a malformed one', () => {
    const clusters = (strimziVersion?: string) =>
      new ConfigReader({
        kafkaConnect: {
          clusters: [
            { name: 'old', url: 'https://a', strimziVersion },
            { name: 'new', url: 'https://b' },
          ],
        },
      });
    expect(readStrimziVersions(clusters('0.48.0'))).toEqual({ old: '0.48.0' });
    expect(readStrimziVersions(new ConfigReader({}))).toEqual({});
    expect(() => readStrimziVersions(clusters('latest'))).toThrow(
      /kafkaConnect\.clusters\[0\]\.strimziVersion must be a Strimzi release/,
    );
  });
});
