import { ApiException, KubeConfig } from '@kubernetes/client-node';
import { ConnectorOperations, OperationTarget } from './operations';

const unknownState = new ApiException(
  400,
  'Bad Request',
  JSON.stringify({
    kind: 'Status',
    message:
      'KafkaConnector.kafka.strimzi.io "x" is invalid: strict decoding error: unknown field "spec.state"',
  }),
  {},
);

function fakeCluster(
  answer: (body: Record<string, any>) => Record<string, any>,
) {
  const patches: Array<Record<string, any>> = [];
  const api = {
    patchNamespacedCustomObject: async (request: { body: any }) => {
      patches.push(request.body);
      return answer(request.body);
    },
  };
  const kubeConfig = { makeApiClient: () => api } as unknown as KubeConfig;
  return { operations: new ConnectorOperations(() => kubeConfig), patches };
}

const target = (version: string): OperationTarget => ({
  cluster: 'old',
  namespace: 'orders',
  name: 'cdc',
  kind: 'KafkaConnector',
  version,
});

describe('ConnectorOperations', () => {
  it('patches spec.state and returns the new generation', async () => {
    const { operations, patches } = fakeCluster(() => ({
      metadata: { generation: 5 },
    }));
    await expect(
      operations.apply(target('v1'), { action: 'pause' }),
    ).resolves.toEqual({ generation: 5 });
    expect(patches).toEqual([{ spec: { state: 'paused' } }]);
  });

  it('falls back to spec.pause once a v1beta2 cluster rejects spec.state, and remembers it', async () => {
    const { operations, patches } = fakeCluster(body => {
      if (body.spec?.state) {
        throw unknownState;
      }
      return { metadata: { generation: 2 } };
    });
    await expect(
      operations.apply(target('v1beta2'), { action: 'pause' }),
    ).resolves.toEqual({ generation: 2 });
    await operations.apply(target('v1beta2'), { action: 'resume' });
    expect(patches).toEqual([
      { spec: { state: 'paused' } },
      { spec: { pause: true } },
      { spec: { pause: false } },
    ]);
    await expect(
      operations.apply(target('v1beta2'), { action: 'stop' }),
    ).rejects.toThrow(/needs spec.state/);
    expect(patches).toHaveLength(3);
  });

  it('writes spec.pause straight away where the configured Strimzi is older than 0.38', async () => {
    const { operations, patches } = fakeCluster(() => ({
      metadata: { generation: 3 },
    }));
    const configured = { ...target('v1beta2'), strimziVersion: '0.37.0' };
    await operations.apply(configured, { action: 'pause' });
    expect(patches).toEqual([{ spec: { pause: true } }]);
    await expect(
      operations.apply(configured, { action: 'stop' }),
    ).rejects.toThrow(/this cluster's Strimzi is 0\.37\.0/);
    expect(patches).toHaveLength(1);
  });

  it("falls back to a MirrorMaker 2 connector's pause once the API server refuses its state", async () => {
    const unknownMirrorState = new ApiException(
      422,
      'Unprocessable Entity',
      JSON.stringify({
        kind: 'Status',
        message:
          'KafkaMirrorMaker2.kafka.strimzi.io "m" is invalid: strict decoding error: unknown field "spec.mirrors[0].sourceConnector.state"',
      }),
      {},
    );
    const { operations, patches } = fakeCluster(body => {
      if (
        Array.isArray(body) &&
        body.some((op: { path: string }) => op.path.endsWith('/state'))
      ) {
        throw unknownMirrorState;
      }
      return { metadata: { generation: 4 } };
    });
    const mirror: OperationTarget = {
      ...target('v1beta2'),
      kind: 'KafkaMirrorMaker2',
      name: 'm',
      resource: {
        spec: {
          mirrors: [
            {
              source: { alias: 'eu' },
              sourceConnector: {},
            },
          ],
          target: { alias: 'us' },
        },
      },
    };
    const source = 'eu->us.MirrorSourceConnector';
    const learned: string[] = [];
    operations.onLacksState(cluster => learned.push(cluster));
    expect(operations.lacksStateOn('old')).toBe(false);
    await expect(
      operations.apply(mirror, { action: 'pause', connector: source }),
    ).resolves.toEqual({ generation: 4 });
    expect(operations.lacksStateOn('old')).toBe(true);
    await operations.apply(mirror, { action: 'resume', connector: source });
    // Told once, when the API server first refused it.
    expect(learned).toEqual(['old']);
    const guard = {
      op: 'test',
      path: '/spec/mirrors/0/source/alias',
      value: 'eu',
    };
    const path = '/spec/mirrors/0/sourceConnector';
    expect(patches).toEqual([
      [guard, { op: 'add', path: `${path}/state`, value: 'paused' }],
      [guard, { op: 'add', path: `${path}/pause`, value: true }],
      [guard, { op: 'add', path: `${path}/pause`, value: false }],
    ]);
    await expect(
      operations.apply(mirror, { action: 'stop', connector: source }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/needs spec.state.*Strimzi 0\.38/),
    });
    expect(patches).toHaveLength(3);
  });

  it('does not fall back on a v1 cluster', async () => {
    const { operations, patches } = fakeCluster(() => {
      throw unknownState;
    });
    await expect(
      operations.apply(target('v1'), { action: 'pause' }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('unknown field "spec.state"'),
    });
    expect(patches).toHaveLength(1);
  });

  it.each([
    [404, 'NotFoundError'],
    [403, 'NotAllowedError'],
    [409, 'ConflictError'],
    [500, 'ServiceUnavailableError'],
  ])('turns API server %i into %s', async (code, name) => {
    const { operations } = fakeCluster(() => {
      throw new ApiException(code, 'x', '{"message":"nope"}', {});
    });
    await expect(
      operations.apply(target('v1'), { action: 'restart' }),
    ).rejects.toMatchObject({ name });
  });

  it('refuses clusters it has no configuration for', async () => {
    const operations = new ConnectorOperations(() => undefined);
    await expect(
      operations.apply(target('v1'), { action: 'pause' }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
