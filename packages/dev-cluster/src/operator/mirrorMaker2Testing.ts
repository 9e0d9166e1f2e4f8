import fs from 'node:fs';
import path from 'node:path';
import { REAL_WORKER_ANNOTATION } from './simulation';

/**
 * A KafkaMirrorMaker2 for tests on the real worker: it mirrors `topicsPattern`
 * from the local broker back into it (source and target are the same broker;
 * the aliases carry the namespace, so connector names stay unique on the
 * shared worker). Each connector reads one setting through the file config
 * provider, so fail-task and fail-connector can break it for real.
 */
export function realMirrorMaker2Manifest(options: {
  apiVersion: string;
  namespace: string;
  name: string;
  bootstrapServers: string;
  /** The worker's working folder, where the settings file is written. */
  filesDir: string;
  topicsPattern: string;
  /** Only a checkpoint connector (no source connector). */
  checkpointOnly?: boolean;
  /** The source connector's tasks (at most one per partition run). */
  sourceTasksMax?: number;
}) {
  const { namespace, name, bootstrapServers } = options;
  const sourceAlias = `src-${namespace}`;
  const targetAlias = `dst-${namespace}`;
  const settings = `${name}-${namespace}-mm2.properties`;
  fs.writeFileSync(
    path.join(options.filesDir, settings),
    'refresh.topics.interval.seconds=30\nrefresh.groups.interval.seconds=30\n',
  );
  const setting = (key: string) => `\${file:${settings}:${key}}`;
  const resource = {
    apiVersion: options.apiVersion,
    kind: 'KafkaMirrorMaker2',
    metadata: {
      name,
      namespace,
      annotations: { [REAL_WORKER_ANNOTATION]: 'true' },
    },
    spec: {
      replicas: 1,
      target: {
        alias: targetAlias,
        bootstrapServers,
        groupId: `${name}-mirrormaker2`,
        configStorageTopic: `${name}-mirrormaker2-configs`,
        offsetStorageTopic: `${name}-mirrormaker2-offsets`,
        statusStorageTopic: `${name}-mirrormaker2-status`,
      },
      mirrors: [
        {
          source: { alias: sourceAlias, bootstrapServers },
          ...(options.checkpointOnly
            ? {}
            : {
                sourceConnector: {
                  tasksMax: options.sourceTasksMax ?? 1,
                  config: {
                    // One broker: topics take the broker's replication factor.
                    'replication.factor': -1,
                    'offset-syncs.topic.replication.factor': -1,
                    'sync.topic.acls.enabled': 'false',
                    'refresh.topics.interval.seconds': setting(
                      'refresh.topics.interval.seconds',
                    ),
                  },
                },
              }),
          checkpointConnector: {
            tasksMax: 1,
            config: {
              'checkpoints.topic.replication.factor': -1,
              'refresh.groups.interval.seconds': setting(
                'refresh.groups.interval.seconds',
              ),
            },
          },
          topicsPattern: options.topicsPattern,
          groupsPattern: `none-${namespace}`,
        },
      ],
    },
  };
  return { resource, sourceAlias, targetAlias };
}
