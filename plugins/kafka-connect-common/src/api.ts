/**
 * The REST contract of the kafka-connect backend plugin: what it answers, and
 * what the frontend, the scaffolder module and the catalog module rely on.
 */
import type { StrimziApiVersion } from './names';

/** A connector's health; {@link CONNECTOR_HEALTHS} orders them from best to worst. @public */
export type ConnectorHealth =
  | 'healthy'
  | 'degraded'
  | 'failed'
  | 'paused'
  | 'stopped'
  | 'pending'
  | 'unknown';

/** Every health, from best to worst, for sorting and roll-ups. @public */
export const CONNECTOR_HEALTHS: readonly ConnectorHealth[] = [
  'healthy',
  'paused',
  'stopped',
  'pending',
  'degraded',
  'unknown',
  'failed',
];

/** Tasks of a connector by Connect state. @public */
export interface TaskCounts {
  total: number;
  running: number;
  failed: number;
  paused: number;
  unassigned: number;
  restarting: number;
}

/** A task that is not doing its job, with what Connect said about it. @public */
export interface FailingTask {
  id: number;
  state: string;
  workerId?: string;
  trace?: string;
}

/** The state a connector is asked to be in. @public */
export type DesiredConnectorState = 'running' | 'paused' | 'stopped';

/** What a Strimzi status says about one connector, derived by a pure function. @public */
export interface ConnectorHealthAssessment {
  health: ConnectorHealth;
  /** Why the health is what it is, for people. */
  reason: string;
  tasks: TaskCounts;
  tasksMax?: number;
  failingTasks: FailingTask[];
  /** `Warning` conditions, as "reason: message". */
  warnings: string[];
  /** The connector state Connect reports (`RUNNING`, `PAUSED`, ...). */
  connectorState?: string;
  /** `source` or `sink`, as Connect reports it. */
  type?: string;
  topics: string[];
  /** What Strimzi's automatic restart does for this connector (absent when nothing is known). */
  autoRestart?: AutoRestartAssessment;
  /** A restart annotation still on the resource, and what Strimzi answered, if anything. */
  restartRequest?: RestartRequest;
  /** Why the Connect cluster the connector runs on keeps it from being healthy. */
  connectClusterProblem?: string;
  /**
   * When this verdict changes with time alone (a pending state ages, the
   * next automatic restart is due): answers built from it expire then.
   */
  reviewAt?: string;
}

/** Strimzi's automatic restart of a connector, as configured and as reported. @public */
export interface AutoRestartAssessment {
  /** `spec.autoRestart` present and not `enabled: false`. */
  enabled: boolean;
  /** Automatic restarts so far (`status.autoRestart.count`). */
  count: number;
  maxRestarts?: number;
  lastRestartTimestamp?: string;
  /** When Strimzi tries again if the connector still fails: n²+n minutes (at most 60) after the last restart. */
  nextRestartAt?: string;
  /** `count` reached `maxRestarts`: Strimzi no longer restarts it. */
  gaveUp: boolean;
}

/** A restart annotation waiting on a resource. @public */
export interface RestartRequest {
  annotation: string;
  value: string;
  /** The message of Strimzi's `RestartConnector*` Warning about it, when there is one. */
  answer?: string;
}

/** One connector a KafkaMirrorMaker2 runs, assessed like a KafkaConnector. @public */
export interface MirrorMaker2ConnectorAssessment
  extends ConnectorHealthAssessment {
  /** As Connect knows it, e.g. `eu->us.MirrorSourceConnector`. */
  name: string;
  /** Where it is in the spec: the mirror's index and which connector. */
  mirror?: {
    index: number;
    role: 'sourceConnector' | 'checkpointConnector' | 'heartbeatConnector';
    source?: string;
    target?: string;
    topicsPattern?: string;
    groupsPattern?: string;
  };
  desiredState: DesiredConnectorState;
  /** Named in the spec (false: only reported by Strimzi). */
  inSpec: boolean;
  /** Reported in `status.connectors` (false: named in the spec, missing from the status). */
  reported: boolean;
}

/** The blueprint a resource was rendered from, and with which parameters. @public */
export interface BlueprintOrigin {
  id: string;
  /** Absent when the resource does not carry them (e.g. rendered by a Helm chart). */
  parameters?: Record<string, string | number | boolean>;
}

/** How a resource is deployed, when a GitOps tool manages it. @public */
export interface GitOpsManagement {
  tool: 'argocd' | 'flux';
  /** The Argo CD application or Flux object that applies the resource. */
  name?: string;
  /** The annotation or label this was read from. */
  source?: string;
}

/** Identity of a Strimzi resource in one of the configured clusters. @public */
export interface StrimziResourceRef {
  cluster: string;
  namespace: string;
  name: string;
}

