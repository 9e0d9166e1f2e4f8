import { Sha256 } from '@aws-crypto/sha256-js';
import { ConfigReader } from '@backstage/config';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import { CoreV1Api } from '@kubernetes/client-node';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readKafkaConnectClusters } from '../config';
import { kubeConfigForCluster } from '../kubeConfig';
import { addCustomAuthStrategy } from './strategies';

/** A stand-in API server that records the Authorization header of each request. */
async function recordingServer() {
  const authorizations: (string | undefined)[] = [];
  const server = http.createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ kind: 'NamespaceList', apiVersion: 'v1', items: [] }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    authorizations,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/**
 * What EKS checks: the signature of GetCallerIdentity with the cluster id
 * header, recomputed for the presigned URL's own date and validity.
 */
async function stsSignature(presigned: URL, clusterId: string) {
  const region = presigned.host.split('.')[1];
  const amzDate = presigned.searchParams.get('X-Amz-Date')!;
  const signer = new SignatureV4({
    credentials: { accessKeyId: 'AKIAEXAMPLEKEY', secretAccessKey: 'secret' },
    region,
    service: 'sts',
    sha256: Sha256,
  });
  const signed = await signer.presign(
    {
      headers: { host: presigned.host, 'x-k8s-aws-id': clusterId },
      hostname: presigned.host,
      method: 'GET',
      path: '/',
      protocol: 'https:',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    },
    {
      expiresIn: Number(presigned.searchParams.get('X-Amz-Expires')),
      signingDate: new Date(
        amzDate.replace(
          /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
          '$1-$2-$3T$4:$5:$6Z',
        ),
      ),
    },
  );
  return signed.query?.['X-Amz-Signature'];
}

function presignedUrlOf(authorization: string | undefined) {
  expect(authorization).toMatch(/^Bearer k8s-aws-v1\./);
  return new URL(
    Buffer.from(
      authorization!.slice('Bearer k8s-aws-v1.'.length),
      'base64url',
    ).toString(),
  );
}

function clusterWith(config: object) {
  const warnings: string[] = [];
  const logger = {
    warn: (message: string) => warnings.push(message),
    info() {},
    error() {},
    debug() {},
    child: () => logger,
  };
  const clusters = readKafkaConnectClusters(new ConfigReader(config), {
    logger,
  });
  return { clusters, warnings };
}

async function listNamespaces(cluster: ReturnType<typeof clusterWith>) {
  const kc = kubeConfigForCluster(cluster.clusters[0]);
  await kc.makeApiClient(CoreV1Api).listNamespace();
}

