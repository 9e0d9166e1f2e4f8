import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
} from '@backstage/plugin-kubernetes-common';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';
import {
  ClusterCredentials,
  strategyCredentials,
} from './auth/clusterCredentials';
import {
  customAuthStrategy,
  defaultAuthStrategies,
  END_USER_AUTH_PROVIDERS,
} from './auth/strategies';

/** How the backend authenticates to one cluster. @public */
export type KafkaConnectClusterAuth =
  | { type: 'serviceAccount'; token: string }
  | { type: 'kubeconfig'; file?: string; context?: string }
  | { type: 'inCluster' }
  /** A strategy of Backstage's Kubernetes plugin (aws, azure, googleServiceAccount, ...) or a custom one. */
  | { type: 'strategy'; authProvider: string; credentials: ClusterCredentials };

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

interface ReadContext {
  strategies: () => ReadonlyMap<string, AuthenticationStrategy>;
}

/** Thrown for clusters whose authProvider needs the signed-in user's token. */
class EndUserAuthError extends InputError {}

function authMetadataOf(cluster: Config, authProvider: string) {
  const metadata: Record<string, string> = {
    ...(cluster.getOptional<Record<string, string>>('authMetadata') ?? {}),
    [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider,
  };
  const assumeRole = cluster.getOptionalString('assumeRole');
  const externalId = cluster.getOptionalString('externalId');
  if (assumeRole) metadata[ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE] = assumeRole;
  if (externalId) metadata[ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID] = externalId;
  const token = cluster.getOptionalString('serviceAccountToken');
  if (token) metadata.serviceAccountToken = token;
  return metadata;
}

function readCluster(
  cluster: Config,
  where: string,
  context: ReadContext,
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
    default: {
      const instead = END_USER_AUTH_PROVIDERS[authProvider];
      if (instead && !customAuthStrategy(authProvider)) {
        throw new EndUserAuthError(
          `${where}.authProvider '${authProvider}' of cluster '${name}' needs the signed-in user's token, which a background watch does not have: use ${instead}`,
        );
      }
      auth = {
        type: 'strategy',
        authProvider,
        credentials: strategyCredentials({
          cluster: {
            name,
            url: cluster.getOptionalString('url') ?? '',
            caData: cluster.getOptionalString('caData'),
            caFile: cluster.getOptionalString('caFile'),
            skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify'),
          },
          authProvider,
          authMetadata: authMetadataOf(cluster, authProvider),
          defaults: context.strategies(),
        }),
      };
    }
  }
  const url = cluster.getOptionalString('url') ?? '';
  if (
    (auth.type === 'serviceAccount' || auth.type === 'strategy') &&
    !/^https?:\/\//.test(url)
  ) {
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

const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

/**
 * Reads one cluster from settings shaped like a `kafkaConnect.clusters`
 * entry (a catalog cluster entity, say); `where` names it in errors.
 * @public
 */
export function readKafkaConnectCluster(
  settings: Config,
  where: string,
  options: { rootConfig: Config; logger?: LoggerService },
): KafkaConnectClusterConfig {
  let strategies: ReadonlyMap<string, AuthenticationStrategy> | undefined;
  return readCluster(settings, where, {
    // The strategies read the app's own config (AWS, Google credentials).
    strategies: () =>
      (strategies ??= defaultAuthStrategies(
        options.rootConfig,
        options.logger ?? silentLogger,
      )),
  });
}

/**
 * Reads the clusters to watch: `kafkaConnect.clusters`, or when that is
 * absent the `config` cluster locator of Backstage's Kubernetes plugin, so a
 * portal that already has that plugin needs no new configuration.
 * @public
 */
export function readKafkaConnectClusters(
  config: Config,
  options?: { logger?: LoggerService },
): KafkaConnectClusterConfig[] {
  let strategies: ReadonlyMap<string, AuthenticationStrategy> | undefined;
  const context: ReadContext = {
    strategies: () =>
      (strategies ??= defaultAuthStrategies(
        config,
        options?.logger ?? silentLogger,
      )),
  };
  let clusters: KafkaConnectClusterConfig[];
  const own = config.getOptionalConfigArray('kafkaConnect.clusters');
  if (own) {
    clusters = own.map((cluster, index) =>
      readCluster(cluster, `kafkaConnect.clusters[${index}]`, context),
    );
  } else {
    const locators =
      config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
    clusters = locators.flatMap((locator, locatorIndex) =>
      locator.getString('type') === 'config'
        ? (locator.getOptionalConfigArray('clusters') ?? []).flatMap(
            (cluster, index) => {
              try {
                return [
                  readCluster(
                    cluster,
                    `kubernetes.clusterLocatorMethods[${locatorIndex}].clusters[${index}]`,
                    context,
                  ),
                ];
              } catch (error) {
                // The Kubernetes plugin may show such a cluster to signed-in
                // users; this suite leaves it out rather than fail start-up.
                if (!(error instanceof EndUserAuthError)) throw error;
                options?.logger?.warn(
                  `Kafka Connect: not watching cluster: ${error.message}`,
                );
                return [];
              }
            },
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

/**
 * `kafkaConnect.clusters[].strimziVersion` by cluster name: the Strimzi
 * release a cluster runs, where the API versions it serves do not tell
 * (a `v1beta2`-only cluster may be 0.48, which reads restart options, or older).
 * @public
 */
export function readStrimziVersions(config: Config): Record<string, string> {
  const versions: Record<string, string> = {};
  (config.getOptionalConfigArray('kafkaConnect.clusters') ?? []).forEach(
    (cluster, index) => {
      const version = cluster.getOptionalString('strimziVersion');
      if (version === undefined) {
        return;
      }
      if (!/^\d+\.\d+(\.\d+)?$/.test(version.trim())) {
        throw new Error(
          `Config kafkaConnect.clusters[${index}].strimziVersion must be a Strimzi release such as 0.45.0 or 1.2, not ${JSON.stringify(
            version,
          )}`,
        );
      }
      versions[cluster.getString('name')] = version.trim();
    },
  );
  return versions;
}
