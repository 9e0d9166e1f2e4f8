import type { Entity } from '@backstage/catalog-model';
import {
  catalogClusterSettings,
  catalogClusterUrlProblem,
  isPublicAddress,
} from './catalogClusters';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'prod-eu', annotations },
    spec: { type: 'kubernetes-cluster' },
  };
}

const complete = {
  'kubernetes.io/api-server': 'https://k8s.example.com:6443',
  'kubernetes.io/api-server-certificate-authority': 'Q0E=',
  'kubernetes.io/auth-provider': 'aws',
  'kubernetes.io/aws-assume-role': 'arn:aws:iam::1:role/portal',
  'backstage.io/techdocs-ref': 'dir:.',
};
const publicLookup = async () => ['93.184.216.34'];

describe('isPublicAddress', () => {
  it.each([
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:93.184.216.34', true],
    ['2001:4860:4860::8888', true],
    ['not-an-ip', false],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('catalogClusterUrlProblem', () => {
  it('accepts an https URL whose host resolves to public addresses', async () => {
    await expect(
      catalogClusterUrlProblem('https://k8s.example.com', {}, publicLookup),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['not a url', 'is not a URL'],
    ['https://user:pw@k8s.example.com', 'must not hold credentials'],
    ['ftp://k8s.example.com', 'must be an http(s) URL'],
    ['http://k8s.example.com', 'must use https'],
    ['https://127.0.0.1:6443', "host '127.0.0.1' is a non-public address"],
    ['https://[::1]:6443', "host '::1' is a non-public address"],
  ])('refuses %s', async (url, reason) => {
    await expect(
      catalogClusterUrlProblem(url, {}, publicLookup),
    ).resolves.toContain(reason);
  });

  it('refuses a name that resolves to a private address, and one that does not resolve', async () => {
    await expect(
      catalogClusterUrlProblem('https://internal.example.com', {}, async () => [
        '93.184.216.34',
        '10.0.0.5',
      ]),
    ).resolves.toContain('non-public address');
    await expect(
      catalogClusterUrlProblem('https://nowhere.example.com', {}, async () => {
        throw new Error('ENOTFOUND');
      }),
    ).resolves.toContain('does not resolve');
  });

  it('lets dangerouslyAllowClusterUrls exempt hosts, patterns included', async () => {
    const options = {
      dangerouslyAllowClusterUrls: ['127.0.0.1', '*.corp.local'],
    };
    await expect(
      catalogClusterUrlProblem('http://127.0.0.1:8080', options, publicLookup),
    ).resolves.toBeUndefined();
    await expect(
      catalogClusterUrlProblem('https://k8s.corp.local', options, async () => [
        '10.0.0.5',
      ]),
    ).resolves.toBeUndefined();
    await expect(
      catalogClusterUrlProblem('https://corp.local', options, async () => [
        '10.0.0.5',
      ]),
    ).resolves.toBeUndefined();
    await expect(
      catalogClusterUrlProblem('https://evilcorp.local', options, async () => [
        '10.0.0.5',
      ]),
    ).resolves.toContain('non-public');
  });
});

describe('catalogClusterSettings', () => {
  it('reads name, URL, CA, provider and every kubernetes.io annotation as auth metadata', async () => {
    const read = await catalogClusterSettings(
      entity(complete),
      {},
      publicLookup,
    );
    expect(read).toEqual({
      settings: {
        name: 'prod-eu',
        url: 'https://k8s.example.com:6443',
        caData: 'Q0E=',
        authProvider: 'aws',
        authMetadata: {
          'kubernetes.io/api-server': 'https://k8s.example.com:6443',
          'kubernetes.io/api-server-certificate-authority': 'Q0E=',
          'kubernetes.io/auth-provider': 'aws',
          'kubernetes.io/aws-assume-role': 'arn:aws:iam::1:role/portal',
        },
        skipTLSVerify: false,
      },
    });
  });

  it.each([
    'kubernetes.io/api-server',
    'kubernetes.io/api-server-certificate-authority',
    'kubernetes.io/auth-provider',
  ])('leaves out an entity without %s', async key => {
    const { [key]: _removed, ...rest } = complete as Record<string, string>;
    const read = await catalogClusterSettings(entity(rest), {}, publicLookup);
    expect(read.skipped).toBe(`it has no ${key} annotation`);
  });

  it.each(['serviceAccount', 'kubeconfig', 'inCluster'])(
    'leaves out authProvider %s, whose credentials cannot come from the catalog',
    async provider => {
      const read = await catalogClusterSettings(
        entity({ ...complete, 'kubernetes.io/auth-provider': provider }),
        {},
        publicLookup,
      );
      expect(read.skipped).toContain(provider);
      expect(read.skipped).toContain('kafkaConnect.clusters');
    },
  );

  it('leaves out an entity whose URL is refused, saying why', async () => {
    const read = await catalogClusterSettings(
      entity({ ...complete, 'kubernetes.io/api-server': 'https://10.0.0.1' }),
      {},
      publicLookup,
    );
    expect(read.skipped).toContain('non-public address');
  });

  it('skips TLS verification only when the locator allows it and the entity asks', async () => {
    const asking = entity({
      ...complete,
      'kubernetes.io/skip-tls-verify': 'true',
    });
    expect(
      (await catalogClusterSettings(asking, {}, publicLookup)).settings
        ?.skipTLSVerify,
    ).toBe(false);
    expect(
      (
        await catalogClusterSettings(
          asking,
          { dangerouslyAllowSkipTLSVerify: true },
          publicLookup,
        )
      ).settings?.skipTLSVerify,
    ).toBe(true);
  });
});
