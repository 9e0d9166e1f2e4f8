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
