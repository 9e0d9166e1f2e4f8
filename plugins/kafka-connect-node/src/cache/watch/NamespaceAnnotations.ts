import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { KindInformer } from './KindInformer';
import { describeError, statusOf } from './describeError';

/** Options of {@link NamespaceAnnotations}. */
export interface NamespaceAnnotationsOptions {
  cluster: string;
  kubeConfig: KubeConfig;
  /** The configured namespaces; empty for all. */
  namespaces: string[];
  logger: LoggerService;
  /**
   * A Namespace's annotations changed (or it went): owners may have moved.
   * Undefined after the first list, which may fill many at once.
   */
  onChange: (namespace: string | undefined) => void;
  maxBackoffMs?: number;
  inactivityMs?: number;
}

/** How long to wait before asking again when Namespaces are forbidden. */
const FORBIDDEN_RETRY_MS = 300_000;

/**
 * Watches Namespaces (all, or each configured one) for their annotations:
 * owners and systems set per namespace. Best effort: without access to
 * Namespaces, owners come from the resources and config, and the cluster is
 * not reported stale for it.
 */
export class NamespaceAnnotations {
  private readonly byName = new Map<string, Record<string, string>>();
  private readonly informers: KindInformer[];
  private warnedForbidden = false;
  /** Once Namespaces were readable, a 403 is a restarting API server's (RBAC not loaded yet), not a missing grant. */
  private everSynced = false;

  constructor(private readonly options: NamespaceAnnotationsOptions) {
    const api = options.kubeConfig.makeApiClient(CoreV1Api);
    const targets = options.namespaces.length
      ? options.namespaces
      : [undefined];
    this.informers = targets.map(only => {
      const fieldSelector = only ? `metadata.name=${only}` : undefined;
      return new KindInformer({
        kubeConfig: options.kubeConfig,
        path: '/api/v1/namespaces',
        fieldSelector,
        list: () => api.listNamespace(fieldSelector ? { fieldSelector } : {}),
        onUpsert: object => {
          const name = this.set(object);
          if (name) {
            options.onChange(name);
          }
        },
        onDelete: object => this.remove(object.metadata?.name),
        onFirstSync: () => {
          this.everSynced = true;
          // One notice for the whole first list, not one per Namespace.
          const changed = this.informerList(only).filter(object =>
            this.set(object),
          );
          if (changed.length) {
            options.onChange(undefined);
          }
        },
        onError: (error, retryInMs) => this.failed(error, retryInMs),
        retryDelayFor: error =>
          this.forbidden(error) ? FORBIDDEN_RETRY_MS : undefined,
        maxBackoffMs: options.maxBackoffMs,
        inactivityMs: options.inactivityMs,
      });
    });
  }

  start() {
    this.informers.forEach(informer => informer.start());
  }

  async stop() {
    await Promise.all(this.informers.map(informer => informer.stop()));
  }

  get(namespace: string): Record<string, string> | undefined {
    return this.byName.get(namespace);
  }

  private informerList(only: string | undefined) {
    const index = only ? this.options.namespaces.indexOf(only) : 0;
    return this.informers[index]?.list() ?? [];
  }

  /** Keeps a Namespace's annotations; its name when they changed. */
  private set(object: Record<string, any>): string | undefined {
    const name: string | undefined = object.metadata?.name;
    if (!name) {
      return undefined;
    }
    const next: Record<string, string> = object.metadata?.annotations ?? {};
    const previous = this.byName.get(name);
    if (previous && JSON.stringify(previous) === JSON.stringify(next)) {
      return undefined;
    }
    this.byName.set(name, next);
    return name;
  }

  private remove(name: string | undefined) {
    if (name && this.byName.delete(name)) {
      this.options.onChange(name);
    }
  }

  private forbidden(error: unknown): boolean {
    return statusOf(error) === 403 && !this.everSynced;
  }

  private failed(error: unknown, retryInMs: number) {
    const { cluster, logger } = this.options;
    if (this.forbidden(error)) {
      if (!this.warnedForbidden) {
        this.warnedForbidden = true;
        logger.warn(
          `Cluster ${cluster}: the portal may not list/watch namespaces, so namespace owner annotations are ignored there; grant it 'list' and 'watch' on namespaces to use them`,
        );
      }
      return;
    }
    logger.debug(
      `Cluster ${cluster}: namespaces: ${describeError(
        error,
      )}; retrying in ${retryInMs} ms`,
    );
  }
}
