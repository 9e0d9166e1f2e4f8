/**
 * Recognisable secret values planted in the sample data, so a scan of the test
 * run's logs and API responses can prove that none of them leaked. Every
 * value starts with {@link PLANTED_SECRET_PREFIX}; nothing else in the
 * repository or its output should contain it.
 */
export const PLANTED_SECRET_PREFIX = 'kcs-planted-secret';

type Manifest = Record<string, any>;

/** The literal value planted for one key of one Secret. */
export function plantedSecretValue(
  namespace: string,
  secret: string,
  key: string,
): string {
  return `${PLANTED_SECRET_PREFIX}:${namespace}/${secret}/${key}`;
}

// Matches `${secrets:<namespace>/<secret>:<key>}`, Strimzi's KubernetesSecretConfigProvider syntax.
const SECRET_REFERENCE = /\$\{secrets:([a-z0-9.-]+)\/([a-z0-9.-]+):([^}]+)\}/g;

/**
 * The Secrets that the config-provider references in these manifests point
 * to, each key holding a planted value (a real cluster would hold the real
 * credentials there; the portal's RBAC cannot read them).
 */
export function plantedSecretsFor(manifests: Manifest[]): Manifest[] {
  const secrets = new Map<string, Record<string, string>>();
  for (const match of JSON.stringify(manifests).matchAll(SECRET_REFERENCE)) {
    const [, namespace, name, key] = match;
    const id = `${namespace}/${name}`;
    secrets.set(id, {
      ...secrets.get(id),
      [key]: plantedSecretValue(namespace, name, key),
    });
  }
  return [...secrets.entries()].map(([id, stringData]) => {
    const [namespace, name] = id.split('/');
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, namespace },
      type: 'Opaque',
      stringData,
    };
  });
}
