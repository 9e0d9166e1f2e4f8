import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  LearnedRestartDialect,
  observeRestartAnnotation,
  RestartEvidence,
  RestartObservationOptions,
  RestartSighting,
} from '@kcs/plugin-kafka-connect-common';
import type {
  ResourceChange,
  StrimziResourceReader,
} from '@kcs/plugin-kafka-connect-node';

/**
 * What each cluster's Strimzi reads in `strimzi.io/restart`, learned from
 * the watch cache's events as the `spec.pause` fallback learns from the API
 * server's answers: never from a request of its own. A KafkaConnector
 * carrying restart options shows it when the operator removes the value
 * (0.48+) or leaves it after reconciling since (0.38–0.47). Kept in memory:
 * a restarted backend starts unknown and learns again.
 */
export class RestartDialects {
  private readonly sightings = new Map<string, RestartSighting>();
  private readonly learned = new Map<string, RestartEvidence>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly cache: Pick<StrimziResourceReader, 'subscribe' | 'list'>,
    private readonly options: {
      logger?: LoggerService;
      now?: () => number;
      observation?: RestartObservationOptions;
    } = {},
  ) {
    this.unsubscribe = cache.subscribe(change => this.changed(change));
  }

  /** The dialect learned for a cluster; undefined while nothing showed it. */
  of(cluster: string): LearnedRestartDialect | undefined {
    return this.learned.get(cluster)?.dialect;
  }

  close() {
    this.unsubscribe();
  }

  private changed(change: ResourceChange) {
    if (change.kind !== 'KafkaConnector') {
      return;
    }
    if (change.type === 'synced') {
      // A first list is not announced resource by resource.
      for (const cached of this.cache.list('KafkaConnector')) {
        if (cached.cluster === change.cluster) {
          this.observe(change.cluster, cached.resource);
        }
      }
    } else if (change.type === 'upsert' && change.resource) {
      this.observe(change.cluster, change.resource);
    } else if (change.type === 'delete' && change.resource) {
      this.sightings.delete(keyOf(change.cluster, change.resource));
    }
  }

  private observe(cluster: string, resource: Record<string, any>) {
    const key = keyOf(cluster, resource);
    const { sighting, evidence } = observeRestartAnnotation(
      this.sightings.get(key),
      resource,
      (this.options.now ?? Date.now)(),
      this.options.observation,
    );
    if (sighting) {
      this.sightings.set(key, sighting);
    } else {
      this.sightings.delete(key);
    }
    if (!evidence) {
      return;
    }
    const before = this.learned.get(cluster)?.dialect;
    this.learned.set(cluster, evidence);
    if (before !== evidence.dialect) {
      this.options.logger?.info(
        `Cluster ${cluster}: Strimzi ${
          evidence.dialect === 'options'
            ? 'reads restart options (includeTasks, onlyFailed)'
            : 'restarts only on "true"; restarts send true and the tasks one by one'
        }: ${evidence.reason}`,
      );
    }
  }
}

function keyOf(cluster: string, resource: Record<string, any>): string {
  return `${cluster}/${resource.metadata?.namespace}/${resource.metadata?.name}`;
}
