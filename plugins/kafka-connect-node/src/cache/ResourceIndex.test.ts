import { indexKeysOf, ResourceIndex, resourceId } from './ResourceIndex';

const connector = (labels: Record<string, string>) => ({
  cluster: 'eu-1',
  kind: 'KafkaConnector' as const,
  resource: { metadata: { namespace: 'ns', name: 'a', labels } },
});

describe('ResourceIndex', () => {
  it('files a resource under its keys and moves it when they change', () => {
    const index = new ResourceIndex();
    const id = resourceId('KafkaConnector', 'eu-1', 'ns', 'a');
    index.put(id, { kubernetesId: 'orders', owner: 'group:default/a' });
    expect([...index.lookup('kubernetesId', 'orders')]).toEqual([id]);
    index.put(id, { kubernetesId: 'billing', owner: 'group:default/a' });
    expect(index.lookup('kubernetesId', 'orders').size).toBe(0);
    expect([...index.lookup('kubernetesId', 'billing')]).toEqual([id]);
    expect([...index.lookup('owner', 'group:default/a')]).toEqual([id]);
    index.remove(id);
    expect(index.lookup('owner', 'group:default/a').size).toBe(0);
    expect(index.lookup('owner', undefined).size).toBe(0);
  });

  it('derives the keys: kubernetes-id, owner, system, Connect cluster', () => {
    expect(
      indexKeysOf(
        connector({
          'backstage.io/kubernetes-id': 'orders',
          'strimzi.io/cluster': 'connect',
        }),
        () => 'group:default/a',
        () => 'system:default/shop',
      ),
    ).toEqual({
      kubernetesId: 'orders',
      owner: 'group:default/a',
      system: 'system:default/shop',
      connect: 'eu-1/ns/connect',
    });
    // A KafkaConnect is found by owner only.
    expect(
      indexKeysOf(
        { ...connector({}), kind: 'KafkaConnect' },
        () => 'group:default/a',
        () => 'system:default/shop',
      ),
    ).toEqual({ owner: 'group:default/a' });
  });
});
