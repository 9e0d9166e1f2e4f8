import { ConfigReader } from '@backstage/config';
import { CoreV1Api } from '@kubernetes/client-node';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readKafkaConnectClusters } from '../config';
import { kubeConfigForCluster } from '../kubeConfig';

/**
 * The Kubernetes plugin's Azure and Google service-account strategies,
 * unchanged, against stand-ins of the cloud token endpoints they call: an
 * App Service style managed identity endpoint and a GCE metadata server.
 */
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function serve(handler: Handler) {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const apiServer = () =>
  serve((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ kind: 'NamespaceList', items: [] }));
  });

async function listWith(authProvider: string, url: string) {
  const [cluster] = readKafkaConnectClusters(
    new ConfigReader({
      kafkaConnect: {
        clusters: [{ name: 'c-1', url, skipTLSVerify: true, authProvider }],
      },
    }),
  );
  const api = kubeConfigForCluster(cluster).makeApiClient(CoreV1Api);
  await api.listNamespace();
}

describe('cloud strategies against stand-in token endpoints', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('azure: the managed identity token for the AKS server application', async () => {
    const identity = await serve((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          access_token: 'aks-access-token',
          expires_on: `${Math.floor(Date.now() / 1000) + 3600}`,
          resource: new URL(req.url!, 'http://x').searchParams.get('resource'),
          token_type: 'Bearer',
        }),
      );
    });
    const api = await apiServer();
    try {
      for (const key of Object.keys(process.env)) {
        if (/^(AZURE_|MSI_|IDENTITY_)/.test(key)) delete process.env[key];
      }
      process.env.IDENTITY_ENDPOINT = `http://${identity.host}/msi/token`;
      process.env.IDENTITY_HEADER = 'identity-secret';
      await listWith('azure', `http://${api.host}`);
      expect(api.requests[0].headers.authorization).toBe(
        'Bearer aks-access-token',
      );
      const tokenRequest = identity.requests.find(req =>
        req.url?.startsWith('/msi/token'),
      )!;
      // The AKS AAD server application, the same for every AKS cluster.
      expect(
        new URL(tokenRequest.url!, 'http://x').searchParams.get('resource'),
      ).toMatch(/^6dae42f8-4368-4678-94ff-3960e28e3630/);
      expect(tokenRequest.headers['x-identity-header']).toBe('identity-secret');
    } finally {
      await identity.close();
      await api.close();
    }
  }, 30_000);

  it('googleServiceAccount: the access token of the metadata server', async () => {
    const metadata = await serve((req, res) => {
      res.setHeader('Metadata-Flavor', 'Google');
      if (req.url?.includes('/token')) {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            access_token: 'gke-access-token',
            expires_in: 3599,
            token_type: 'Bearer',
          }),
        );
      } else if (req.url?.includes('project-id')) {
        res.end('test-project');
      } else {
        res.end('');
      }
    });
    const api = await apiServer();
    try {
      delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      process.env.GCE_METADATA_HOST = metadata.host;
      process.env.GCE_METADATA_IP = metadata.host;
      process.env.HOME = '/nonexistent';
      process.env.CLOUDSDK_CONFIG = '/nonexistent';
      await listWith('googleServiceAccount', `http://${api.host}`);
      expect(api.requests[0].headers.authorization).toBe(
        'Bearer gke-access-token',
      );
      expect(
        metadata.requests.some(req =>
          req.url?.includes('/service-accounts/default/token'),
        ),
      ).toBe(true);
    } finally {
      await metadata.close();
      await api.close();
    }
    // google-auth-library probes the metadata server with retries first.
  }, 30_000);
});
