import { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendConnectRest, validateWithConnect } from './connectRest';
import type { ConnectRestTarget } from '@kcs/plugin-kafka-connect-node';

const WHERE = {
  cluster: 'eu-1',
  namespace: 'streaming',
  connectCluster: 'connect',
};

/** A local HTTP server standing in for an API server's service proxy. */
async function listen(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

function kubeConfig(server: string) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    // plain HTTP, which client-node allows only with skipTLSVerify
    clusters: [{ name: 'eu-1', server, skipTLSVerify: true }],
    users: [{ name: 'portal', token: 'portal-token' }],
    contexts: [{ name: 'eu-1', cluster: 'eu-1', user: 'portal' }],
    currentContext: 'eu-1',
  });
  return kc;
}

describe('validateWithConnect', () => {
  it("goes through the API server's service proxy with the cluster's token", async () => {
    const seen: Array<{ url?: string; auth?: string; body: string }> = [];
    const server = await listen((req, res) => {
      let body = '';
      req.on('data', chunk => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({ url: req.url, auth: req.headers.authorization, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error_count: 0, configs: [] }));
      });
    });
    const target: ConnectRestTarget = {
      cluster: 'eu-1',
      url: '/api/v1/namespaces/{namespace}/services/{name}-connect-api:8083/proxy',
      throughApiServer: true,
      timeoutMs: 5000,
    };
    const outcome = await validateWithConnect({
      target,
      where: WHERE,
      connectorClass: 'FileStreamSource',
      config: { topic: 't' },
      send: sendConnectRest,
      kubeConfig: kubeConfig(server.url),
    });
    server.close();
    expect(outcome).toEqual({
      kind: 'answer',
      answer: { error_count: 0, configs: [] },
    });
    expect(seen).toEqual([
      {
        url: '/api/v1/namespaces/streaming/services/connect-connect-api:8083/proxy/connector-plugins/FileStreamSource/config/validate',
        auth: 'Bearer portal-token',
        body: '{"topic":"t"}',
      },
    ]);
  });

  it('gives up after the timeout with a 503 naming the Connect cluster', async () => {
    const server = await listen(() => {
      // never answers
    });
    const attempt = validateWithConnect({
      target: {
        cluster: 'eu-1',
        url: server.url,
        throughApiServer: false,
        timeoutMs: 200,
      },
      where: WHERE,
      connectorClass: 'X',
      config: {},
      send: sendConnectRest,
    });
    await expect(attempt).rejects.toThrow(
      /Kafka Connect streaming\/connect in cluster 'eu-1' is unreachable at http:\/\/127\.0\.0\.1:\d+\/connector-plugins\/X\/config\/validate: no answer within 0\.2 s/,
    );
    await expect(attempt).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
    server.close();
  });

  it('needs the cluster credentials for the API server path', async () => {
    await expect(
      validateWithConnect({
        target: {
          cluster: 'eu-1',
          url: '/api/v1/x',
          throughApiServer: true,
          timeoutMs: 200,
        },
        where: WHERE,
        connectorClass: 'X',
        config: {},
        send: sendConnectRest,
      }),
    ).rejects.toThrow(/has no credentials/);
  });

  it('takes an HTML error page as Connect failing, not as a validation', async () => {
    await expect(
      validateWithConnect({
        target: {
          cluster: 'eu-1',
          url: 'http://connect',
          throughApiServer: false,
          timeoutMs: 200,
        },
        where: WHERE,
        connectorClass: 'X',
        config: {},
        send: async () => ({ status: 404, body: '<html>Not Found</html>' }),
      }),
    ).rejects.toThrow(/did not validate the config: HTTP 404$/);
  });
});
