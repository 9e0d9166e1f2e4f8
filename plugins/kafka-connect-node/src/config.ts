import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** How the backend authenticates to one cluster. @public */
export type KafkaConnectClusterAuth =
  | { type: 'serviceAccount'; token: string }
  | { type: 'kubeconfig'; file?: string; context?: string }
  | { type: 'inCluster' };

/** One configured Kubernetes cluster running Strimzi. @public */
export interface KafkaConnectClusterConfig {
  name: string;
  url: string;
  auth: KafkaConnectClusterAuth;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  /** Namespaces to watch; empty means all. */
  namespaces: string[];
}

const NAME_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function readCluster(
  cluster: Config,
  where: string,
): KafkaConnectClusterConfig {
  const name = cluster.getString('name');
  if (!NAME_PATTERN.test(name)) {
    throw new InputError(
      `${where}.name '${name}' is not valid: use lower-case letters, digits and '-' (it appears in URLs and entity names)`,
    );
  }
  const authProvider =
    cluster.getOptionalString('authProvider') ?? 'serviceAccount';
  let auth: KafkaConnectClusterAuth;
  switch (authProvider) {
    case 'serviceAccount': {
      const token = cluster.getOptionalString('serviceAccountToken');
      if (!token) {
        throw new InputError(
          `${where}.serviceAccountToken is missing for cluster '${name}': set it (e.g. from an environment variable) or choose another authProvider (kubeconfig, inCluster)`,
        );
      }
      auth = { type: 'serviceAccount', token };
      break;
    }
    case 'kubeconfig':
      auth = {
        type: 'kubeconfig',
        file: cluster.getOptionalString('kubeconfigFile'),
        context: cluster.getOptionalString('kubeconfigContext'),
      };
      break;
    case 'inCluster':
      auth = { type: 'inCluster' };
      break;
    default:
      throw new InputError(
        `${where}.authProvider '${authProvider}' is not supported for cluster '${name}': use serviceAccount, kubeconfig or inCluster`,
      );
  }
  const url = cluster.getOptionalString('url') ?? '';
  if (auth.type === 'serviceAccount' && !/^https?:\/\//.test(url)) {
    throw new InputError(
      `${where}.url '${url}' of cluster '${name}' must be the API server's http(s) URL, e.g. https://kubernetes.example.com:6443`,
    );
  }
  return {
    name,
    url,
    auth,
    caData: cluster.getOptionalString('caData'),
    caFile: cluster.getOptionalString('caFile'),
    skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
    namespaces: cluster.getOptionalStringArray('namespaces') ?? [],
  };
}

/**
 * Reads the clusters to watch: `kafkaConnect.clusters`, or when that is
 * absent the `config` cluster locator of Backstage's Kubernetes plugin, so a
 * portal that already has that plugin needs no new configuration.
 * @public
 */
export function readKafkaConnectClusters(
  config: Config,
): KafkaConnectClusterConfig[] {
  let clusters: KafkaConnectClusterConfig[];
  const own = config.getOptionalConfigArray('kafkaConnect.clusters');
  if (own) {
    clusters = own.map((cluster, index) =>
      readCluster(cluster, `kafkaConnect.clusters[${index}]`),
    );
  } else {
    const locators =
      config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
    clusters = locators.flatMap((locator, locatorIndex) =>
      locator.getString('type') === 'config'
        ? (locator.getOptionalConfigArray('clusters') ?? []).map(
            (cluster, index) =>
              readCluster(
                cluster,
                `kubernetes.clusterLocatorMethods[${locatorIndex}].clusters[${index}]`,
              ),
          )
        : [],
    );
  }
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (seen.has(cluster.name)) {
      throw new InputError(
        `Cluster name '${cluster.name}' is configured twice: cluster names must be unique`,
      );
    }
    seen.add(cluster.name);
  }
  return clusters;
}
