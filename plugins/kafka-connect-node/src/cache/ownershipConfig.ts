import type { Config } from '@backstage/config';
import type { OwnershipConfig } from './StrimziResourceCache';

function readStringMap(
  config: Config | undefined,
  key: string,
): Record<string, string> | undefined {
  const map = config?.getOptionalConfig(key);
  if (!map) {
    return undefined;
  }
  return Object.fromEntries(map.keys().map(k => [k, map.getString(k)]));
}

/**
 * `kafkaConnect.catalog.defaultOwner`, `namespaceOwners` and
 * `namespaceSystems`: the watch cache and the catalog module read the owners
 * the same way, so permissions and entities agree.
 * @public
 */
export function readOwnershipConfig(config: Config): OwnershipConfig {
  const catalog = config.getOptionalConfig('kafkaConnect.catalog');
  return {
    defaultOwner: catalog?.getOptionalString('defaultOwner'),
    namespaceOwners: readStringMap(catalog, 'namespaceOwners'),
    namespaceSystems: readStringMap(catalog, 'namespaceSystems'),
  };
}
