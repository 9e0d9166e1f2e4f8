/**
 * One partition's offset as Kafka Connect reports it (KIP-875): for a
 * source connector, whatever partition and offset maps it commits (a
 * FileStream source: `filename` and `position`); for a sink, `kafka_topic`
 * and `kafka_partition`, and `kafka_offset`. An offset of `null` in an
 * alteration removes that partition's offset.
 * @public
 */
export interface ConnectorOffset {
  /** Which partition: the connector's own keys, or a sink's topic and partition. */
  partition: Record<string, unknown>;
  /** Where in it; `null` removes the offset (alterations only). */
  offset: Record<string, unknown> | null;
}

/** Kafka Connect's `GET /connectors/<n>/offsets` body, as Strimzi writes it to `offsets.json`. @public */
export interface ConnectorOffsets {
  /** One entry per partition the connector committed an offset for. */
  offsets: ConnectorOffset[];
}

/** The ConfigMap key Strimzi reads and writes a connector's offsets under. @public */
export const OFFSETS_CONFIG_MAP_KEY = 'offsets.json';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an offsets body (listed by Strimzi, or edited in the browser);
 * each problem names its place, e.g. `offsets[1].partition`.
 * @public
 */
export function checkConnectorOffsets(
  body: unknown,
  where = 'offsets',
): { offsets?: ConnectorOffsets; errors: string[] } {
  if (!isPlainObject(body) || !Array.isArray(body.offsets)) {
    return {
      errors: [
        `${where} must be an object with an 'offsets' array, as Kafka Connect lists them: { "offsets": [{ "partition": {…}, "offset": {…} }] }`,
      ],
    };
  }
  const errors: string[] = [];
  body.offsets.forEach((entry: unknown, index: number) => {
    const place = `${where}.offsets[${index}]`;
    if (!isPlainObject(entry)) {
      errors.push(`${place} must be an object with 'partition' and 'offset'`);
      return;
    }
    if (
      !isPlainObject(entry.partition) ||
      !Object.keys(entry.partition).length
    ) {
      errors.push(`${place}.partition must be a non-empty object`);
    }
    if (entry.offset !== null && !isPlainObject(entry.offset)) {
      errors.push(
        `${place}.offset must be an object (e.g. { "kafka_offset": 0 }) or null to remove the partition's offset`,
      );
    }
  });
  if (errors.length) {
    return { errors };
  }
  return {
    offsets: {
      offsets: (body.offsets as ConnectorOffset[]).map(entry => ({
        partition: entry.partition,
        offset: entry.offset,
      })),
    },
    errors: [],
  };
}

/**
 * Reads the offsets Strimzi wrote to the `listOffsets` ConfigMap (key
 * `offsets.json`, or a MirrorMaker 2 connector's own key); problems name
 * the ConfigMap and key.
 * @public
 */
export function parseOffsetsJson(
  text: string | undefined,
  configMap: string,
  key: string = OFFSETS_CONFIG_MAP_KEY,
): { offsets?: ConnectorOffsets; errors: string[] } {
  const where = `ConfigMap ${configMap} key ${key}`;
  if (text === undefined || text.trim() === '') {
    return { errors: [`${where} is missing or empty`] };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return {
      errors: [`${where} is not JSON: ${(error as Error).message}`],
    };
  }
  return checkConnectorOffsets(body, where);
}

/**
 * The data of the `alterOffsets` ConfigMap: the offsets to send to Kafka
 * Connect's `PATCH /connectors/<n>/offsets`, under `key` (`offsets.json`,
 * or a MirrorMaker 2 connector's own key). Throws with every problem, each
 * naming its place, when they are not a valid body.
 * @public
 */
export function alterOffsetsConfigMapData(
  offsets: unknown,
  key: string = OFFSETS_CONFIG_MAP_KEY,
): Record<string, string> {
  const checked = checkConnectorOffsets(offsets);
  if (!checked.offsets) {
    throw new Error(checked.errors.join('; '));
  }
  if (checked.offsets.offsets.length === 0) {
    throw new Error(
      'offsets.offsets is empty: list at least one partition to alter (reset clears them all)',
    );
  }
  return { [key]: `${JSON.stringify(checked.offsets, null, 2)}\n` };
}

const CONFIG_MAP_NAME_MAX = 253;

/**
 * The ConfigMaps the portal uses for a connector when its spec names
 * none: `<name>-offsets` for listing, `<name>-offsets-alter` for
 * alterations (kept apart so a new listing never overwrites an edit
 * being applied).
 * @public
 */
export function offsetsConfigMapNames(connectorName: string): {
  list: string;
  alter: string;
} {
  const fit = (suffix: string) =>
    `${connectorName.slice(0, CONFIG_MAP_NAME_MAX - suffix.length)}${suffix}`;
  return { list: fit('-offsets'), alter: fit('-offsets-alter') };
}
