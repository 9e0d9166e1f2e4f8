/**
 * Whether a configured Strimzi version (`kafkaConnect.clusters[].strimziVersion`,
 * e.g. `0.37.0`) is `minimum` or later; undefined when none is configured or
 * it does not start with `<major>.<minor>`, so the caller falls back to what
 * the cluster itself shows.
 */
export function configuredStrimziAtLeast(
  strimziVersion: string | undefined,
  minimum: string,
): boolean | undefined {
  const version = /^(\d+)\.(\d+)/.exec(strimziVersion?.trim() ?? '');
  if (!version) {
    return undefined;
  }
  const [major, minor] = [Number(version[1]), Number(version[2])];
  const [minMajor, minMinor] = minimum.split('.').map(Number);
  return major > minMajor || (major === minMajor && minor >= minMinor);
}
