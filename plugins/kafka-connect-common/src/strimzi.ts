/**
 * The shapes of Strimzi custom resources as the suite reads them.
 *
 * Every field is optional: these objects come from clusters the suite does not
 * control, so code that reads them must cope with anything missing.
 */

/** Kubernetes object metadata, the parts the suite reads. @public */
export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Who last wrote which fields, and when (server-side field management). */
  managedFields?: Array<{
    manager?: string;
    operation?: string;
    subresource?: string;
    time?: string;
  }>;
}

/** A status condition as Strimzi writes it. @public */
export interface StrimziCondition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** One task in a Connect REST status body. @public */
export interface ConnectRestTaskStatus {
  id?: number;
  state?: string;
  worker_id?: string;
  trace?: string;
}

/** A Connect REST `GET /connectors/<name>/status` body, as Strimzi copies it into status. @public */
export interface ConnectRestConnectorStatus {
  name?: string;
  connector?: { state?: string; worker_id?: string; trace?: string };
  tasks?: ConnectRestTaskStatus[];
  type?: string;
}

/** Strimzi's record of automatic restarts. @public */
export interface StrimziAutoRestartStatus {
  count?: number;
  connectorName?: string;
  lastRestartTimestamp?: string;
}

/** A KafkaConnector resource (`kafka.strimzi.io/v1` or `v1beta2`). @public */
export interface KafkaConnectorResource {
  apiVersion?: string;
  kind?: 'KafkaConnector' | string;
  metadata?: ObjectMeta;
  spec?: {
    class?: string;
    tasksMax?: number;
    autoRestart?: { enabled?: boolean; maxRestarts?: number };
    config?: Record<string, unknown>;
    /** `running`, `paused` or `stopped`; Strimzi 0.38+. */
    state?: string;
    /** `v1beta2` only, replaced by `state`. */
    pause?: boolean;
    version?: string;
  };
  status?: {
    conditions?: StrimziCondition[];
    observedGeneration?: number;
    autoRestart?: StrimziAutoRestartStatus;
    connectorStatus?: ConnectRestConnectorStatus;
    tasksMax?: number;
    topics?: string[];
  };
}

/** A connector plugin reported in a KafkaConnect status. @public */
export interface ConnectorPluginStatus {
  class?: string;
  type?: string;
  version?: string;
}

/** A KafkaConnect resource. @public */
export interface KafkaConnectResource {
  apiVersion?: string;
  kind?: 'KafkaConnect' | string;
  metadata?: ObjectMeta;
  spec?: {
    version?: string;
    replicas?: number;
    bootstrapServers?: string;
    [key: string]: unknown;
  };
  status?: {
    conditions?: StrimziCondition[];
    observedGeneration?: number;
    url?: string;
    replicas?: number;
    labelSelector?: string;
    connectorPlugins?: ConnectorPluginStatus[];
  };
}

/** The settings of one connector a KafkaMirrorMaker2 mirror runs. @public */
export interface KafkaMirrorMaker2ConnectorSpec {
  tasksMax?: number;
  /** `running`, `paused` or `stopped`. */
  state?: string;
  /** `v1beta2` only, replaced by `state`. */
  pause?: boolean;
  autoRestart?: { enabled?: boolean; maxRestarts?: number };
  config?: Record<string, unknown>;
}

/** One mirror of a KafkaMirrorMaker2 (`v1`: `source`; `v1beta2`: `sourceCluster`). @public */
export interface KafkaMirrorMaker2Mirror {
  source?: { alias?: string; bootstrapServers?: string };
  sourceCluster?: string;
  targetCluster?: string;
  sourceConnector?: KafkaMirrorMaker2ConnectorSpec;
  checkpointConnector?: KafkaMirrorMaker2ConnectorSpec;
  /** `v1beta2` only. */
  heartbeatConnector?: KafkaMirrorMaker2ConnectorSpec;
  topicsPattern?: string;
  groupsPattern?: string;
}

/** A KafkaMirrorMaker2 resource. @public */
export interface KafkaMirrorMaker2Resource {
  apiVersion?: string;
  kind?: 'KafkaMirrorMaker2' | string;
  metadata?: ObjectMeta;
  spec?: {
    version?: string;
    replicas?: number;
    target?: { alias?: string; bootstrapServers?: string };
    connectCluster?: string;
    mirrors?: KafkaMirrorMaker2Mirror[];
    [key: string]: unknown;
  };
  status?: {
    conditions?: StrimziCondition[];
    observedGeneration?: number;
    url?: string;
    replicas?: number;
    labelSelector?: string;
    connectors?: ConnectRestConnectorStatus[];
    autoRestartStatuses?: StrimziAutoRestartStatus[];
    connectorPlugins?: ConnectorPluginStatus[];
  };
}

/** The Strimzi kinds the suite watches. @public */
export type StrimziKind =
  | 'KafkaConnector'
  | 'KafkaConnect'
  | 'KafkaMirrorMaker2';

/** Plural resource names of the Strimzi kinds, as used in API paths. @public */
export const STRIMZI_PLURALS: Record<StrimziKind, string> = {
  KafkaConnector: 'kafkaconnectors',
  KafkaConnect: 'kafkaconnects',
  KafkaMirrorMaker2: 'kafkamirrormaker2s',
};
