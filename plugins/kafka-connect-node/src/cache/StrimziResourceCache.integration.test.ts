import { mockServices } from '@backstage/backend-test-utils';
import { startCluster, useTestCluster } from '@kcs/dev-cluster';
import { CustomObjectsApi } from '@kubernetes/client-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFor, eventually } from './__testUtils__/cacheTesting';
import { StrimziResourceCache } from './StrimziResourceCache';

const logger = mockServices.logger.mock();

const connector = (
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
) => ({
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaConnector',
  metadata: {
    name,
    namespace,
    labels: { 'strimzi.io/cluster': 'connect', ...labels },
    annotations: { 'kafka-connect.dev/owner': 'group:default/team-a' },
  },
  spec: {
    class: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
    tasksMax: 1,
    config: { topics: 't' },
  },
});

describe('StrimziResourceCache against a real API server', () => {
  const getCluster = useTestCluster();

  it('lists, then follows creates, updates and deletes through the watch, with the portal RBAC', async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('cache');
    await cluster.apply(
      connector(namespace, 'before', { 'backstage.io/kubernetes-id': 'svc-a' }),
    );
    const cache = new StrimziResourceCache([configFor(cluster)], logger);
    cache.start();
    try {
      expect(await cache.waitForSync()).toBe(true);
      expect(cache.clusters()[0]).toMatchObject({
        name: cluster.name,
        synced: true,
        strimziApiVersion: 'v1',
      });
      expect(
        cache.get('KafkaConnector', cluster.name, namespace, 'before'),
      ).toBeDefined();
      const changes: string[] = [];
      cache.subscribe(change =>
        changes.push(`${change.type}:${change.resource?.metadata?.name}`),
      );

      await cluster.apply(
        connector(namespace, 'after', {
          'backstage.io/kubernetes-id': 'svc-a',
        }),
      );
      await eventually(() => cache.byKubernetesId('svc-a').length === 2);
      expect(
        cache.byOwner('group:default/team-a').length,
      ).toBeGreaterThanOrEqual(2);
      expect(
        cache
          .byConnectCluster(cluster.name, namespace, 'connect')
          .map(c => c.resource.metadata.name)
          .sort(),
      ).toEqual(['after', 'before']);
      // The operator stand-in's status arrives through the watch too.
      await eventually(
        () =>
          cache.get('KafkaConnector', cluster.name, namespace, 'after')
            ?.resource.status,
      );

      await cluster
        .kubeConfig()
        .makeApiClient(CustomObjectsApi)
        .deleteNamespacedCustomObject({
          group: 'kafka.strimzi.io',
          version: 'v1',
          namespace,
          plural: 'kafkaconnectors',
          name: 'before',
        });
      await eventually(
        () => !cache.get('KafkaConnector', cluster.name, namespace, 'before'),
      );
      expect(changes).toEqual(
        expect.arrayContaining(['upsert:after', 'delete:before']),
      );
    } finally {
      await cache.stop();
    }
  }, 30_000);
  it("follows a Namespace's owner annotation for resources that name no owner", async () => {
    const cluster = getCluster();
    const namespace = await cluster.newNamespace('nsowner');
    const unowned = connector(namespace, 'unowned');
    delete (unowned.metadata as { annotations?: unknown }).annotations;
    await cluster.apply([unowned, connector(namespace, 'owned')]);
    const cache = new StrimziResourceCache([configFor(cluster)], logger, {
      defaultOwner: 'group:default/fallback',
    });
    cache.start();
    try {
      expect(await cache.waitForSync()).toBe(true);
      const unownedNow = () =>
        cache.get('KafkaConnector', cluster.name, namespace, 'unowned')!;
      expect(cache.ownerOf(unownedNow())).toMatchObject({
        owner: 'group:default/fallback',
        source: 'default',
      });
      const changes: string[] = [];
      cache.subscribe(change =>
        changes.push(`${change.type}:${change.namespace}`),
      );
      await cluster.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: namespace,
          annotations: { 'kafka-connect.dev/owner': 'team-ns' },
        },
      });
      await eventually(
        () =>
          cache.byOwner('group:default/team-ns').length === 1 &&
          cache.namespaceAnnotations(cluster.name, namespace),
      );
      expect(cache.ownerOf(unownedNow())).toMatchObject({
        owner: 'group:default/team-ns',
        source: 'namespace',
      });
      // The resource's own annotation still wins.
      expect(
        cache
          .byOwner('group:default/team-a')
          .map(c => c.resource.metadata.name),
      ).toContain('owned');
      expect(changes).toContain(`namespaces:${namespace}`);
    } finally {
      await cache.stop();
    }
  }, 30_000);
});

describe('StrimziResourceCache when clusters misbehave', () => {
  it('marks a stopped API server stale with the error, and resyncs when it is back', async () => {
    const cluster = await startCluster({
      name: 'cache-fault',
      operator: false,
    });
    const cache = new StrimziResourceCache([configFor(cluster)], logger);
    cache.start();
    try {
      expect(await cache.waitForSync()).toBe(true);
      await cluster.stopApiServer();
      const stale = await eventually(
        () => cache.clusters().find(state => !state.synced),
        20_000,
      );
      expect(stale.error).toBeDefined();
      await cluster.startApiServer();
      await eventually(
        () => cache.clusters().every(state => state.synced),
        40_000,
      );
      expect(cache.clusters()[0].error).toBeUndefined();
    } finally {
      await cache.stop();
      await cluster.stop();
    }
  }, 90_000);

  it('watches a v1beta2-only cluster and reports one without Strimzi CRDs as such, not as an error', async () => {
    const crdsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-other-crds-'));
    fs.writeFileSync(
      path.join(crdsDir, 'widgets.yaml'),
      [
        'apiVersion: apiextensions.k8s.io/v1',
        'kind: CustomResourceDefinition',
        'metadata: {name: widgets.example.com}',
        'spec:',
        '  group: example.com',
        '  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}',
        '  scope: Namespaced',
        '  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]',
      ].join('\n'),
    );
    const [old, bare] = await Promise.all([
      startCluster({
        name: 'cache-old',
        strimziApi: 'v1beta2-only',
        operator: false,
      }),
      startCluster({ name: 'cache-bare', crdsDir, operator: false }),
    ]);
    const cache = new StrimziResourceCache(
      [configFor(old), configFor(bare)],
      logger,
    );
    cache.start();
    try {
      expect(await cache.waitForSync()).toBe(true);
      expect(cache.clusters()).toEqual([
        expect.objectContaining({
          name: 'cache-old',
          synced: true,
          strimziApiVersion: 'v1beta2',
        }),
        expect.objectContaining({
          name: 'cache-bare',
          synced: true,
          strimziApiVersion: null,
        }),
      ]);
      expect(cache.clusters()[1].error).toBeUndefined();
    } finally {
      await cache.stop();
      await Promise.all([old.stop(), bare.stop()]);
      fs.rmSync(crdsDir, { recursive: true, force: true });
    }
  }, 90_000);
});
