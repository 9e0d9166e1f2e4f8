import type { KafkaMirrorMaker2Resource } from '../strimzi';
import {
  alterOffsetsConfigMapData,
  parseOffsetsJson,
} from './connectorOffsets';
import {
  offsetsConfigMapKey,
  offsetsRequestChange,
  offsetsRequestRemoval,
  offsetsSpecPlace,
  OffsetsSubject,
} from './offsetsRequest';

const SOURCE = 'eu->us.MirrorSourceConnector';
const CHECKPOINT = 'eu->us.MirrorCheckpointConnector';

const mm2 = (
  annotations?: Record<string, string>,
  checkpoint: Record<string, unknown> = {},
): KafkaMirrorMaker2Resource => ({
  metadata: { name: 'mirror', namespace: 'ns', annotations },
  spec: {
    target: { alias: 'us' },
    mirrors: [
      { source: { alias: 'other' }, sourceConnector: {} },
      {
        source: { alias: 'eu' },
        sourceConnector: { state: 'stopped' },
        checkpointConnector: checkpoint,
      },
    ],
  },
  status: {
    connectors: [
      { name: SOURCE, connector: { state: 'STOPPED' } },
      { name: CHECKPOINT, connector: { state: 'RUNNING' } },
    ],
  },
});

const subject = (
  connector: string,
  resource = mm2({ team: 'a' }),
): OffsetsSubject => ({ kind: 'KafkaMirrorMaker2', resource, connector });

describe('offsetsConfigMapKey', () => {
  it("is offsets.json for a KafkaConnector and the connector's name with -- for a MirrorMaker 2 connector", () => {
    expect(offsetsConfigMapKey({ kind: 'KafkaConnector', resource: {} })).toBe(
      'offsets.json',
    );
    expect(offsetsConfigMapKey(subject(SOURCE))).toBe(
      'eu--us.MirrorSourceConnector.json',
    );
  });

  it('reads and writes offsets under that key', () => {
    const key = offsetsConfigMapKey(subject(CHECKPOINT));
    const data = alterOffsetsConfigMapData(
      { offsets: [{ partition: { group: 'g' }, offset: { offset: 3 } }] },
      key,
    );
    expect(Object.keys(data)).toEqual([
      'eu--us.MirrorCheckpointConnector.json',
    ]);
    expect(parseOffsetsJson(data[key], 'mirror-offsets', key).offsets).toEqual({
      offsets: [{ partition: { group: 'g' }, offset: { offset: 3 } }],
    });
    expect(parseOffsetsJson(undefined, 'mirror-offsets', key).errors).toEqual([
      'ConfigMap mirror-offsets key eu--us.MirrorCheckpointConnector.json is missing or empty',
    ]);
  });
});

describe('offsetsSpecPlace', () => {
  it("finds a MirrorMaker 2 connector's mirror entry and Connect's state of it", () => {
    expect(offsetsSpecPlace(subject(SOURCE))).toEqual({
      field: 'spec.mirrors[1].sourceConnector',
      spec: { state: 'stopped' },
      connectorState: 'STOPPED',
    });
    expect(
      offsetsSpecPlace({
        kind: 'KafkaConnector',
        resource: {
          spec: { state: 'running' },
          status: { connectorStatus: { connector: { state: 'RUNNING' } } },
        },
      }),
    ).toEqual({
      field: 'spec',
      spec: { state: 'running' },
      connectorState: 'RUNNING',
    });
  });

  it('refuses a connector the spec does not configure, naming those it does', () => {
    expect(() =>
      offsetsSpecPlace(subject('eu->us.MirrorHeartbeatConnector')),
    ).toThrow(
      `Parameter 'connector' must name a connector that the KafkaMirrorMaker2's spec.mirrors configures (other->us.MirrorSourceConnector, ${SOURCE}, ${CHECKPOINT}), not 'eu->us.MirrorHeartbeatConnector'`,
    );
  });
});

describe('offsetsRequestChange', () => {
  it("writes a KafkaConnector's annotation and the ConfigMap its spec lacks in one merge patch", () => {
    const connector: OffsetsSubject = { kind: 'KafkaConnector', resource: {} };
    expect(offsetsRequestChange(connector, 'list', 'sink-offsets')).toEqual({
      type: 'merge-patch',
      patch: {
        metadata: { annotations: { 'strimzi.io/connector-offsets': 'list' } },
        spec: { listOffsets: { toConfigMap: { name: 'sink-offsets' } } },
      },
    });
    expect(
      offsetsRequestChange(
        {
          kind: 'KafkaConnector',
          resource: { spec: { state: 'stopped' } },
        },
        'reset',
      ),
    ).toEqual({
      type: 'merge-patch',
      patch: {
        metadata: { annotations: { 'strimzi.io/connector-offsets': 'reset' } },
      },
    });
  });

  it("names the MirrorMaker 2 connector beside the annotation and sets its mirror entry's ConfigMap, guarded by the source alias", () => {
    expect(
      offsetsRequestChange(subject(SOURCE), 'list', 'mirror-offsets'),
    ).toEqual({
      type: 'json-patch',
      operations: [
        { op: 'test', path: '/spec/mirrors/1/source/alias', value: 'eu' },
        {
          op: 'add',
          path: '/spec/mirrors/1/sourceConnector/listOffsets',
          value: { toConfigMap: { name: 'mirror-offsets' } },
        },
        {
          op: 'add',
          path: '/metadata/annotations/strimzi.io~1connector-offsets',
          value: 'list',
        },
        {
          op: 'add',
          path: '/metadata/annotations/strimzi.io~1mirrormaker-connector',
          value: SOURCE,
        },
      ],
    });
  });

  it('leaves a ConfigMap the spec names alone, and adds the annotations object where there is none', () => {
    const named = mm2(undefined, {
      alterOffsets: { fromConfigMap: { name: 'from-git' } },
    });
    expect(
      offsetsRequestChange(subject(CHECKPOINT, named), 'alter', 'ignored'),
    ).toEqual({
      type: 'json-patch',
      operations: [
        { op: 'test', path: '/spec/mirrors/1/source/alias', value: 'eu' },
        {
          op: 'add',
          path: '/metadata/annotations',
          value: {
            'strimzi.io/connector-offsets': 'alter',
            'strimzi.io/mirrormaker-connector': CHECKPOINT,
          },
        },
      ],
    });
  });

  it('needs a ConfigMap name when the spec has none, and a configured connector', () => {
    expect(() => offsetsRequestChange(subject(SOURCE), 'alter')).toThrow(
      'The spec names no ConfigMap to alter offsets with',
    );
    expect(() =>
      offsetsRequestChange(subject('x->y.MirrorSourceConnector'), 'reset'),
    ).toThrow("not 'x->y.MirrorSourceConnector'");
  });
});

describe('offsetsRequestRemoval', () => {
  it('removes both MirrorMaker 2 annotations, as Strimzi does after success', () => {
    expect(offsetsRequestRemoval(subject(SOURCE))).toEqual({
      metadata: {
        annotations: {
          'strimzi.io/connector-offsets': null,
          'strimzi.io/mirrormaker-connector': null,
        },
      },
    });
    expect(
      offsetsRequestRemoval({ kind: 'KafkaConnector', resource: {} }),
    ).toEqual({
      metadata: { annotations: { 'strimzi.io/connector-offsets': null } },
    });
  });
});
