/**
 * What a KafkaMirrorMaker2's spec asks of Kafka Connect, read the way
 * Strimzi's operator reads it (KafkaMirrorMaker2Connectors in Strimzi):
 * written here on purpose, apart from the portal's own reading.
 */
import type { Condition } from './conditions';
import { condition } from './conditions';
import type { ConnectorStatusBody } from './connectRest';
import type { Resource } from './reconcile';

const MIRROR_PACKAGE = 'org.apache.kafka.connect.mirror';

/** The connector roles of a mirror, and the Connect class of each (heartbeat: v1beta2 only). */
const ROLES = [
  ['sourceConnector', 'MirrorSourceConnector'],
  ['checkpointConnector', 'MirrorCheckpointConnector'],
  ['heartbeatConnector', 'MirrorHeartbeatConnector'],
] as const;

/**
 * Strimzi's MirrorMaker 2 Connect cluster copies records byte for byte: its
 * workers use the ByteArrayConverter. On the shared local worker the
 * connector sets them itself, to the same effect.
 */
const BYTE_ARRAY_CONVERTER =
  'org.apache.kafka.connect.converters.ByteArrayConverter';

/** One connector a KafkaMirrorMaker2's spec names. */
export interface MirrorMaker2Connector {
  /** `<source alias>-><target alias>.<Class>`, as Strimzi names it in Connect. */
  name: string;
  role: (typeof ROLES)[number][0];
  /** Its mirror's place in `spec.mirrors`. */
  mirrorIndex: number;
  /** `spec.mirrors[i].sourceConnector`, `.checkpointConnector` or `.heartbeatConnector`. */
  spec: Record<string, any>;
  /** The config sent to Connect. */
  config: Record<string, string>;
}

function stringValues(
  entries: Record<string, unknown> | undefined,
  prefix = '',
): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(entries ?? {})) {
    if (value !== null && value !== undefined) {
      config[`${prefix}${key}`] =
        typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }
  return config;
}

/** `source.cluster.*` or `target.cluster.*` settings of one cluster. */
function clusterConfig(
  cluster: Record<string, any> | undefined,
  prefix: 'source.cluster.' | 'target.cluster.',
): Record<string, string> {
  return {
    [`${prefix}alias`]: String(cluster?.alias ?? ''),
    [`${prefix}bootstrap.servers`]: String(cluster?.bootstrapServers ?? ''),
    // TLS and authentication need Secrets the local broker does not use.
    [`${prefix}security.protocol`]: cluster?.tls ? 'SSL' : 'PLAINTEXT',
    ...stringValues(cluster?.config, prefix),
  };
}

/**
 * The connectors the spec names, only those (Strimzi creates no connector a
 * mirror leaves out), each with the config Strimzi would send: both
 * clusters' settings, the connector's own config, then the mirror's topic
 * and group patterns.
 */
export function mirrorMaker2ConnectorsOf(
  mm2: Resource,
): MirrorMaker2Connector[] {
  const target = mm2.spec?.target;
  const mirrors: Record<string, any>[] = Array.isArray(mm2.spec?.mirrors)
    ? mm2.spec!.mirrors
    : [];
  return mirrors.flatMap((mirror, mirrorIndex) =>
    ROLES.filter(
      ([role]) => mirror?.[role] && typeof mirror[role] === 'object',
    ).map(([role, className]) => {
      const spec: Record<string, any> = mirror[role];
      const config: Record<string, string> = {
        'connector.class': `${MIRROR_PACKAGE}.${className}`,
        ...clusterConfig(target, 'target.cluster.'),
        ...clusterConfig(mirror.source, 'source.cluster.'),
        'key.converter': BYTE_ARRAY_CONVERTER,
        'value.converter': BYTE_ARRAY_CONVERTER,
        'header.converter': BYTE_ARRAY_CONVERTER,
        ...stringValues(spec.config),
        ...(spec.tasksMax !== undefined
          ? { 'tasks.max': String(spec.tasksMax) }
          : {}),
        ...stringValues({
          topics: mirror.topicsPattern,
          'topics.exclude': mirror.topicsExcludePattern,
          groups: mirror.groupsPattern,
          'groups.exclude': mirror.groupsExcludePattern,
        }),
      };
      return {
        name: `${mirror.source?.alias ?? ''}->${
          target?.alias ?? ''
        }.${className}`,
        role,
        mirrorIndex,
        spec,
        config,
      };
    }),
  );
}

