import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEBEZIUM_VERSION,
  ETCD_VERSION,
  HELM_VERSION,
  KAFKA_VERSION,
  KUBERNETES_VERSION,
} from './versions';

/** The monorepo root: the nearest parent folder whose package.json declares workspaces. */
export function findRepoRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      if (parsed.workspaces) {
        return dir;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `No monorepo root (package.json with workspaces) above ${start}`,
      );
    }
    dir = parent;
  }
}

/**
 * Where named clusters keep their state: `<repo>/.dev-cluster/<name>/`
 * (kubeconfig, state.json, logs). Git-ignored; override with KC_DEV_CLUSTER_HOME.
 */
export function clustersHome(): string {
  return (
    process.env.KC_DEV_CLUSTER_HOME ?? path.join(findRepoRoot(), '.dev-cluster')
  );
}

/** The state folder of one named cluster. */
export function clusterDir(name: string): string {
  return path.join(clustersHome(), name);
}

/**
 * The binary cache, outside the repo and keyed by version, so every clone and
 * every CI run on the machine reuses one build.
 */
export function binaryCacheDir(): string {
  return path.join(
    cacheBase(),
    `kubernetes-${KUBERNETES_VERSION}-etcd-${ETCD_VERSION}`,
  );
}

function cacheBase(): string {
  return (
    process.env.KC_BINARY_CACHE ??
    path.join(
      process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'),
      'kafka-connect-dev-cluster',
    )
  );
}

/** Where the helm binary is kept, keyed by version like the Kubernetes binaries. */
export function helmCacheDir(): string {
  return path.join(cacheBase(), `helm-${HELM_VERSION}`);
}

/** The wrapper Go module that pins helm (its own: helm's Kubernetes libraries differ from kube-apiserver's). */
export function helmModuleDir(): string {
  return path.resolve(__dirname, '..', 'helm');
}

/** Where the Kafka and Connect jars that Maven resolves are kept, keyed by version like the binaries. */
export function kafkaCacheDir(): string {
  return path.join(
    cacheBase(),
    `kafka-${KAFKA_VERSION}-debezium-${DEBEZIUM_VERSION}`,
  );
}

/** The Maven project that pins Kafka, Connect and Debezium. */
export function mavenProjectDir(): string {
  return path.resolve(__dirname, '..', 'maven');
}

/** The wrapper Go module that pins kube-apiserver and etcd. */
export function goModuleDir(): string {
  return path.resolve(__dirname, '..', 'go');
}
