import crypto from 'node:crypto';

/**
 * Writes objects straight into a cluster's etcd, in the layout kube-apiserver
 * stores custom resources (`/registry/<group>/<plural>/<namespace>/<name>`,
 * JSON), through etcd's own HTTP gateway, 128 puts per transaction (etcd's
 * default `--max-txn-ops`). Creating 100,000 objects through the API server
 * takes the 2 vCPUs of the bench machine 20 minutes or more; this takes
 * seconds, and the API server serves them like any other (its watch cache
 * picks them up from etcd). Only for loading benchmark data: nothing the
 * benchmark measures goes through this path.
 */
export async function putIntoEtcd(
  etcdClientPort: number,
  objects: Array<{ key: string; value: unknown }>,
): Promise<void> {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const batchSize = 128;
  const batches: Array<typeof objects> = [];
  for (let i = 0; i < objects.length; i += batchSize) {
    batches.push(objects.slice(i, i + batchSize));
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let b = next++; b < batches.length; b = next++) {
        const response = await fetch(
          `http://127.0.0.1:${etcdClientPort}/v3/kv/txn`,
          {
            method: 'POST',
            body: JSON.stringify({
              success: batches[b].map(item => ({
                requestPut: {
                  key: b64(item.key),
                  value: b64(JSON.stringify(item.value)),
                },
              })),
            }),
          },
        );
        if (!response.ok) {
          throw new Error(
            `etcd txn failed: ${response.status} ${await response.text()}`,
          );
        }
      }
    }),
  );
}

/** A KafkaConnector as kube-apiserver would have stored it after a create. */
export function storedConnector(options: {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  status?: Record<string, unknown>;
}): { key: string; value: unknown } {
  return {
    key: `/registry/kafka.strimzi.io/kafkaconnectors/${options.namespace}/${options.name}`,
    value: {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaConnector',
      metadata: {
        name: options.name,
        namespace: options.namespace,
        uid: crypto.randomUUID(),
        generation: 1,
        creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        labels: options.labels,
        annotations: options.annotations,
      },
      spec: {
        class: 'io.debezium.connector.mysql.MySqlConnector',
        tasksMax: 2,
        config: { 'topic.prefix': options.name },
      },
      ...(options.status ? { status: options.status } : {}),
    },
  };
}