/** A MirrorMaker 2 pod's worker id: `<mm2>-mirrormaker2-<i>.<mm2>-mirrormaker2.<ns>.svc:8083`. */
export function mirrorMaker2WorkerId(
  name: string,
  namespace: string,
  index: number,
): string {
  return `${name}-mirrormaker2-${index}.${name}-mirrormaker2.${namespace}.svc:8083`;
}

/**
 * Connect's status bodies as Strimzi writes them into `status.connectors`:
 * sorted by name, and the workers named as Strimzi's pods are (the local
 * worker stands in for pod 0; further workers, in order of appearance, for
 * the next pods).
 */
export function mirrorMaker2ConnectorStatuses(
  name: string,
  namespace: string,
  bodies: ConnectorStatusBody[],
): ConnectorStatusBody[] {
  const pods = new Map<string, string>();
  const podOf = (workerId: string) => {
    if (!pods.has(workerId)) {
      pods.set(workerId, mirrorMaker2WorkerId(name, namespace, pods.size));
    }
    return pods.get(workerId)!;
  };
  return (
    [...bodies]
      // Java's String order (code units), not the locale's.
      .sort((a, b) => {
        if (a.name === b.name) {
          return 0;
        }
        return a.name < b.name ? -1 : 1;
      })
      .map(body => ({
        ...body,
        connector: {
          ...body.connector,
          worker_id: podOf(body.connector.worker_id),
        },
        tasks: body.tasks.map(task => ({
          ...task,
          worker_id: podOf(task.worker_id),
        })),
      }))
  );
}

/**
 * Strimzi's readiness of a MirrorMaker 2: NotReady when a connector FAILED
 * or a Connect REST call failed; failed tasks alone leave it Ready.
 */
export function mirrorMaker2Readiness(
  now: string,
  connectors: { connector: { state: string } }[],
  restError?: string,
): Condition {
  if (connectors.some(body => body.connector.state === 'FAILED')) {
    return condition(
      now,
      'NotReady',
      'NoStackTraceThrowable',
      'One or more connectors are in FAILED state',
    );
  }
  if (restError !== undefined) {
    return condition(now, 'NotReady', 'ConnectRestException', restError);
  }
  return condition(now, 'Ready');
}

/** A `strimzi.io/restart-connector` value: the connector, and KIP-745 options from 0.48. */
export function restartConnectorOf(
  value: string,
  understandsOptions: boolean,
):
  | { connector: string; includeTasks: boolean; onlyFailed: boolean }
  | 'invalid' {
  const [connector, options, ...rest] = value.trim().split(':');
  if (!connector || rest.length > 0) {
    return 'invalid';
  }
  if (options === undefined) {
    return { connector, includeTasks: false, onlyFailed: false };
  }
  const parts = options.split(',').map(option => option.trim());
  if (
    !understandsOptions ||
    parts.some(part => part !== 'includeTasks' && part !== 'onlyFailed')
  ) {
    return 'invalid';
  }
  return {
    connector,
    includeTasks: parts.includes('includeTasks'),
    onlyFailed: parts.includes('onlyFailed'),
  };
}

/** A `strimzi.io/restart-connector-task` value: `<connector>:<task id>`. */
export function restartConnectorTaskOf(
  value: string,
): { connector: string; taskId: number } | 'invalid' {
  const match = /^(.+):(\d+)$/.exec(value.trim());
  return match ? { connector: match[1], taskId: Number(match[2]) } : 'invalid';
}
