import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { ConfigReader, type Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  type CatalogClusterLocatorOptions,
  catalogClusterSettings,
  type KafkaConnectClusterConfig,
  type KafkaConnectClusterRegistry,
  readKafkaConnectCluster,
} from '@kcs/plugin-kafka-connect-node';

/** The registry source name of catalog clusters. */
export const CATALOG_CLUSTER_SOURCE = 'catalog';

/** A `type: catalog` cluster locator and how often it is read. */
export interface CatalogClusterLocator extends CatalogClusterLocatorOptions {
  refreshSeconds: number;
}

/**
 * The Kubernetes plugin's `type: catalog` locator, when this suite reads that
 * plugin's locators (no `kafkaConnect.clusters`); refreshed every
 * `kafkaConnect.catalogClusters.refreshSeconds` (default 60).
 */
export function readCatalogClusterLocator(
  config: Config,
): CatalogClusterLocator | undefined {
  if (config.has('kafkaConnect.clusters')) return undefined;
  const locator = (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  ).find(method => method.getString('type') === 'catalog');
  if (!locator) return undefined;
  const refreshSeconds =
    config.getOptionalNumber('kafkaConnect.catalogClusters.refreshSeconds') ??
    60;
  if (!(refreshSeconds > 0)) {
    throw new Error(
      `kafkaConnect.catalogClusters.refreshSeconds must be a positive number of seconds, not ${refreshSeconds}`,
    );
  }
  return {
    refreshSeconds,
    dangerouslyAllowClusterUrls: locator.getOptionalStringArray(
      'dangerouslyAllowClusterUrls',
    ),
    dangerouslyAllowSkipTLSVerify: locator.getOptionalBoolean(
      'dangerouslyAllowSkipTLSVerify',
    ),
  };
}

/**
 * Keeps the registry's catalog clusters equal to the catalog's
 * `kubernetes-cluster` Resources: new ones are watched, removed or changed
 * ones dropped (or replaced) on the next refresh.
 */
export class CatalogClusterSource {
  /** Entity and reason of the last warning, so a refresh does not repeat it. */
  private readonly warned = new Map<string, string>();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      registry: KafkaConnectClusterRegistry;
      logger: LoggerService;
      rootConfig: Config;
      locator: CatalogClusterLocatorOptions;
      /** Host lookup, for tests. */
      lookup?: (host: string) => Promise<string[]>;
    },
  ) {}

  async refresh(): Promise<void> {
    const { catalog, auth, registry } = this.deps;
    const { items } = await catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': 'kubernetes-cluster',
          'metadata.annotations.kubernetes.io/api-server':
            CATALOG_FILTER_EXISTS,
          'metadata.annotations.kubernetes.io/api-server-certificate-authority':
            CATALOG_FILTER_EXISTS,
          'metadata.annotations.kubernetes.io/auth-provider':
            CATALOG_FILTER_EXISTS,
        },
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const otherSources = new Set(
      registry
        .list()
        .filter(
          cluster =>
            !registry
              .list(CATALOG_CLUSTER_SOURCE)
              .some(own => own.name === cluster.name),
        )
        .map(cluster => cluster.name),
    );
    const clusters: KafkaConnectClusterConfig[] = [];
    const current = new Set<string>();
    for (const entity of items) {
      const name = entity.metadata.name;
      current.add(name);
      const where = `catalog cluster resource:${
        entity.metadata.namespace ?? 'default'
      }/${name}`;
      if (otherSources.has(name) || clusters.some(c => c.name === name)) {
        this.warn(
          name,
          `${where}: a cluster named '${name}' is configured already; this entity is left out`,
        );
        continue;
      }
      const read = await catalogClusterSettings(
        entity,
        this.deps.locator,
        this.deps.lookup,
      );
      if (read.skipped) {
        this.warn(name, `${where} is not watched: ${read.skipped}`);
        continue;
      }
      try {
        clusters.push(
          readKafkaConnectCluster(new ConfigReader(read.settings), where, {
            rootConfig: this.deps.rootConfig,
            logger: this.deps.logger,
          }),
        );
        this.warned.delete(name);
      } catch (error) {
        this.warn(name, `${where} is not watched: ${(error as Error).message}`);
      }
    }
    for (const name of this.warned.keys()) {
      if (!current.has(name)) this.warned.delete(name);
    }
    const { added, removed } = registry.setClusters(
      CATALOG_CLUSTER_SOURCE,
      clusters,
    );
    if (added.length > 0 || removed.length > 0) {
      this.deps.logger.info(
        `Catalog clusters: added ${
          added.map(c => c.name).join(', ') || 'none'
        }; dropped ${removed.map(c => c.name).join(', ') || 'none'}`,
      );
    }
  }

  private warn(entity: string, message: string) {
    if (this.warned.get(entity) === message) return;
    this.warned.set(entity, message);
    this.deps.logger.warn(message);
  }
}
