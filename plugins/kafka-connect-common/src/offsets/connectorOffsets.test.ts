import {
  alterOffsetsConfigMapData,
  checkConnectorOffsets,
  offsetsConfigMapNames,
  parseOffsetsJson,
} from './connectorOffsets';

const sink = {
  offsets: [
    {
      partition: { kafka_topic: 'orders', kafka_partition: 0 },
      offset: { kafka_offset: 42 },
    },
  ],
};

describe('parseOffsetsJson', () => {
  it('reads a source connector listing', () => {
    const text = JSON.stringify({
      offsets: [{ partition: { filename: 'a.txt' }, offset: { position: 14 } }],
    });
    expect(parseOffsetsJson(text, 'feed-offsets')).toEqual({
      offsets: {
        offsets: [
          { partition: { filename: 'a.txt' }, offset: { position: 14 } },
        ],
      },
      errors: [],
    });
  });

  it('reads a sink listing and an empty one', () => {
    expect(parseOffsetsJson(JSON.stringify(sink), 'x').offsets).toEqual(sink);
    expect(parseOffsetsJson('{"offsets":[]}', 'x').offsets).toEqual({
      offsets: [],
    });
  });

  it('names the ConfigMap and key when the content is missing or not JSON', () => {
    expect(parseOffsetsJson(undefined, 'feed-offsets').errors).toEqual([
      'ConfigMap feed-offsets key offsets.json is missing or empty',
    ]);
    expect(parseOffsetsJson('{', 'feed-offsets').errors[0]).toMatch(
      /^ConfigMap feed-offsets key offsets.json is not JSON: /,
    );
    expect(parseOffsetsJson('[]', 'feed-offsets').errors[0]).toMatch(
      /^ConfigMap feed-offsets key offsets.json must be an object with an 'offsets' array/,
    );
  });
});

describe('checkConnectorOffsets', () => {
  it('names every bad entry by its place', () => {
    expect(
      checkConnectorOffsets({
        offsets: [
          sink.offsets[0],
          'x',
          { partition: {}, offset: 3 },
          { partition: { a: 1 }, offset: null },
        ],
      }).errors,
    ).toEqual([
      "offsets.offsets[1] must be an object with 'partition' and 'offset'",
      'offsets.offsets[2].partition must be a non-empty object',
      'offsets.offsets[2].offset must be an object (e.g. { "kafka_offset": 0 }) or null to remove the partition\'s offset',
    ]);
  });

  it('keeps only partition and offset of each entry', () => {
    expect(
      checkConnectorOffsets({
        offsets: [{ partition: { a: 1 }, offset: null, extra: true }],
        more: 1,
      }).offsets,
    ).toEqual({ offsets: [{ partition: { a: 1 }, offset: null }] });
  });
});

describe('alterOffsetsConfigMapData', () => {
  it('writes the offsets as offsets.json, readable back', () => {
    const data = alterOffsetsConfigMapData(sink);
    expect(Object.keys(data)).toEqual(['offsets.json']);
    expect(parseOffsetsJson(data['offsets.json'], 'x').offsets).toEqual(sink);
  });

  it('refuses an invalid or empty alteration with the reasons', () => {
    expect(() => alterOffsetsConfigMapData({ offsets: [{}] })).toThrow(
      'offsets.offsets[0].partition must be a non-empty object; offsets.offsets[0].offset must be an object',
    );
    expect(() => alterOffsetsConfigMapData({ offsets: [] })).toThrow(
      /offsets.offsets is empty/,
    );
    expect(() => alterOffsetsConfigMapData(null)).toThrow(
      /must be an object with an 'offsets' array/,
    );
  });
});

describe('offsetsConfigMapNames', () => {
  it('names the ConfigMaps after the connector', () => {
    expect(offsetsConfigMapNames('orders-sink')).toEqual({
      list: 'orders-sink-offsets',
      alter: 'orders-sink-offsets-alter',
    });
  });

  it('stays within the 253 characters of a ConfigMap name', () => {
    const names = offsetsConfigMapNames('a'.repeat(253));
    expect(names.list).toHaveLength(253);
    expect(names.alter).toHaveLength(253);
    expect(names.alter.endsWith('-offsets-alter')).toBe(true);
  });
});
