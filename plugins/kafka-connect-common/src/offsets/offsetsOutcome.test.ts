import { offsetsOutcome } from './offsetsOutcome';

const written = {
  resourceVersion: '100',
  at: Date.parse('2026-12-02T10:00:00Z'),
};
const annotated = { 'strimzi.io/connector-offsets': 'reset' };
const warning = (reason: string, time: string) => ({
  type: 'Warning',
  status: 'True',
  reason,
  message: `${reason} failed: connector is RUNNING`,
  lastTransitionTime: time,
});

describe('offsetsOutcome', () => {
  it('is pending until the cache has caught up with the write', () => {
    expect(
      offsetsOutcome({ metadata: { resourceVersion: '99' } }, 'reset', written),
    ).toEqual({ state: 'pending' });
    expect(offsetsOutcome(undefined, 'reset', written)).toEqual({
      state: 'pending',
    });
  });

  it('is pending while the annotation stays without a Warning', () => {
    expect(
      offsetsOutcome(
        { metadata: { resourceVersion: '100', annotations: annotated } },
        'reset',
        written,
      ),
    ).toEqual({ state: 'pending' });
  });

  it('is done once the operator removed the annotation', () => {
    expect(
      offsetsOutcome(
        { metadata: { resourceVersion: '104', annotations: {} } },
        'reset',
        written,
      ),
    ).toEqual({ state: 'done' });
  });

  it("reports Strimzi's Warning for the operation, or ManageOffsets", () => {
    const failed = (reason: string) =>
      offsetsOutcome(
        {
          metadata: { resourceVersion: '101', annotations: annotated },
          status: {
            conditions: [
              { type: 'Ready', status: 'True' },
              warning(reason, '2026-12-02T10:00:03.123456Z'),
            ],
          },
        },
        'reset',
        written,
      );
    expect(failed('ResetOffsets')).toEqual({
      state: 'failed',
      reason: 'ResetOffsets',
      message: 'ResetOffsets failed: connector is RUNNING',
    });
    expect(failed('ManageOffsets')).toMatchObject({
      state: 'failed',
      reason: 'ManageOffsets',
    });
    // Another operation's Warning is not this one's outcome.
    expect(failed('AlterOffsets')).toEqual({ state: 'pending' });
  });

  it('ignores a Warning older than the write', () => {
    expect(
      offsetsOutcome(
        {
          metadata: { resourceVersion: '101', annotations: annotated },
          status: {
            conditions: [warning('ResetOffsets', '2026-12-02T09:59:00Z')],
          },
        },
        'reset',
        written,
      ),
    ).toEqual({ state: 'pending' });
  });

  it("ignores an earlier request's Warning still on the resource", () => {
    const resource = {
      metadata: { resourceVersion: '101', annotations: annotated },
      status: {
        conditions: [warning('ResetOffsets', '2026-12-02T10:00:02Z')],
      },
    };
    expect(
      offsetsOutcome(resource, 'reset', {
        ...written,
        earlierWarningAt: '2026-12-02T10:00:02Z',
      }),
    ).toEqual({ state: 'pending' });
    expect(
      offsetsOutcome(resource, 'reset', {
        ...written,
        earlierWarningAt: '2026-12-02T10:00:01Z',
      }),
    ).toMatchObject({ state: 'failed' });
  });
});