/** One connector as the backend reports it: never its config values. @public */
export interface ConnectorSummary
  extends StrimziResourceRef,
    ConnectorHealthAssessment {
  kind: 'KafkaConnector' | 'KafkaMirrorMaker2';
  /** The KafkaConnect (or KafkaMirrorMaker2) cluster the connector runs on. */
  connectCluster?: string;
  class?: string;
  desiredState?: DesiredConnectorState;
  /** The owner's entity ref, when known. */
  owner?: string;
  /** The ref of the connector's own catalog entity. */
  entityRef: string;
  lastTransitionTime?: string;
  /**
   * When the backend's health history recorded the current health (ISO
   * time): how long the connector has been in it. Absent when no history is
   * recorded or the record lags behind the health.
   */
  healthSince?: string;
  apiVersion: string;
  generation?: number;
  observedGeneration?: number;
  labels: Record<string, string>;
  gitOps?: GitOpsManagement;
  /** The blueprint it was rendered from, when a template made it. */
  blueprint?: BlueprintOrigin;
  /** KafkaMirrorMaker2 only: each connector it runs, rolled up into the fields above. */
  components?: MirrorMaker2ConnectorAssessment[];
  /** True when the cluster is not currently synced: the data is the last known. */
  stale: boolean;
  /** Why the portal cannot manage this connector's offsets (e.g. Strimzi before 0.44); absent when it can. */
  offsetsUnsupported?: string;
  /**
   * Why its connectors cannot be stopped (Strimzi before 0.38 has no
   * `spec.state`); absent when they can, or while it is not known.
   */
  stopUnsupported?: string;
}

/** Sync state of one configured cluster. @public */
export interface ClusterSyncState {
  name: string;
  synced: boolean;
  /** ISO time of the last moment the cache was known to match the cluster. */
  lastSyncAt?: string;
  error?: string;
  /** The Strimzi API version in use, or null when the cluster serves no Strimzi CRDs. */
  strimziApiVersion?: StrimziApiVersion | null;
}

/** A KafkaConnect cluster as the backend reports it. @public */
export interface ConnectClusterSummary extends StrimziResourceRef {
  kind: 'KafkaConnect' | 'KafkaMirrorMaker2';
  ready: boolean;
  reason?: string;
  replicas?: number;
  url?: string;
  plugins: Array<{ class: string; type?: string; version?: string }>;
  /** Has `strimzi.io/use-connector-resources: "true"`. */
  connectorResourcesEnabled: boolean;
  owner?: string;
  entityRef: string;
  stale: boolean;
}

/** `GET /entity-connectors` response. @public */
export interface EntityConnectorsResponse {
  items: ConnectorSummary[];
  connectClusters: ConnectClusterSummary[];
  clusters: ClusterSyncState[];
}

/** `GET /connectors` response (every connector the caller may see). @public */
export interface ConnectorListResponse {
  /** The page asked for (every matching connector without `limit`). */
  items: ConnectorSummary[];
  clusters: ClusterSyncState[];
  /** How many connectors match the filters, across all pages. */
  total: number;
  offset: number;
  /** Matching connectors per health, across all pages: the health summary. */
  byHealth: Partial<Record<ConnectorHealth, number>>;
  /** Every owner among all connectors, sorted: the owner filter's choices. */
  owners: string[];
  /**
   * Every connector the caller may see (whatever the filters) per owner and
   * health: the fleet's totals per owner. Connectors without an owner count
   * under `none`. Absent from backends older than this field.
   */
  byOwner?: Record<string, Partial<Record<ConnectorHealth, number>>>;
}

/** `GET /clusters` response. @public */
export interface ClusterListResponse {
  items: Array<
    ClusterSyncState & {
      connectClusters: ConnectClusterSummary[];
      restartDialect?: RestartDialect;
    }
  >;
}

/**
 * Whether restarts in a cluster send restart options (`includeTasks`,
 * `onlyFailed`) in one annotation, or `true` and the tasks one by one, and
 * what says so: the configured `strimziVersion`, the served API version
 * (`v1` came with 0.49), what its Strimzi was seen to do with an options
 * value (`learned`), or nothing yet (`unknown`: `true`, which every
 * version reads).
 * @public
 */
export interface RestartDialect {
  restartOptions: boolean;
  source: 'strimziVersion' | 'apiVersion' | 'learned' | 'unknown';
}

/**
 * Operations on a connector, `POST /connectors/:cluster/:namespace/:name/actions`.
 * `connector` names one connector of a KafkaMirrorMaker2.
 * @public
 */
export type ConnectorAction =
  | { action: 'pause'; connector?: string }
  | { action: 'resume'; connector?: string }
  | { action: 'stop'; connector?: string }
  | {
      action: 'restart';
      includeTasks?: boolean;
      onlyFailed?: boolean;
      connector?: string;
    }
  | { action: 'restart-task'; taskId: number; connector?: string }
  | { action: 'scale'; tasksMax: number }
  | { action: 'auto-restart'; enabled: boolean; connector?: string };

/** Response of an accepted operation (HTTP 202). @public */
export interface ConnectorActionResponse {
  accepted: true;
  action: ConnectorAction['action'];
  /** `metadata.generation` after the change; the operator has caught up when `observedGeneration` reaches it. */
  generation?: number;
  /**
   * Restart annotations still to be written, one after the other as the
   * operator removes each (a Strimzi that reads only `true` restarts failed
   * tasks one by one), e.g. `strimzi.io/restart-task: 2`.
   */
  queued?: string[];
}

/** One change of a connector's health, as the backend recorded it. @public */
export interface HealthTransition {
  /** The health before; null when this is the first the backend saw of the connector. */
  from: ConnectorHealth | null;
  to: ConnectorHealth;
  /** Why the new health is what it is, for people. */
  reason: string;
  /** ISO time the backend saw the change. */
  at: string;
}

/**
 * `GET /connectors/:cluster/:namespace/:name/history?since=<ISO time>`:
 * transitions since then, oldest first, plus the one in force at `since`.
 * @public
 */
export interface ConnectorHistoryResponse {
  items: HealthTransition[];
  /** The start of the window asked for. */
  since: string;
}
