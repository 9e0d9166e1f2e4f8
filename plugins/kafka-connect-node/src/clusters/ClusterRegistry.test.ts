import { InputError, NotFoundError } from '@backstage/errors';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KafkaConnectClusterConfig } from '../config';
import {
  ClusterRegistryChange,
  DefaultKafkaConnectClusterRegistry,
} from './ClusterRegistry';

function cluster(
  name: string,
  url = `https://${name}.example.com`,
): KafkaConnectClusterConfig {
  return {
    name,
    url,
    auth: { type: 'serviceAccount', token: 't' },
    skipTLSVerify: false,
    namespaces: [],
  };
}

function registry() {
  const made: string[] = [];
  const instance = new DefaultKafkaConnectClusterRegistry(c => {
    made.push(c.url);
    return { server: c.url } as unknown as KubeConfig;
  });
  const changes: ClusterRegistryChange[] = [];
  instance.subscribe(change => changes.push(change));
  return { instance, made, changes };
}

describe('DefaultKafkaConnectClusterRegistry', () => {
  it('holds the clusters of every source and lists them per source', () => {
    const { instance } = registry();
    instance.setClusters('config', [cluster('eu-1'), cluster('us-1')]);
    instance.setClusters('catalog', [cluster('ap-1')]);
    expect(instance.list().map(c => c.name)).toEqual(['eu-1', 'us-1', 'ap-1']);
    expect(instance.list('catalog').map(c => c.name)).toEqual(['ap-1']);
    expect(instance.get('us-1')?.url).toBe('https://us-1.example.com');
    expect(instance.get('mars-1')).toBeUndefined();
  });

  it("replaces a source's clusters: drops those it no longer names, replaces changed ones, keeps the rest", () => {
    const { instance, changes } = registry();
    instance.setClusters('catalog', [cluster('a'), cluster('b'), cluster('c')]);
    changes.length = 0;
    const change = instance.setClusters('catalog', [
      cluster('a'),
      cluster('b', 'https://moved.example.com'),
    ]);
    expect(change.removed.map(c => c.name).sort()).toEqual(['b', 'c']);
    expect(change.added.map(c => `${c.name} ${c.url}`)).toEqual([
      'b https://moved.example.com',
    ]);
    expect(changes).toEqual([change]);
    expect(instance.list().map(c => c.name)).toEqual(['a', 'b']);
  });

  it('tells no listener when nothing changed', () => {
    const { instance, changes } = registry();
    instance.setClusters('config', [cluster('a')]);
    instance.setClusters('config', [cluster('a')]);
    expect(changes).toHaveLength(1);
  });

  it('refuses a name used by another source or twice, changing nothing', () => {
    const { instance, changes } = registry();
    instance.setClusters('config', [cluster('eu-1')]);
    expect(() =>
      instance.setClusters('extension:1', [cluster('us-1'), cluster('eu-1')]),
    ).toThrow(
      new InputError(
        "Cluster name 'eu-1' is configured twice (by config and extension:1): cluster names must be unique",
      ),
    );
    expect(() =>
      instance.setClusters('catalog', [cluster('x'), cluster('x')]),
    ).toThrow(
      "Cluster name 'x' is configured twice: cluster names must be unique",
    );
    expect(instance.list().map(c => c.name)).toEqual(['eu-1']);
    expect(changes).toHaveLength(1);
  });

  it('makes one client config per cluster, and a new one once the cluster is replaced', () => {
    const { instance, made } = registry();
    instance.setClusters('catalog', [cluster('a')]);
    const first = instance.kubeConfig('a');
    expect(instance.kubeConfig('a')).toBe(first);
    instance.setClusters('catalog', [cluster('a', 'https://new.example.com')]);
    expect(instance.kubeConfig('a')).not.toBe(first);
    expect(made).toEqual(['https://a.example.com', 'https://new.example.com']);
  });

  it('names the known clusters when asked for another', () => {
    const { instance } = registry();
    instance.setClusters('config', [cluster('eu-1'), cluster('us-1')]);
    expect(() => instance.kubeConfig('mars-1')).toThrow(
      new NotFoundError(
        "cluster 'mars-1' is not a configured cluster; known clusters: eu-1, us-1",
      ),
    );
  });

  it('stops telling a listener that unsubscribed', () => {
    const instance = new DefaultKafkaConnectClusterRegistry();
    const seen: string[] = [];
    const unsubscribe = instance.subscribe(change =>
      seen.push(...change.added.map(c => c.name)),
    );
    instance.setClusters('config', [cluster('a')]);
    unsubscribe();
    instance.setClusters('config', [cluster('a'), cluster('b')]);
    expect(seen).toEqual(['a']);
  });
});
