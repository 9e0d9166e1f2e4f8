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

/**
 * A KafkaMirrorMaker2 for tests (named `mirror` unless told) into target
 * alias `us`, whose status the operator stand-in simulates. Each mirror
 * names its source alias (its bootstrap address is made up from it) and
 * the rest of its `spec.mirrors` entry: the connectors, patterns.
 */
export function mirrorMaker2Manifest(
  namespace: string,
  options: {
    mirrors: Array<{ source: string } & Record<string, unknown>>;
    name?: string;
    /** Strimzi API version: `v1` unless told. */
    version?: string;
    annotations?: Record<string, string>;
    /** More of the spec, e.g. the Kafka `version`. */
    spec?: Record<string, unknown>;
  },
) {
  return {
    apiVersion: `kafka.strimzi.io/${options.version ?? 'v1'}`,
    kind: 'KafkaMirrorMaker2',
    metadata: {
      name: options.name ?? 'mirror',
      namespace,
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: {
      ...options.spec,
      replicas: 1,
      target: {
        alias: 'us',
        bootstrapServers: 'us:9092',
        groupId: 'g',
        configStorageTopic: 'c',
        statusStorageTopic: 's',
        offsetStorageTopic: 'o',
      },
      mirrors: options.mirrors.map(({ source, ...mirror }) => ({
        source: { alias: source, bootstrapServers: `${source}:9092` },
        ...mirror,
      })),
    },
  };
}