describe('credentials by authProvider', () => {
  let server: Awaited<ReturnType<typeof recordingServer>>;
  const savedEnv = { ...process.env };

  beforeEach(async () => {
    server = await recordingServer();
  });
  afterEach(async () => {
    process.env = { ...savedEnv };
    await server.close();
  });

  it('aws: a presigned STS GetCallerIdentity URL for the region and cluster id, from the AWS strategy', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLEKEY';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    process.env.AWS_REGION = 'eu-west-1';
    const cluster = clusterWith({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'eks-1',
                url: server.url,
                skipTLSVerify: true,
                authProvider: 'aws',
                authMetadata: { 'kubernetes.io/x-k8s-aws-id': 'prod-eks' },
              },
            ],
          },
        ],
      },
    });
    await listNamespaces(cluster);

    const presigned = presignedUrlOf(server.authorizations[0]);
    expect(presigned.host).toBe('sts.eu-west-1.amazonaws.com');
    expect(presigned.searchParams.get('Action')).toBe('GetCallerIdentity');
    expect(presigned.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIAEXAMPLEKEY\/\d{8}\/eu-west-1\/sts\/aws4_request$/,
    );
    expect(presigned.searchParams.get('X-Amz-SignedHeaders')).toBe(
      'host;x-k8s-aws-id',
    );
    // The strategy asks for the shortest validity; EKS then allows 15 min.
    expect(
      Number(presigned.searchParams.get('X-Amz-Expires')),
    ).toBeLessThanOrEqual(900);
    const signature = presigned.searchParams.get('X-Amz-Signature');
    expect(signature).toBe(await stsSignature(presigned, 'prod-eks'));
    expect(signature).not.toBe(await stsSignature(presigned, 'eks-1'));
  });

  it('aws: without a cluster id annotation, the cluster name is signed', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAEXAMPLEKEY';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    delete process.env.AWS_REGION;
    await listNamespaces(
      clusterWith({
        kafkaConnect: {
          clusters: [
            {
              name: 'eks-2',
              url: server.url,
              skipTLSVerify: true,
              authProvider: 'aws',
            },
          ],
        },
      }),
    );
    const presigned = presignedUrlOf(server.authorizations[0]);
    expect(presigned.host).toBe('sts.us-east-1.amazonaws.com');
    expect(presigned.searchParams.get('X-Amz-Signature')).toBe(
      await stsSignature(presigned, 'eks-2'),
    );
  });

  it('a custom strategy is asked before every request, so a rotated token is used at once', async () => {
    let calls = 0;
    const strategy: AuthenticationStrategy = {
      async getCredential(clusterDetails) {
        calls += 1;
        expect(clusterDetails.name).toBe('vault-1');
        expect(clusterDetails.authMetadata.role).toBe('reader');
        return { type: 'bearer token', token: `rotated-${calls}` };
      },
      validateCluster: () => [],
      presentAuthMetadata: () => ({}),
    };
    addCustomAuthStrategy('vaultToken', strategy);
    const cluster = clusterWith({
      kafkaConnect: {
        clusters: [
          {
            name: 'vault-1',
            url: server.url,
            skipTLSVerify: true,
            authProvider: 'vaultToken',
            authMetadata: { role: 'reader' },
          },
        ],
      },
    });
    const api = kubeConfigForCluster(cluster.clusters[0]).makeApiClient(
      CoreV1Api,
    );
    await api.listNamespace();
    await api.listNamespace();
    expect(server.authorizations).toEqual([
      'Bearer rotated-1',
      'Bearer rotated-2',
    ]);
  });

  it('a custom strategy may serve a provider that otherwise needs the user', async () => {
    addCustomAuthStrategy('oidc', {
      getCredential: async () => ({ type: 'bearer token', token: 'machine' }),
      validateCluster: () => [],
      presentAuthMetadata: () => ({}),
    });
    const cluster = clusterWith({
      kafkaConnect: {
        clusters: [
          {
            name: 'o-1',
            url: server.url,
            skipTLSVerify: true,
            authProvider: 'oidc',
          },
        ],
      },
    });
    await listNamespaces(cluster);
    expect(server.authorizations).toEqual(['Bearer machine']);
  });

  it('skips clusters of the Kubernetes plugin that need the signed-in user, naming each and the alternative', () => {
    const { clusters, warnings } = clusterWith({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              { name: 'gke-1', url: 'https://g', authProvider: 'google' },
              { name: 'aks-1', url: 'https://a', authProvider: 'aks' },
              { name: 'ok-1', url: 'https://o', serviceAccountToken: 't' },
            ],
          },
        ],
      },
    });
    expect(clusters.map(c => c.name)).toEqual(['ok-1']);
    expect(warnings).toEqual([
      expect.stringMatching(
        /cluster 'gke-1' needs the signed-in user's token.*'googleServiceAccount'/,
      ),
      expect.stringMatching(
        /cluster 'aks-1' needs the signed-in user's token.*'azure'/,
      ),
    ]);
  });

  it('an authProvider without a strategy fails the request, naming the cluster and the fix', async () => {
    const cluster = clusterWith({
      kafkaConnect: {
        clusters: [
          {
            name: 'x-1',
            url: server.url,
            skipTLSVerify: true,
            authProvider: 'nosuch',
          },
        ],
      },
    });
    await expect(listNamespaces(cluster)).rejects.toThrow(
      "No auth strategy for authProvider 'nosuch' of cluster 'x-1': add one with kafkaConnectAuthStrategyExtensionPoint",
    );
    expect(server.authorizations).toEqual([]);
  });

  it('localKubectlProxy: no credential', async () => {
    await listNamespaces(
      clusterWith({
        kafkaConnect: {
          clusters: [
            {
              name: 'p-1',
              url: server.url,
              skipTLSVerify: true,
              authProvider: 'localKubectlProxy',
            },
          ],
        },
      }),
    );
    expect(server.authorizations).toEqual([undefined]);
  });

  it('kubeconfig token files are re-read as soon as they change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-token-'));
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'first\n');
    const kubeconfigFile = path.join(dir, 'config');
    fs.writeFileSync(
      kubeconfigFile,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 'c',
            cluster: { server: server.url, 'insecure-skip-tls-verify': true },
          },
        ],
        users: [
          {
            name: 'u',
            user: {
              'auth-provider': { name: 'tokenFile', config: { tokenFile } },
            },
          },
        ],
        contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'ctx',
      }),
    );
    const cluster = clusterWith({
      kafkaConnect: {
        clusters: [{ name: 'k-1', authProvider: 'kubeconfig', kubeconfigFile }],
      },
    });
    const api = kubeConfigForCluster(cluster.clusters[0]).makeApiClient(
      CoreV1Api,
    );
    await api.listNamespace();
    // A new file in place, as the kubelet swaps projected tokens.
    fs.writeFileSync(`${tokenFile}.new`, 'second');
    fs.renameSync(`${tokenFile}.new`, tokenFile);
    await api.listNamespace();
    await api.listNamespace();
    expect(server.authorizations).toEqual([
      'Bearer first',
      'Bearer second',
      'Bearer second',
    ]);
    fs.rmSync(dir, { recursive: true });
  });
});
