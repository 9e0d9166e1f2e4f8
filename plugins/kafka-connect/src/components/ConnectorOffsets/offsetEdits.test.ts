import {
  alterRequestFromEdits,
  offsetText,
  partitionLabel,
} from './offsetEdits';

const listed = [
  {
    partition: { kafka_topic: 'orders', kafka_partition: 0 },
    offset: { kafka_offset: 42 },
  },
  {
    partition: { kafka_topic: 'orders', kafka_partition: 1 },
    offset: { kafka_offset: 7 },
  },
];

describe('partitionLabel', () => {
  it('reads a sink partition as topic and number, a source one as its keys', () => {
    expect(partitionLabel(listed[0].partition)).toBe('orders / partition 0');
    expect(partitionLabel({ filename: 'a.txt' })).toBe('filename=a.txt');
    expect(partitionLabel({ server: 'db', shard: 2 })).toBe(
      'server=db, shard=2',
    );
  });

  it("reads a MirrorMaker 2 source connector's partition as topic, number and source cluster, only for a MirrorMaker 2", () => {
    const mirrored = { topic: 'orders', cluster: 'us', partition: 3 };
    expect(partitionLabel(mirrored, { mirrorMaker2: true })).toBe(
      'orders / partition 3 (source cluster us)',
    );
    expect(partitionLabel(mirrored)).toBe(
      'topic=orders, cluster=us, partition=3',
    );
    expect(
      partitionLabel(
        { group: 'g', topic: 'orders', partition: 3 },
        { mirrorMaker2: true },
      ),
    ).toBe('group=g, topic=orders, partition=3');
  });
});

describe('alterRequestFromEdits', () => {
  it('sends only the changed rows, with their partitions', () => {
    expect(
      alterRequestFromEdits(listed, {
        0: offsetText(listed[0].offset),
        1: ' {"kafka_offset": 0} ',
      }),
    ).toEqual({
      request: {
        offsets: [
          { partition: listed[1].partition, offset: { kafka_offset: 0 } },
        ],
      },
      errors: {},
    });
  });

  it('takes null as removing the offset', () => {
    expect(alterRequestFromEdits(listed, { 0: 'null' }).request).toEqual({
      offsets: [{ partition: listed[0].partition, offset: null }],
    });
  });

  it('names the rows that are not offsets, with the listed offset as the example, and sends nothing', () => {
    expect(alterRequestFromEdits(listed, { 0: '{', 1: '[1]' })).toEqual({
      errors: {
        0: 'Not JSON: write an object such as {"kafka_offset":42}, or null',
        1: 'An offset is an object such as {"kafka_offset":7}, or null to remove it',
      },
    });
    const mirrored = [
      {
        partition: { cluster: 'us', topic: 'orders', partition: 0 },
        offset: { offset: 19 },
      },
    ];
    expect(alterRequestFromEdits(mirrored, { 0: '19' }).errors).toEqual({
      0: 'An offset is an object such as {"offset":19}, or null to remove it',
    });
  });

  it('has nothing to send without a change', () => {
    expect(alterRequestFromEdits(listed, {})).toEqual({ errors: {} });
  });
});
