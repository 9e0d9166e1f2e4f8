import {
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  isClusterReady,
  readClusterState,
  RunningCluster,
  startCluster,
  stopRecordedCluster,
} from './cluster';
import { kubeConfigFor } from './kube';
import { isAlive } from './processes';

const started: RunningCluster[] = [];

async function start(name: string) {
  const cluster = await startCluster({ name, operator: false });
  started.push(cluster);
  return cluster;
}

afterAll(async () => {
  await Promise.all(started.map(cluster => cluster.stop()));
}, 60_000);

describe('startCluster', () => {
  it('serves the Strimzi kinds with RBAC: the portal reads connectors but not secrets', async () => {
    const cluster = await start('rbac');
    const portal = kubeConfigFor(cluster, cluster.portalToken);
    const connectors = await portal
      .makeApiClient(CustomObjectsApi)
      .listClusterCustomObject({
        group: 'kafka.strimzi.io',
        version: 'v1',
        plural: 'kafkaconnectors',
      });
    expect(connectors).toMatchObject({ items: [] });
    await expect(
      portal.makeApiClient(CoreV1Api).listSecretForAllNamespaces(),
    ).rejects.toMatchObject({ code: 403 });
    // The administrator token can.
    await expect(
      cluster
        .kubeConfig()
        .makeApiClient(CoreV1Api)
        .listSecretForAllNamespaces(),
    ).resolves.toBeDefined();
  }, 60_000);

  it('runs two clusters at once, each with its own data', async () => {
    const [east, west] = await Promise.all([start('east'), start('west')]);
    expect(east.server).not.toEqual(west.server);
    await east
      .kubeConfig()
      .makeApiClient(CoreV1Api)
      .createNamespace({ body: { metadata: { name: 'only-in-east' } } });
    const westNamespaces = await west
      .kubeConfig()
      .makeApiClient(CoreV1Api)
      .listNamespace();
    expect(westNamespaces.items.map(ns => ns.metadata?.name)).not.toContain(
      'only-in-east',
    );
  }, 90_000);

  it('restarts the API server on the same address, keeping the data', async () => {
    const cluster = await start('restart');
    const objects = KubernetesObjectApi.makeApiClient(cluster.kubeConfig());
    await objects.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'survives' },
    });
    await cluster.stopApiServer();
    expect(await isClusterReady(cluster)).toBe(false);
    await cluster.startApiServer();
    expect(await isClusterReady(cluster)).toBe(true);
    const namespace = await cluster
      .kubeConfig()
      .makeApiClient(CoreV1Api)
      .readNamespace({ name: 'survives' });
    expect(namespace.metadata?.name).toBe('survives');

    // etcd, too, comes back on its port with its data directory.
    await cluster.stopEtcd();
    // /readyz checks etcd, so the API server reports it gone.
    await eventuallyResolves(async () => {
      if (await isClusterReady(cluster)) {
        throw new Error('still ready without etcd');
      }
    });
    await cluster.startEtcd();
    const afterEtcd = await eventuallyResolves(() =>
      cluster.kubeConfig().makeApiClient(CoreV1Api).readNamespace({
        name: 'survives',
      }),
    );
    expect(afterEtcd.metadata?.name).toBe('survives');
  }, 120_000);

  it('stops what it started when start-up fails, with a message naming the cause', async () => {
    const crdsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bad-crds-'));
    fs.writeFileSync(
      path.join(crdsDir, 'broken.yaml'),
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: broken.example.com\nspec:\n  group: example.com\n',
    );
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-failing-'));
    await expect(
      startCluster({ name: 'failing', crdsDir, stateDir, operator: false }),
    ).rejects.toThrow(/broken\.example\.com/);
    expect(readClusterState(stateDir)).toBeUndefined();
    const leftovers = fs
      .readdirSync('/proc')
      .filter(entry => /^\d+$/.test(entry))
      .filter(pid => {
        try {
          return fs
            .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
            .includes(`--name=failing`);
        } catch {
          return false;
        }
      });
    expect(leftovers).toEqual([]);
  }, 60_000);
});

async function eventuallyResolves<T>(
  call: () => Promise<T>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
}

describe('stopRecordedCluster', () => {
  it('cleans up the state of a run that was killed', async () => {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-stale-'));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-stale-data-'));
    fs.writeFileSync(
      path.join(stateDir, 'state.json'),
      JSON.stringify({ name: 'stale', dataDir, pids: { etcd: 2 ** 22 + 1 } }),
    );
    expect(isAlive(2 ** 22 + 1)).toBe(false);
    expect(await stopRecordedCluster(stateDir)).toBe(true);
    expect(fs.existsSync(stateDir)).toBe(false);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(await stopRecordedCluster(stateDir)).toBe(false);
  });
});
