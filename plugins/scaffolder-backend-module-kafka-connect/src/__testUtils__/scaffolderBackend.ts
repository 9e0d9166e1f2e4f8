/**
 * The set-up the integration tests of this module share: the Connect cluster
 * the built-in templates target, the test cluster as `kafkaConnect.clusters`,
 * and a backend running the scaffolder, this module and the real
 * kafka-connect plugin.
 */
import fs from 'node:fs';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { connectManifest, type TestCluster } from '@kcs/dev-cluster';
// The create action checks the Connect cluster through the real backend plugin.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import kafkaConnectPlugin from '@kcs/plugin-kafka-connect-backend';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleKafkaConnect } from '../module';

/**
 * The KafkaConnect `orders-connect` the templates' examples name; the
 * operator stand-in reports it Ready with the Debezium plugins.
 */
export function ordersConnect(namespace: string) {
  return connectManifest(namespace, { name: 'orders-connect' });
}

/** `kafkaConnect` config with the test cluster, reached with the portal's RBAC-limited token. */
export function testClusterConfig(cluster: TestCluster) {
  return {
    clusters: [
      {
        name: cluster.name,
        url: cluster.server,
        authProvider: 'serviceAccount',
        serviceAccountToken: cluster.portalToken,
        caData: cluster.caData,
      },
    ],
  };
}

/** A template file as the catalog serves it, in namespace `default`. */
export function templateEntity(file: string) {
  const template = parse(fs.readFileSync(file, 'utf8'));
  return {
    ...template,
    metadata: { ...template.metadata, namespace: 'default' },
  };
}

/** Options of {@link startScaffolderBackend}. */
export interface ScaffolderBackendOptions {
  /** Template files the catalog mock serves. */
  templates: string[];
  /** Features started beside the scaffolder, this module and the kafka-connect plugin. */
  extraFeatures?: Parameters<typeof startTestBackend>[0]['features'];
  /** Keys beside `baseUrl` in the `backend` block. */
  backend?: Record<string, unknown>;
  /** Keys beside `clusters` in the `kafkaConnect` block. */
  kafkaConnect?: Record<string, unknown>;
  /** Config beside `backend` and `kafkaConnect`, e.g. `permission`. */
  extraConfig?: Record<string, unknown>;
  /** Authorization header of the readiness check, when the backend wants a user. */
  authorization?: string;
}

/**
 * Starts the backend and waits until the kafka-connect plugin's cache sees
 * a Ready Connect cluster in `namespace`, as the create action checks it.
 */
export async function startScaffolderBackend(
  cluster: TestCluster,
  namespace: string,
  options: ScaffolderBackendOptions,
) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleKafkaConnect,
      kafkaConnectPlugin,
      catalogServiceMock.factory({
        entities: options.templates.map(templateEntity),
      }),
      ...(options.extraFeatures ?? []),
      mockServices.rootConfig.factory({
        data: {
          ...options.extraConfig,
          backend: { baseUrl: 'http://localhost:7007', ...options.backend },
          kafkaConnect: {
            ...testClusterConfig(cluster),
            ...options.kafkaConnect,
          },
        },
      }),
    ],
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    let pending = request(backend.server).get('/api/kafka-connect/clusters');
    if (options.authorization) {
      pending = pending.set('Authorization', options.authorization);
    }
    const response = await pending;
    const connect = response.body.items
      ?.find((c: { name: string }) => c.name === cluster.name)
      ?.connectClusters.find(
        (c: { namespace: string; ready: boolean }) =>
          c.namespace === namespace && c.ready,
      );
    if (connect) break;
    if (Date.now() > deadline) {
      await backend.stop();
      throw new Error(
        `Connect cluster never ready: ${JSON.stringify(response.body)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return backend;
}
