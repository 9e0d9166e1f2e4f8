/**
 * Where a new connector goes and whom it is for: the resource of
 * `kafka.connect.create`.
 * @public
 */
export interface ConnectorTarget {
  cluster: string;
  namespace: string;
  /** The requested owner's entity ref, as the form gave it. */
  owner: string;
}

/**
 * Formats a target as `<cluster>/<namespace>/<owner ref>`. Cluster and
 * namespace names hold no `/`; the owner ref may (`group:default/team-a`), so
 * it comes last and keeps the rest of the string.
 * @public
 */
export function formatConnectorTargetRef(target: ConnectorTarget): string {
  return `${target.cluster}/${target.namespace}/${target.owner}`;
}

/**
 * Parses `<cluster>/<namespace>/<owner ref>`; undefined for anything else, so
 * a permission request with a mangled ref resolves to no resource (denied).
 * @public
 */
export function parseConnectorTargetRef(
  value: string | undefined,
): ConnectorTarget | undefined {
  if (!value) {
    return undefined;
  }
  const first = value.indexOf('/');
  const second = first < 0 ? -1 : value.indexOf('/', first + 1);
  if (first <= 0 || second <= first + 1 || second === value.length - 1) {
    return undefined;
  }
  return {
    cluster: value.slice(0, first),
    namespace: value.slice(first + 1, second),
    owner: value.slice(second + 1),
  };
}
