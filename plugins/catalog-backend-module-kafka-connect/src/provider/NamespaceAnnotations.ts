import type { LoggerService } from '@backstage/backend-plugin-api';
import { CoreV1Api } from '@kubernetes/client-node';
import {
  KafkaConnectClusterConfig,
  kubeConfigForCluster,
} from '@kcs/plugin-kafka-connect-node';

type Reader = (namespace: string) => Promise<Record<string, string>>;

/**
 * Annotations of Namespace objects (owner and system), read on demand and
 * kept for a short while: namespaces change rarely, connectors often.
 */
export class NamespaceAnnotations {
  private readonly readers = new Map<string, Reader>();
  private readonly cached = new Map<
    string,
    { at: number; annotations?: Record<string, string> }
  >();
  private readonly warned = new Set<string>();

  constructor(
    clusters: KafkaConnectClusterConfig[],
    private readonly logger: LoggerService,
    private readonly maxAgeMs = 30_000,
  ) {
    for (const cluster of clusters) {
      const api = kubeConfigForCluster(cluster).makeApiClient(CoreV1Api);
      this.readers.set(cluster.name, async name => {
        const namespace = await api.readNamespace({ name });
        return (namespace.metadata?.annotations ?? {}) as Record<
          string,
          string
        >;
      });
    }
  }

  /** Forgets what was read, so the next full refresh sees changed namespaces. */
  clear() {
    this.cached.clear();
  }

  async get(
    cluster: string,
    namespace: string,
  ): Promise<Record<string, string> | undefined> {
    const key = `${cluster}/${namespace}`;
    const hit = this.cached.get(key);
    if (hit && Date.now() - hit.at < this.maxAgeMs) {
      return hit.annotations;
    }
    const reader = this.readers.get(cluster);
    if (!reader) {
      return undefined;
    }
    let annotations: Record<string, string> | undefined;
    try {
      annotations = await reader(namespace);
      this.warned.delete(key);
    } catch (error) {
      // Without the namespace the owner falls back to config; say so once.
      if (!this.warned.has(key)) {
        this.warned.add(key);
        this.logger.warn(
          `Cannot read namespace ${namespace} of cluster ${cluster} for its owner annotation (${
            (error as { code?: number }).code ?? String(error)
          }); grant get on namespaces to the portal's service account`,
        );
      }
    }
    this.cached.set(key, { at: Date.now(), annotations });
    return annotations;
  }
}
