/**
 * What a KafkaConnector's spec asks of Kafka Connect, read the way Strimzi's
 * operator reads it. Written here on purpose: the stand-in must not share the
 * portal's reading of the spec, or a wrong reading would pass every test.
 */

/** The state a connector should be in. */
export type TargetState = 'running' | 'paused' | 'stopped';

/** `spec.state` wins; else the deprecated `spec.pause`; else running. */
export function targetStateOf(
  spec: Record<string, any> | undefined,
): TargetState {
  const state = spec?.state;
  if (state === 'running' || state === 'paused' || state === 'stopped') {
    return state;
  }
  return spec?.pause === true ? 'paused' : 'running';
}

/** The state Connect reports for a target state. */
export function connectStateOf(target: TargetState): string {
  return target.toUpperCase();
}

/**
 * The config Strimzi sends to Connect: `spec.config` with every value as a
 * string, plus `connector.class` and `tasks.max` from their own fields.
 */
export function connectConfigOf(
  spec: Record<string, any> | undefined,
): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(spec?.config ?? {})) {
    if (value !== null && value !== undefined) {
      config[key] =
        typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }
  if (spec?.class) {
    config['connector.class'] = String(spec.class);
  }
  if (spec?.tasksMax !== undefined) {
    config['tasks.max'] = String(spec.tasksMax);
  }
  return config;
}

/**
 * The options of a `strimzi.io/restart` value; `invalid` when Strimzi would
 * refuse it (with a Warning), `ignored` when it would just not restart: before
 * 0.48 the value is read with Java's Boolean.parseBoolean, so anything but
 * `true` means no restart and the annotation stays.
 */
export function restartOptionsOf(
  value: string,
  understandsOptions = true,
): { includeTasks: boolean; onlyFailed: boolean } | 'invalid' | 'ignored' {
  const trimmed = value.trim();
  if (trimmed.toLowerCase() === 'true') {
    return { includeTasks: false, onlyFailed: false };
  }
  if (!understandsOptions) {
    return 'ignored';
  }
  const options = trimmed.split(',').map(option => option.trim());
  if (
    options.length === 0 ||
    options.some(option => option !== 'includeTasks' && option !== 'onlyFailed')
  ) {
    return 'invalid';
  }
  return {
    includeTasks: options.includes('includeTasks'),
    onlyFailed: options.includes('onlyFailed'),
  };
}

/** Topics a connector reads or writes, from its config (for simulated connectors). */
export function topicsOf(
  config: Record<string, any> | undefined,
  type: string,
): string[] {
  if (!config) {
    return [];
  }
  if (type === 'sink') {
    return String(config.topics ?? '')
      .split(',')
      .map(topic => topic.trim())
      .filter(Boolean)
      .sort();
  }
  const prefix = config['topic.prefix'] ?? config.topic;
  if (!prefix) {
    return [];
  }
  const tables = String(
    config['table.include.list'] ?? config['collection.include.list'] ?? '',
  )
    .split(',')
    .map(table => table.trim())
    .filter(Boolean);
  return tables.length > 0
    ? tables.map(table => `${prefix}.${table}`).sort()
    : [String(prefix)];
}

/** A Warning Strimzi adds about the spec itself: deprecated `pause`, or `pause` beside `state`. */
export interface SpecWarning {
  reason: 'DeprecatedFields' | 'UpdateState';
  message: string;
}

/**
 * The Warnings Strimzi writes about `spec.pause` (deprecated in v1beta2,
 * ignored beside `spec.state`); none before 0.38, which had no `spec.state`.
 */
export function specWarningsOf(
  resource: {
    apiVersion?: string;
    spec?: Record<string, any>;
  },
  strimzi: { connectorState: boolean } = { connectorState: true },
): SpecWarning[] {
  const spec = resource.spec ?? {};
  if (spec.pause === undefined || !strimzi.connectorState) {
    return [];
  }
  const warnings: SpecWarning[] = [
    {
      reason: 'DeprecatedFields',
      message: `In API version ${
        resource.apiVersion ?? 'kafka.strimzi.io/v1beta2'
      } the pause property at path spec.pause has been deprecated, and should be replaced by spec.state.`,
    },
  ];
  if (spec.state !== undefined) {
    warnings.push({
      reason: 'UpdateState',
      message: `Both pause and state are set. Since pause is deprecated, state takes precedence so the connector will be ${targetStateOf(
        spec,
      )}.`,
    });
  }
  return warnings;
}
