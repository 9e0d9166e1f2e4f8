import { KubeConfig } from '@kubernetes/client-node';
import { ConnectorOperations, OperationTarget } from './operations';

/** A cluster whose operator the test plays: it removes annotations when told. */
function fakeCluster() {
  const patches: unknown[] = [];
  const resource: Record<string, any> = {
    metadata: {
      annotations: {} as Record<string, string>,
      generation: 1,
      resourceVersion: '100',
    },
    status: { conditions: [] as unknown[] },
  };
  const bump = () => {
    resource.metadata.resourceVersion = String(
      Number(resource.metadata.resourceVersion) + 1,
    );
  };
  const api = {
    patchNamespacedCustomObject: async (request: { body: any }) => {
      patches.push(request.body);
      Object.assign(
        resource.metadata.annotations,
        request.body.metadata?.annotations ?? {},
      );
      bump();
      return resource;
    },
  };
  const kubeConfig = { makeApiClient: () => api } as unknown as KubeConfig;
  const ends: string[] = [];
  const operations = new ConnectorOperations(() => kubeConfig, {
    current: () => ({
      ...resource,
      metadata: {
        ...resource.metadata,
        annotations: { ...resource.metadata.annotations },
      },
    }),
    onQueueEnd: (_target, outcome) => ends.push(outcome),
    pollMs: 5,
    turnTimeoutMs: 200,
  });
  /** The operator acted: the annotation goes, the version moves on. */
  const removes = (annotation: string) => {
    delete resource.metadata.annotations[annotation];
    bump();
  };
  return { operations, patches, resource, ends, removes };
}

const failing = (states: string[]): OperationTarget => ({
  cluster: 'old',
  namespace: 'orders',
  name: 'cdc',
  kind: 'KafkaConnector',
  version: 'v1beta2',
  restartOptions: false,
  resource: {
    spec: {},
    status: {
      connectorStatus: {
        connector: { state: 'RUNNING' },
        tasks: states.map((state, id) => ({ id, state })),
      },
    },
  },
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) {
    await new Promise(resolve => setTimeout(resolve, 5));
  }
  expect(check()).toBe(true);
};

describe('ConnectorOperations: restarts in turn', () => {
  it('writes the next task restart only once the operator removed the previous', async () => {
    const { operations, patches, ends, removes } = fakeCluster();
    const result = await operations.apply(
      failing(['FAILED', 'RUNNING', 'FAILED']),
      { action: 'restart', includeTasks: true, onlyFailed: true },
    );
    expect(result).toEqual({
      generation: 1,
      queued: ['strimzi.io/restart-task: 2'],
    });
    await new Promise(resolve => setTimeout(resolve, 30));
    expect(patches).toEqual([
      { metadata: { annotations: { 'strimzi.io/restart-task': '0' } } },
    ]);
    removes('strimzi.io/restart-task');
    await until(() => patches.length === 2);
    expect(patches[1]).toEqual({
      metadata: { annotations: { 'strimzi.io/restart-task': '2' } },
    });
    await until(() => ends.length === 1);
    expect(ends).toEqual(['every queued restart was written']);
  });

  it('does not take a cache that has not yet seen the write for a removal', async () => {
    const patches: unknown[] = [];
    const api = {
      patchNamespacedCustomObject: async (request: { body: unknown }) => {
        patches.push(request.body);
        return { metadata: { resourceVersion: '101' } };
      },
    };
    // The watch still holds the object from before the write (version 100).
    const beforeTheWrite = {
      metadata: { annotations: {}, resourceVersion: '100' },
    };
    const lagging = new ConnectorOperations(
      () => ({ makeApiClient: () => api } as unknown as KubeConfig),
      { current: () => beforeTheWrite, pollMs: 5, turnTimeoutMs: 100 },
    );
    await lagging.apply(failing(['FAILED', 'FAILED']), {
      action: 'restart',
      includeTasks: true,
      onlyFailed: true,
    });
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(patches).toEqual([
      { metadata: { annotations: { 'strimzi.io/restart-task': '0' } } },
    ]);
  });

  it('stops when Strimzi answers with a RestartConnectorTask Warning, or does not act in time', async () => {
    const refused = fakeCluster();
    await refused.operations.apply(failing(['FAILED', 'FAILED']), {
      action: 'restart',
      includeTasks: true,
      onlyFailed: true,
    });
    refused.resource.status.conditions.push({
      type: 'Warning',
      status: 'True',
      reason: 'RestartConnectorTask',
      message: 'Failed to restart connector task 0',
      lastTransitionTime: new Date().toISOString(),
    });
    await until(() => refused.ends.length === 1);
    expect(refused.ends[0]).toContain(
      'Strimzi answered strimzi.io/restart-task: 0 with Failed to restart connector task 0',
    );
    expect(refused.patches).toHaveLength(1);

    const slow = fakeCluster();
    await slow.operations.apply(failing(['FAILED', 'FAILED']), {
      action: 'restart',
      includeTasks: true,
      onlyFailed: true,
    });
    await until(() => slow.ends.length === 1);
    expect(slow.ends[0]).toContain('the operator did not act on');
    expect(slow.patches).toHaveLength(1);
  });

  it('drops queued restarts when another operation on the resource comes', async () => {
    const { operations, patches, removes } = fakeCluster();
    await operations.apply(failing(['FAILED', 'FAILED']), {
      action: 'restart',
      includeTasks: true,
      onlyFailed: true,
    });
    await operations.apply(failing(['FAILED', 'FAILED']), {
      action: 'restart',
    });
    removes('strimzi.io/restart-task');
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(patches).toEqual([
      { metadata: { annotations: { 'strimzi.io/restart-task': '0' } } },
      { metadata: { annotations: { 'strimzi.io/restart': 'true' } } },
    ]);
  });
});
