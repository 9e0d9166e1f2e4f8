import { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake API server received. */
export interface SeenRequest {
  path: string;
  watch: boolean;
  query: Record<string, string>;
}

/** An open watch response the test writes events into. */
export interface OpenWatch {
  request: SeenRequest;
  send(type: string, object: Record<string, any>): void;
  end(): void;
}

type Handler = (
  request: SeenRequest,
  response: http.ServerResponse,
) => void | 'watch';

/**
 * A scripted stand-in for kube-apiserver in unit tests of the watch loop:
 * the test decides each answer (a list, an error, a watch stream it feeds),
 * and reads which requests arrived. The real API server is in the
 * integration tests.
 */
export class FakeApiServer {
  readonly requests: SeenRequest[] = [];
  private readonly watchWaiters: Array<(watch: OpenWatch) => void> = [];
  private readonly openWatches: OpenWatch[] = [];
  private readonly server: http.Server;

  constructor(private handler: Handler) {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const request: SeenRequest = {
        path: url.pathname,
        watch: url.searchParams.get('watch') === 'true',
        query: Object.fromEntries(url.searchParams),
      };
      this.requests.push(request);
      if (this.handler(request, res) === 'watch') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.flushHeaders();
        const open: OpenWatch = {
          request,
          send: (type, body) =>
            res.write(`${JSON.stringify({ type, object: body })}\n`),
          end: () => res.end(),
        };
        req.on('close', () => res.end());
        const waiter = this.watchWaiters.shift();
        if (waiter) {
          waiter(open);
        } else {
          this.openWatches.push(open);
        }
      }
    });
  }

  setHandler(handler: Handler) {
    this.handler = handler;
  }

  async start(): Promise<KubeConfig> {
    await new Promise<void>(resolve =>
      this.server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [
        // Plain HTTP on loopback; client-node allows it only with this flag.
        {
          name: 'fake',
          server: `http://127.0.0.1:${port}`,
          skipTLSVerify: true,
        },
      ],
      users: [{ name: 'fake', token: 'test-token' }],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'fake' }],
      currentContext: 'fake',
    });
    return kubeConfig;
  }

  /** The next watch the client opens (or one already open and not taken). */
  nextWatch(timeoutMs = 5000): Promise<OpenWatch> {
    const open = this.openWatches.shift();
    if (open) {
      return Promise.resolve(open);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no watch within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.watchWaiters.push(watch => {
        clearTimeout(timer);
        resolve(watch);
      });
    });
  }

  lists(path?: string) {
    return this.requests.filter(
      request => !request.watch && (!path || request.path === path),
    );
  }

  watches(path?: string) {
    return this.requests.filter(
      request => request.watch && (!path || request.path === path),
    );
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise(resolve => this.server.close(resolve));
  }
}

/** A JSON answer. */
export function json(
  response: http.ServerResponse,
  status: number,
  body: unknown,
) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** A list answer at a resourceVersion. */
export function listOf(resourceVersion: string, items: unknown[]) {
  return {
    apiVersion: 'v1',
    kind: 'List',
    metadata: { resourceVersion },
    items,
  };
}

/** A namespaced object at a resourceVersion. */
export function object(name: string, resourceVersion: string, extra = {}) {
  return {
    metadata: { name, namespace: 'orders', resourceVersion, ...extra },
  };
}
