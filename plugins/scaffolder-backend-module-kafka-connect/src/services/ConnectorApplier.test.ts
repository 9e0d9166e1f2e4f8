import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { clusterRegistryOf } from '../__fixtures__/clusterRegistry';
import { KubernetesConnectorApplier } from './ConnectorApplier';

describe('KubernetesConnectorApplier', () => {
  const applier = new KubernetesConnectorApplier(
    clusterRegistryOf(
      new ConfigReader({
        kafkaConnect: {
          clusters: [
            {
              name: 'eu-1',
              url: 'https://127.0.0.1:1',
              serviceAccountToken: 't',
            },
          ],
        },
      }),
    ),
    'test',
  );
  const connector = {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaConnector',
    metadata: { name: 'c', namespace: 'orders' },
  };

  it.each(['get', 'apply', 'scale', 'delete'] as const)(
    '%s on a cluster that is not configured is an InputError naming it',
    async method => {
      const call = {
        get: () => applier.get('mars-1', connector),
        apply: () => applier.apply('mars-1', connector, { force: false }),
        scale: () => applier.scale('mars-1', connector, 2),
        delete: () => applier.delete('mars-1', connector),
      }[method];
      const error = await call().catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        "cluster 'mars-1' is not a configured cluster; pick one of eu-1",
      );
    },
  );
});
