import type { MirrorMaker2ConnectorAssessment } from '../api';
import type {
  KafkaMirrorMaker2ConnectorSpec,
  KafkaMirrorMaker2Resource,
} from '../strimzi';

/** A connector a KafkaMirrorMaker2's spec asks for. @public */
export interface MirrorMaker2ConnectorSpecEntry {
  name: string;
  mirror: NonNullable<MirrorMaker2ConnectorAssessment['mirror']>;
  spec: KafkaMirrorMaker2ConnectorSpec;
}

const ROLES = [
  ['sourceConnector', 'MirrorSourceConnector'],
  ['checkpointConnector', 'MirrorCheckpointConnector'],
  ['heartbeatConnector', 'MirrorHeartbeatConnector'],
] as const;

const text = (value: unknown) =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/**
 * The connectors a KafkaMirrorMaker2's spec names, with the names Strimzi
 * gives them in Connect (`<source alias>-><target alias>.<Class>`). Strimzi
 * creates only those the spec names; the target alias is `spec.target.alias`
 * (v1) or `spec.connectCluster` (v1beta2), the source alias
 * `mirrors[].source.alias` or `mirrors[].sourceCluster`.
 * @public
 */
export function mirrorMaker2ConnectorsInSpec(
  mm2: KafkaMirrorMaker2Resource,
): MirrorMaker2ConnectorSpecEntry[] {
  const mirrors = Array.isArray(mm2.spec?.mirrors) ? mm2.spec!.mirrors : [];
  const specTarget =
    text(mm2.spec?.target?.alias) ?? text(mm2.spec?.connectCluster);
  return mirrors.flatMap((mirror, index) => {
    if (typeof mirror !== 'object' || mirror === null) {
      return [];
    }
    const source = text(mirror.source?.alias) ?? text(mirror.sourceCluster);
    const target = text(mirror.targetCluster) ?? specTarget;
    return ROLES.filter(
      ([role]) => typeof mirror[role] === 'object' && mirror[role] !== null,
    ).map(([role, className]) => ({
      name: `${source ?? '?'}->${target ?? '?'}.${className}`,
      mirror: {
        index,
        role,
        ...(source ? { source } : {}),
        ...(target ? { target } : {}),
        ...(text(mirror.topicsPattern)
          ? { topicsPattern: mirror.topicsPattern }
          : {}),
        ...(text(mirror.groupsPattern)
          ? { groupsPattern: mirror.groupsPattern }
          : {}),
      },
      spec: mirror[role]!,
    }));
  });
}
