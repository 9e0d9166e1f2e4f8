import { ConnectorStatusBody, ConnectRestClient } from './connectRest';
import { profileBehaviour } from './profiles';
import { reconcileRealMirrorMaker2 } from './realMirrorMaker2';
import { Resource } from './reconcile';

const NOW = '2026-12-02T10:00:00.000Z';
const SOURCE = 'eu->us.MirrorSourceConnector';
const CHECKPOINT = 'eu->us.MirrorCheckpointConnector';
const SOURCE_KEY = 'eu--us.MirrorSourceConnector.json';
const LISTED = {
  offsets: [
    {
      partition: { cluster: 'eu', topic: 'orders', partition: 0 },
      offset: { offset: 41 },
    },
  ],
};

/** Connect's REST API in memory, with both connectors created already. */
function fakeConnect(states: Record<string, string>) {
  const calls: string[] = [];
  const body = (name: string): ConnectorStatusBody => ({
    name,
    connector: { state: states[name], worker_id: 'w:8083' },
    tasks: [],
    type: 'source',
  });
  const rest = {
    config: async () => ({}),
    putConfig: async () => undefined,
    status: async (name: string) => body(name),
    offsets: async (name: string) => {
      calls.push(`offsets ${name}`);
      return LISTED;
    },
    resetOffsets: async (name: string) => calls.push(`reset ${name}`),
    alterOffsets: async (name: string, offsets: object) =>
      calls.push(`alter ${name} ${JSON.stringify(offsets)}`),
  };
  return { rest: rest as unknown as ConnectRestClient, calls };
}

const mm2 = (
  annotations: Record<string, string>,
  source: Record<string, unknown> = {},
): Resource => ({
  metadata: { name: 'mirror', namespace: 'ns', generation: 1, annotations },
  spec: {
    replicas: 1,
    target: { alias: 'us', bootstrapServers: 'us:9092' },
    mirrors: [
      {
        source: { alias: 'eu', bootstrapServers: 'eu:9092' },
        sourceConnector: {
          listOffsets: { toConfigMap: { name: 'mirror-offsets' } },
          alterOffsets: { fromConfigMap: { name: 'mirror-offsets-alter' } },
          ...source,
        },
        checkpointConnector: {},
      },
    ],
  },
});

const offsets = (value: string, connector = SOURCE) => ({
  'strimzi.io/connector-offsets': value,
  'strimzi.io/mirrormaker-connector': connector,
});

const reconcile = (
  resource: Resource,
  states: Record<string, string>,
  configMaps: Record<string, Record<string, string>> = {},
) => {
  const connect = fakeConnect(states);
  return reconcileRealMirrorMaker2(resource, {
    now: NOW,
    rest: connect.rest,
    behaviour: profileBehaviour('1.2'),
    autoRestartMinuteMs: 60_000,
    readConfigMap: async (namespace, name) =>
      configMaps[`${namespace}/${name}`],
  }).then(result => ({ result, calls: connect.calls }));
};

const running = { [SOURCE]: 'RUNNING', [CHECKPOINT]: 'RUNNING' };
const stopped = { [SOURCE]: 'STOPPED', [CHECKPOINT]: 'RUNNING' };
const STOP = { state: 'stopped' };
const BOTH_REMOVED = {
  'strimzi.io/connector-offsets': null,
  'strimzi.io/mirrormaker-connector': null,
};

describe('MirrorMaker 2 offsets on the real worker', () => {
  it("lists the named connector's offsets under its own key and removes both annotations", async () => {
    const { result, calls } = await reconcile(mm2(offsets('list')), running);
    expect(calls).toEqual([`offsets ${SOURCE}`]);
    expect(result.configMap).toEqual({
      name: 'mirror-offsets',
      data: { [SOURCE_KEY]: `${JSON.stringify(LISTED, null, 2)}\n` },
    });
    expect(result.annotations).toEqual(BOTH_REMOVED);
  });

  it('refuses reset and alter of a running connector with a Warning, and keeps the annotations', async () => {
    for (const value of ['reset', 'alter']) {
      const { result, calls } = await reconcile(mm2(offsets(value)), running);
      expect(calls).toEqual([]);
      expect(result.annotations).toBeUndefined();
      expect(result.status!.conditions[0]).toMatchObject({
        type: 'Warning',
        reason: value === 'reset' ? 'ResetOffsets' : 'AlterOffsets',
        message: `Failed to ${value} offsets: connector ${SOURCE} is RUNNING; set spec.mirrors[0].sourceConnector.state to stopped first.`,
      });
    }
  });

  it('resets a stopped connector, and alters it from its key of the alterOffsets ConfigMap', async () => {
    const reset = await reconcile(mm2(offsets('reset'), STOP), stopped);
    expect(reset.calls).toEqual([`reset ${SOURCE}`]);
    expect(reset.result.annotations).toEqual(BOTH_REMOVED);

    const missing = await reconcile(mm2(offsets('alter'), STOP), stopped, {
      'ns/mirror-offsets-alter': { 'offsets.json': '{"offsets":[]}' },
    });
    expect(missing.calls).toEqual([]);
    expect(missing.result.status!.conditions[0]).toMatchObject({
      reason: 'AlterOffsets',
      message: `Failed to alter offsets: ConfigMap mirror-offsets-alter has no ${SOURCE_KEY}.`,
    });

    const altered = await reconcile(mm2(offsets('alter'), STOP), stopped, {
      'ns/mirror-offsets-alter': { [SOURCE_KEY]: JSON.stringify(LISTED) },
    });
    expect(altered.calls).toEqual([
      `alter ${SOURCE} ${JSON.stringify(LISTED)}`,
    ]);
    expect(altered.result.annotations).toEqual(BOTH_REMOVED);
  });

  it('wants both annotations, and leaves a request for another connector to it', async () => {
    const alone = await reconcile(
      mm2({ 'strimzi.io/connector-offsets': 'list' }),
      running,
    );
    expect(alone.calls).toEqual([]);
    expect(alone.result.status!.conditions[0]).toMatchObject({
      type: 'Warning',
      reason: 'ManageOffsets',
      message:
        'KafkaMirrorMaker2 ns/mirror has strimzi.io/connector-offsets but lacks annotation strimzi.io/mirrormaker-connector; set both.',
    });
    // The checkpoint connector names no listOffsets ConfigMap.
    const checkpoint = await reconcile(
      mm2(offsets('list', CHECKPOINT)),
      running,
    );
    expect(checkpoint.calls).toEqual([]);
    expect(checkpoint.result.status!.conditions[0]).toMatchObject({
      reason: 'ListOffsets',
      message:
        'Failed to list offsets: spec.mirrors[0].checkpointConnector.listOffsets.toConfigMap.name is not set.',
    });
    const elsewhere = await reconcile(
      mm2(offsets('list', 'other->us.MirrorSourceConnector')),
      running,
    );
    expect(elsewhere.calls).toEqual([]);
    expect(elsewhere.result.annotations).toBeUndefined();
    expect(elsewhere.result.status!.conditions).toEqual([
      expect.objectContaining({ type: 'Ready' }),
    ]);
  });
});
