import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { StrimziKind } from '@kcs/plugin-kafka-connect-common';
import type {
  ResourceChange,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';
import {
  CatalogOwnershipConfig,
  locationKeyOf,
  strimziResourceToEntity,
} from './entities';

const KINDS: StrimziKind[] = [
  'KafkaConnector',
  'KafkaConnect',
  'KafkaMirrorMaker2',
];

/** Options of {@link KafkaConnectEntityProvider}. */
export interface KafkaConnectEntityProviderOptions {
  cache: StrimziResourceReader;
  config: CatalogOwnershipConfig;
  logger: LoggerService;
  /**
   * Asks for a full refresh soon (after a cluster's list or relist); the
   * module points it at the scheduled task so replicas still take turns.
   */
  requestRefresh?: () => void;
}

/**
 * Emits every KafkaConnector, KafkaConnect and KafkaMirrorMaker2 of the
 * backend's watch cache as a catalog entity: a full mutation when
 * {@link KafkaConnectEntityProvider.refresh} runs (on a global schedule, one
 * replica at a time), and a delta for every change the watch reports. Deltas
 * carry the entity's location key, so replicas that apply the same change
 * agree instead of fighting.
 */
export class KafkaConnectEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private unsubscribe?: () => void;
  /** Serialises deltas so a delete never overtakes the create before it. */
  private queue: Promise<void> = Promise.resolve();
  private readonly warned = new Map<string, string>();
  private readonly listed = new Set<string>();

  constructor(private readonly options: KafkaConnectEntityProviderOptions) {}

  getProviderName(): string {
    return 'kafka-connect';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    this.unsubscribe = this.options.cache.subscribe(change => {
      this.queue = this.queue
        .then(() => this.applyChange(change))
        .catch(error =>
          this.options.logger.warn(
            `Kafka Connect catalog delta failed: ${String(error)}`,
          ),
        );
    });
  }

  disconnect() {
    this.unsubscribe?.();
  }

  /** Waits until every delta seen so far has been applied (for tests and shutdown). */
  async settled(): Promise<void> {
    await this.queue;
  }

  /**
   * Replaces everything this provider emitted with what the cache holds now.
   * Skipped while a cluster has not finished its first list: a full mutation
   * from a half-filled cache would delete that cluster's entities.
   */
  async refresh(): Promise<{ applied: boolean; count: number }> {
    if (!this.connection) {
      throw new Error('The Kafka Connect entity provider is not connected');
    }
    const unsynced = this.options.cache
      .clusters()
      .filter(cluster => !cluster.synced);
    if (unsynced.length) {
      this.options.logger.info(
        `Kafka Connect catalog refresh skipped: cluster(s) ${unsynced
          .map(c => c.name)
          .join(', ')} not synced yet`,
      );
      return { applied: false, count: 0 };
    }
    const entities: DeferredEntity[] = [];
    for (const kind of KINDS) {
      for (const { cluster, resource } of this.options.cache.list(kind)) {
        const entity = this.toEntity(cluster, kind, resource);
        entities.push({ entity, locationKey: locationKeyOf(cluster) });
      }
    }
    await this.connection.applyMutation({ type: 'full', entities });
    this.options.logger.info(
      `Kafka Connect catalog refresh: ${entities.length} entities`,
    );
    return { applied: true, count: entities.length };
  }

  private async applyChange(change: ResourceChange) {
    if (!this.connection) {
      return;
    }
    if (change.type === 'namespaces') {
      // A Namespace's owner or system moved: re-emit the entities in it (all
      // of the cluster's after a relist, when the namespace is not known).
      const added: DeferredEntity[] = [];
      for (const kind of KINDS) {
        for (const { cluster, resource } of this.options.cache.list(kind)) {
          if (
            cluster === change.cluster &&
            (!change.namespace ||
              resource.metadata?.namespace === change.namespace)
          ) {
            added.push({
              entity: this.toEntity(cluster, kind, resource),
              locationKey: locationKeyOf(cluster),
            });
          }
        }
      }
      if (added.length) {
        await this.connection.applyMutation({
          type: 'delta',
          added,
          removed: [],
        });
      }
      return;
    }
    if (change.type === 'synced' || !change.resource) {
      // The first list of a cluster's kind fills the catalog without waiting
      // for the schedule (its resources are not announced one by one). A
      // newly served API version syncs again; that is left to the schedule.
      const key = `${change.cluster}/${change.kind}`;
      if (!this.listed.has(key)) {
        this.listed.add(key);
        this.options.requestRefresh?.();
      }
      return;
    }
    const entity = this.toEntity(change.cluster, change.kind, change.resource);
    const locationKey = locationKeyOf(change.cluster);
    if (change.type === 'upsert') {
      await this.connection.applyMutation({
        type: 'delta',
        added: [{ entity, locationKey }],
        removed: [],
      });
    } else {
      await this.connection.applyMutation({
        type: 'delta',
        added: [],
        removed: [{ entity, locationKey }],
      });
    }
  }

  private toEntity(
    cluster: string,
    kind: StrimziKind,
    resource: Record<string, any>,
  ): Entity {
    const namespace = resource.metadata?.namespace;
    // From the shared cache's Namespace watch: the same input the REST API uses.
    const namespaceAnnotations = namespace
      ? this.options.cache.namespaceAnnotations(cluster, namespace)
      : undefined;
    const { entity, warnings } = strimziResourceToEntity(
      {
        cluster,
        kind,
        resource,
        namespaceAnnotations,
        ownership: this.options.cache.ownerOf({ cluster, kind, resource }),
      },
      this.options.config,
    );
    this.warnOnce(
      `${kind}/${cluster}/${resource.metadata?.namespace}/${resource.metadata?.name}`,
      warnings,
    );
    return entity;
  }

  /** Logs a resource's warnings when they change, not on every refresh. */
  private warnOnce(key: string, warnings: string[]) {
    const text = warnings.join('; ');
    if (this.warned.get(key) === text) {
      return;
    }
    if (text) {
      this.warned.set(key, text);
      for (const warning of warnings) {
        this.options.logger.warn(warning);
      }
    } else {
      this.warned.delete(key);
    }
  }
}
