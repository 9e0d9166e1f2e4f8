import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  AksStrategy,
  AnonymousStrategy,
  AwsIamStrategy,
  AzureIdentityStrategy,
  GoogleServiceAccountStrategy,
  GoogleStrategy,
  OidcStrategy,
  ServiceAccountStrategy,
} from '@backstage/plugin-kubernetes-backend';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';

/**
 * Providers whose strategy needs the signed-in user's token (sent by the
 * browser with each request): a background watch has no user, so clusters
 * configured with them cannot be watched. The value says what to use instead.
 * @public
 */
export const END_USER_AUTH_PROVIDERS: Readonly<Record<string, string>> = {
  oidc: "a service account token (authProvider 'serviceAccount') or a custom strategy added with kafkaConnectAuthStrategyExtensionPoint",
  google:
    "authProvider 'googleServiceAccount' (GOOGLE_APPLICATION_CREDENTIALS, workload identity or kubernetes.googleServiceAccountCredentials)",
  aks: "authProvider 'azure' (the backend's managed identity or service principal through DefaultAzureCredential)",
};

/**
 * The strategies of Backstage's Kubernetes plugin, keyed by the
 * `authProvider` value that selects each (the same keys as that plugin's).
 */
export function defaultAuthStrategies(
  config: Config,
  logger: LoggerService,
): Map<string, AuthenticationStrategy> {
  return new Map<string, AuthenticationStrategy>([
    ['aws', new AwsIamStrategy({ config })],
    ['azure', new AzureIdentityStrategy(logger)],
    ['aks', new AksStrategy()],
    ['google', new GoogleStrategy()],
    ['googleServiceAccount', new GoogleServiceAccountStrategy({ config })],
    ['oidc', new OidcStrategy()],
    ['serviceAccount', new ServiceAccountStrategy()],
    ['localKubectlProxy', new AnonymousStrategy()],
  ]);
}

/**
 * Strategies added by backend modules through
 * kafkaConnectAuthStrategyExtensionPoint. One per process, because the
 * watch cache (a root service) and the plugin's operations must see the same
 * set; it is read when a connection is made, after modules registered.
 */
const customStrategies = new Map<string, AuthenticationStrategy>();

/**
 * Adds a strategy for an authProvider value; a second one for a key is an
 * error. Backend modules use kafkaConnectAuthStrategyExtensionPoint instead.
 * @public
 */
export function addCustomAuthStrategy(
  key: string,
  strategy: AuthenticationStrategy,
) {
  if (!/^[a-zA-Z][a-zA-Z0-9-]*$/.test(key)) {
    throw new Error(
      `Auth strategy key '${key}' is not valid: use letters, digits and '-', starting with a letter`,
    );
  }
  const existing = customStrategies.get(key);
  if (existing && existing !== strategy) {
    throw new Error(
      `An auth strategy for authProvider '${key}' was added twice: keep one module that adds it`,
    );
  }
  customStrategies.set(key, strategy);
}

/** The custom strategy for a key, if a module added one. */
export function customAuthStrategy(
  key: string,
): AuthenticationStrategy | undefined {
  return customStrategies.get(key);
}
