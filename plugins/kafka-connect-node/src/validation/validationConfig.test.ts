import { ConfigReader, type JsonValue } from '@backstage/config';

import {
  connectRestUrl,
  findConnectRestTarget,
  readValidationConfig,
} from './validationConfig';

const read = (validation: JsonValue) =>
  readValidationConfig(new ConfigReader({ kafkaConnect: { validation } }), [
    'eu-1',
    'us-1',
  ]);

describe('readValidationConfig', () => {
  it('is off when absent', () => {
    expect(
      readValidationConfig(new ConfigReader({}), ['eu-1']),
    ).toBeUndefined();
  });

  it('reads URL and API server path targets with their defaults', () => {
    expect(
      read({
        targets: [
          {
            cluster: 'eu-1',
            connectClusters: ['streaming/local-connect'],
            url: 'http://{name}-connect-api.{namespace}.svc:8083/',
            timeoutSeconds: 5,
          },
          {
            cluster: 'us-1',
            url: '/api/v1/namespaces/{namespace}/services/{name}-connect-api:8083/proxy',
          },
        ],
      }),
    ).toEqual({
      targets: [
        {
          cluster: 'eu-1',
          connectClusters: ['streaming/local-connect'],
          url: 'http://{name}-connect-api.{namespace}.svc:8083',
          throughApiServer: false,
          timeoutMs: 5000,
        },
        {
          cluster: 'us-1',
          connectClusters: undefined,
          url: '/api/v1/namespaces/{namespace}/services/{name}-connect-api:8083/proxy',
          throughApiServer: true,
          timeoutMs: 30000,
        },
      ],
    });
  });

  it.each([
    [
      { targets: [{ cluster: 'mars', url: 'http://x' }] },
      /targets\[0\]\.cluster 'mars' is not a configured cluster; use one of eu-1, us-1/,
    ],
    [
      { targets: [{ cluster: 'eu-1', url: 'connect:8083' }] },
      /targets\[0\]\.url 'connect:8083' must be an http\(s\) URL/,
    ],
    [
      { targets: [{ cluster: 'eu-1', url: 'http://{host}:8083' }] },
      /targets\[0\]\.url has an unknown placeholder \{host\}/,
    ],
    [
      { targets: [{ cluster: 'eu-1', url: 'http://x', timeoutSeconds: 0 }] },
      /targets\[0\]\.timeoutSeconds must be a positive number/,
    ],
    [{}, /kafkaConnect\.validation\.targets/],
  ])('refuses %j naming the key', (validation, message) => {
    expect(() => read(validation)).toThrow(message);
  });
});

describe('findConnectRestTarget and connectRestUrl', () => {
  const validation = read({
    targets: [
      { cluster: 'eu-1', connectClusters: ['local-connect'], url: 'http://a' },
      { cluster: 'eu-1', connectClusters: ['other/c'], url: 'http://b' },
      { cluster: 'us-1', url: 'http://{cluster}-{name}.{namespace}:8083' },
    ],
  });
  it('takes the first entry that covers the Connect cluster, by name or namespace/name', () => {
    const at = (cluster: string, namespace: string, connectCluster: string) =>
      findConnectRestTarget(validation, { cluster, namespace, connectCluster })
        ?.url;
    expect(at('eu-1', 'streaming', 'local-connect')).toBe('http://a');
    expect(at('eu-1', 'other', 'c')).toBe('http://b');
    expect(at('eu-1', 'streaming', 'c')).toBeUndefined();
    expect(at('us-1', 'any', 'thing')).toBe(
      'http://{cluster}-{name}.{namespace}:8083',
    );
    expect(
      findConnectRestTarget(undefined, {
        cluster: 'eu-1',
        namespace: 'a',
        connectCluster: 'b',
      }),
    ).toBeUndefined();
  });

  it('fills the template and appends the REST path', () => {
    const target = validation!.targets[2];
    expect(
      connectRestUrl(
        target,
        { cluster: 'us-1', namespace: 'streaming', connectCluster: 'connect' },
        '/connector-plugins/X/config/validate',
      ),
    ).toBe(
      'http://us-1-connect.streaming:8083/connector-plugins/X/config/validate',
    );
  });
});
