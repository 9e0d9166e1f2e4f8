import { mockServices } from '@backstage/backend-test-utils';
import { eventually } from '../__testUtils__/cacheTesting';
import { FakeApiServer, json, listOf } from '../__testUtils__/fakeApiServer';
import { NamespaceAnnotations } from './NamespaceAnnotations';

const namespace = (name: string, owner: string) => ({
  metadata: {
    name,
    resourceVersion: '5',
    annotations: { 'kafka-connect.dev/owner': owner },
  },
});

describe('NamespaceAnnotations against a scripted API server', () => {
  it('warns once and waits long when Namespaces are forbidden from the start', async () => {
    const server = new FakeApiServer((_request, response) =>
      json(response, 403, { kind: 'Status', code: 403 }),
    );
    const kubeConfig = await server.start();
    const logger = mockServices.logger.mock();
    const watch = new NamespaceAnnotations({
      cluster: 'fake',
      kubeConfig,
      namespaces: [],
      logger,
      onChange: () => {},
    });
    watch.start();
    try {
      await eventually(() => logger.warn.mock.calls.length === 1);
      await new Promise(resolve => setTimeout(resolve, 300));
      // Not retried within the 5 minutes.
      expect(server.requests).toHaveLength(1);
      expect(String(logger.warn.mock.calls[0][0])).toContain(
        "grant it 'list' and 'watch' on namespaces",
      );
    } finally {
      await watch.stop();
      await server.stop();
    }
  });

  it('treats a 403 after Namespaces were readable as a restarting server: no warning, normal backoff', async () => {
    let forbidden = false;
    const server = new FakeApiServer((request, response) => {
      if (forbidden) {
        json(response, 403, { kind: 'Status', code: 403 });
        return undefined;
      }
      if (request.watch) {
        return 'watch';
      }
      json(response, 200, listOf('10', [namespace('orders', 'team-a')]));
      return undefined;
    });
    const kubeConfig = await server.start();
    const logger = mockServices.logger.mock();
    const changes: Array<string | undefined> = [];
    const watch = new NamespaceAnnotations({
      cluster: 'fake',
      kubeConfig,
      namespaces: [],
      logger,
      onChange: name => changes.push(name),
    });
    watch.start();
    try {
      const open = await server.nextWatch();
      await eventually(() => watch.get('orders'));
      expect(watch.get('orders')).toEqual({
        'kafka-connect.dev/owner': 'team-a',
      });
      expect(changes).toEqual([undefined]);
      forbidden = true;
      open.end();
      await eventually(() => server.watches().length >= 3, 8000);
      expect(logger.warn).not.toHaveBeenCalled();
      forbidden = false;
      const resumed = await server.nextWatch(8000);
      expect(resumed.request.query.resourceVersion).toBe('10');
      expect(watch.get('orders')).toBeDefined();
    } finally {
      await watch.stop();
      await server.stop();
    }
  }, 20_000);
});
