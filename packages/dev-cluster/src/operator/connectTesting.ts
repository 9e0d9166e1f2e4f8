import { REAL_WORKER_ANNOTATION } from './simulation';

/**
 * A KafkaConnect for tests (named `connect` unless told) that connectors and
 * templates name in `strimzi.io/cluster`: the operator stand-in simulates
 * it, or with `realWorker` backs it with the local cluster's real Kafka
 * Connect worker. Shared by the test set-ups of the backend plugin and the
 * scaffolder module.
 */
export function connectManifest(
  namespace: string,
  options: {
    name?: string;
    /** Strimzi API version: `v1` unless told (`v1beta2` on older profiles). */
    version?: string;
    bootstrapServers?: string;
    annotations?: Record<string, string>;
    realWorker?: boolean;
  } = {},
) {
  return {
    apiVersion: `kafka.strimzi.io/${options.version ?? 'v1'}`,
    kind: 'KafkaConnect',
    metadata: {
      name: options.name ?? 'connect',
      namespace,
      annotations: {
        'strimzi.io/use-connector-resources': 'true',
        ...(options.realWorker ? { [REAL_WORKER_ANNOTATION]: 'true' } : {}),
        ...options.annotations,
      },
    },
    spec: {
      replicas: 1,
      bootstrapServers: options.bootstrapServers ?? 'k:9092',
      groupId: 'g',
      configStorageTopic: 'c',
      statusStorageTopic: 's',
      offsetStorageTopic: 'o',
    },
  };
}
