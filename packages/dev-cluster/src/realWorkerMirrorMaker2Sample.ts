import fs from 'node:fs';
import path from 'node:path';
import {
  KUBERNETES_ID,
  OWNER_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import { readClusterState } from './clusterState';
import { REAL_WORKER_ANNOTATION } from './operator/simulation';
import { clusterDir } from './paths';
import { isAlive } from './processes';

/** The demo cluster whose broker eu-1's MirrorMaker 2 mirrors, when it runs. */
export const MIRROR_SOURCE_CLUSTER = 'us-1';

/** The file eu-1's MirrorMaker 2 reads a setting through, so faults can break it. */
const SETTINGS_FILE = 'order-events-mirror.properties';

/**
 * The bootstrap servers of us-1's broker when us-1 runs with Kafka (so
 * scripts/start.sh starts us-1 before eu-1); undefined otherwise.
 */
export function mirrorSourceBootstrapServers(): string | undefined {
  const state = readClusterState(clusterDir(MIRROR_SOURCE_CLUSTER));
  return state?.bootstrapServers && isAlive(state.pids.broker)
    ? state.bootstrapServers
    : undefined;
}

/**
 * eu-1's KafkaMirrorMaker2 on the real worker. It mirrors the real topic
 * `order-events` (written by us-1's `order-events-file-source`) from us-1's
 * broker into eu-1's as `us.order-events` when us-1 ran when eu-1 started;
 * otherwise from eu-1's own broker (its own `order-events`, source alias
 * `eu-local`, mirrored as `eu-local.order-events`). The records land on the
 * worker's broker, eu-1's, which is the target. Its source connector reads
 * `refresh.topics.interval.seconds` through the file config provider, so
 * `yarn dev-cluster fail-connector eu-1 'streaming/order-events-mirror/us->eu.MirrorSourceConnector'`
 * (or `fail-task … 0`) makes it fail for real.
 */
export function realMirrorMaker2Sample(options: {
  namespace: string;
  bootstrapServers: string;
  sourceBootstrapServers?: string;
  owner: string;
}) {
  const fromPeer = options.sourceBootstrapServers !== undefined;
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaMirrorMaker2',
    metadata: {
      name: 'order-events-mirror',
      namespace: options.namespace,
      labels: { [KUBERNETES_ID]: 'orders-service' },
      annotations: {
        [OWNER_ANNOTATION]: options.owner,
        [REAL_WORKER_ANNOTATION]: 'true',
      },
    },
    spec: {
      version: '4.3.1',
      replicas: 1,
      target: {
        alias: 'eu',
        bootstrapServers: options.bootstrapServers,
        groupId: 'order-events-mirror',
        configStorageTopic: 'order-events-mirror-configs',
        offsetStorageTopic: 'order-events-mirror-offsets',
        statusStorageTopic: 'order-events-mirror-status',
      },
      mirrors: [
        {
          source: {
            alias: fromPeer ? 'us' : 'eu-local',
            bootstrapServers:
              options.sourceBootstrapServers ?? options.bootstrapServers,
          },
          sourceConnector: {
            tasksMax: 1,
            autoRestart: { enabled: true, maxRestarts: 3 },
            config: {
              // One broker each: topics take the broker's replication factor.
              'replication.factor': -1,
              'offset-syncs.topic.replication.factor': -1,
              'sync.topic.acls.enabled': 'false',
              'refresh.topics.interval.seconds': `\${file:${SETTINGS_FILE}:refresh.topics.interval.seconds}`,
            },
          },
          checkpointConnector: {
            tasksMax: 1,
            config: { 'checkpoints.topic.replication.factor': -1 },
          },
          topicsPattern: 'order-events',
          groupsPattern: 'connect-order-events-file-sink',
        },
      ],
    },
  };
}

/** The settings file the sample MirrorMaker 2 reads through the file config provider. */
export function writeMirrorMaker2SampleFiles(filesDir: string) {
  fs.writeFileSync(
    path.join(filesDir, SETTINGS_FILE),
    'refresh.topics.interval.seconds=30\n',
  );
}
