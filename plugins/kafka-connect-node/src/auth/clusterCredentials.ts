import type {
  AuthenticationStrategy,
  AuthMetadata,
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import type { User } from '@kubernetes/client-node';
import type https from 'node:https';
import { customAuthStrategy } from './strategies';

/** Credentials of one cluster, fetched from a Kubernetes-plugin strategy. @public */
export interface ClusterCredentials {
  /** The authProvider value that selects the strategy. */
  readonly authProvider: string;
  /** A credential valid now: called before every connection. */
  get(): Promise<KubernetesCredential>;
  /** Equal for credentials read from equal settings (never logged: it may hold a token). */
  readonly settings?: string;
}

/**
 * Credentials from the strategy for `authProvider` (a module's custom one
 * first, then the Kubernetes plugin's). Nothing is kept between calls, so
 * every (re)connect and every retry after a 401 gets a credential valid
 * then; the strategies keep their own caches where a fetch is costly
 * (Azure), and concurrent calls share one fetch.
 */
export function strategyCredentials(options: {
  cluster: Omit<ClusterDetails, 'authMetadata'>;
  authProvider: string;
  authMetadata: AuthMetadata;
  defaults: ReadonlyMap<string, AuthenticationStrategy>;
}): ClusterCredentials {
  const { cluster, authProvider, authMetadata, defaults } = options;
  let pending: Promise<KubernetesCredential> | undefined;
  const fetchCredential = async () => {
    const strategy =
      customAuthStrategy(authProvider) ?? defaults.get(authProvider);
    if (!strategy) {
      throw new Error(
        `No auth strategy for authProvider '${authProvider}' of cluster '${cluster.name}': add one with kafkaConnectAuthStrategyExtensionPoint or use a provider of Backstage's Kubernetes plugin`,
      );
    }
    return strategy.getCredential({ ...cluster, authMetadata }, {});
  };
  return {
    authProvider,
    settings: JSON.stringify({ cluster, authProvider, authMetadata }),
    get() {
      if (!pending) {
        pending = fetchCredential().finally(() => {
          pending = undefined;
        });
      }
      return pending;
    },
  };
}

/** Name of the kubeconfig auth provider that {@link CredentialsAuthenticator} serves. */
export const STRATEGY_AUTH_PROVIDER = 'kafka-connect-strategy';

/**
 * client-node authenticator that applies a fresh credential to each request
 * (API calls and watch connections alike).
 */
export class CredentialsAuthenticator {
  constructor(private readonly credentials: ClusterCredentials) {}

  isAuthProvider(user: User): boolean {
    return user.authProvider?.name === STRATEGY_AUTH_PROVIDER;
  }

  async applyAuthentication(
    _user: User,
    opts: https.RequestOptions,
  ): Promise<void> {
    const credential = await this.credentials.get();
    if (credential.type === 'bearer token') {
      opts.headers = {
        ...opts.headers,
        Authorization: `Bearer ${credential.token}`,
      };
    } else if (credential.type === 'x509 client certificate') {
      opts.cert = credential.cert;
      opts.key = credential.key;
    }
  }
}
