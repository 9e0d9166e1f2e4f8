import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** How long the backend waits for Connect when nothing else is configured. @public */
export const DEFAULT_VALIDATION_TIMEOUT_SECONDS = 30;

/** How the backend reaches the REST API of some Connect clusters of one cluster. @public */
export interface ConnectRestTarget {
  cluster: string;
  /** `name` or `namespace/name` of KafkaConnects; absent: every one in the cluster. */
  connectClusters?: string[];
  /**
   * A URL template (`http://{name}-connect-api.{namespace}.svc:8083`), or a
   * path template on the cluster's API server (the service proxy), with
   * `{name}`, `{namespace}` and `{cluster}`.
   */
  url: string;
  /** True when `url` is a path through the API server. */
  throughApiServer: boolean;
  timeoutMs: number;
}

/** `kafkaConnect.validation`, read once at start-up; undefined when off. @public */
export interface ValidationConfig {
  targets: ConnectRestTarget[];
}

const PLACEHOLDER = /\{([^}]*)\}/g;
const KNOWN = new Set(['name', 'namespace', 'cluster']);

/**
 * Reads `kafkaConnect.validation`; absent means validation is off. With
 * `clusterNames`, a target naming another cluster is refused. The backend
 * (which calls Connect) and the scaffolder module (which asks the backend
 * when validation covers a target) read the same key.
 * @public
 */
export function readValidationConfig(
  config: Config,
  clusterNames?: string[],
): ValidationConfig | undefined {
  const own = config.getOptionalConfig('kafkaConnect.validation');
  if (!own) return undefined;
  const targets = own.getConfigArray('targets').map((target, index) => {
    const where = `kafkaConnect.validation.targets[${index}]`;
    const cluster = target.getString('cluster');
    if (clusterNames && !clusterNames.includes(cluster)) {
      throw new InputError(
        `${where}.cluster '${cluster}' is not a configured cluster; use one of ${
          clusterNames.join(', ') || '(none)'
        }`,
      );
    }
    const url = target.getString('url');
    const throughApiServer = url.startsWith('/');
    if (!throughApiServer && !/^https?:\/\/[^/]/.test(url)) {
      throw new InputError(
        `${where}.url '${url}' must be an http(s) URL such as http://{name}-connect-api.{namespace}.svc:8083, or an API server path such as /api/v1/namespaces/{namespace}/services/{name}-connect-api:8083/proxy`,
      );
    }
    for (const [, name] of url.matchAll(PLACEHOLDER)) {
      if (!KNOWN.has(name)) {
        throw new InputError(
          `${where}.url has an unknown placeholder {${name}}; use {name}, {namespace} or {cluster}`,
        );
      }
    }
    const timeoutSeconds =
      target.getOptionalNumber('timeoutSeconds') ??
      DEFAULT_VALIDATION_TIMEOUT_SECONDS;
    if (!(timeoutSeconds > 0)) {
      throw new InputError(
        `${where}.timeoutSeconds must be a positive number of seconds`,
      );
    }
    return {
      cluster,
      connectClusters: target.getOptionalStringArray('connectClusters'),
      url: url.replace(/\/+$/, ''),
      throughApiServer,
      timeoutMs: timeoutSeconds * 1000,
    };
  });
  return { targets };
}

/** The first target that covers the Connect cluster, if any. @public */
export function findConnectRestTarget(
  validation: ValidationConfig | undefined,
  where: { cluster: string; namespace: string; connectCluster: string },
): ConnectRestTarget | undefined {
  return validation?.targets.find(
    target =>
      target.cluster === where.cluster &&
      (!target.connectClusters ||
        target.connectClusters.includes(where.connectCluster) ||
        target.connectClusters.includes(
          `${where.namespace}/${where.connectCluster}`,
        )),
  );
}

/** The target's URL for one Connect cluster and REST path. @public */
export function connectRestUrl(
  target: ConnectRestTarget,
  where: { cluster: string; namespace: string; connectCluster: string },
  path: string,
): string {
  const values: Record<string, string> = {
    name: where.connectCluster,
    namespace: where.namespace,
    cluster: where.cluster,
  };
  return `${target.url.replace(PLACEHOLDER, (_mark, name: string) =>
    encodeURIComponent(values[name]),
  )}${path}`;
}
