/**
 * Whether a connector config key holds a credential. The last dotted segment
 * decides, so `key.converter` is not one but `bigQuery.keyfile`, `api.key`,
 * `database.password` and `sasl.jaas.config` are.
 * @public
 */
export function isCredentialKey(key: string): boolean {
  const lower = key.toLocaleLowerCase('en-US');
  if (lower.endsWith('jaas.config')) {
    return true;
  }
  const last = lower.split('.').pop() ?? '';
  return (
    /password|passwd|secret|token|credential|authorization/.test(last) ||
    /key(file)?$/.test(last)
  );
}

/**
 * Whether a value is exactly one config-provider reference such as
 * `${secrets:orders/db:password}`, `${env:DB_PASSWORD}` or
 * `${secretManager:SHOP:PASSWORD}`, with nothing literal around it.
 * @public
 */
export function isConfigProviderReference(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^\$\{[A-Za-z][A-Za-z0-9_-]*:[^${}\s]+\}$/.test(value)
  );
}
