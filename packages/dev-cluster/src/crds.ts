import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

type Schema = Record<string, unknown>;

/**
 * Which Strimzi API versions the built-in CRDs serve: `v1` only (Strimzi 1.x),
 * `v1-and-v1beta2` (0.49 to 0.51, v1beta2 stored) or `v1beta2-only` (0.48 and older).
 */
export type CrdMode = 'v1' | 'v1-and-v1beta2' | 'v1beta2-only';

/** The versions a mode serves, the stored one first. */
export function servedVersions(mode: CrdMode): string[] {
  switch (mode) {
    case 'v1beta2-only':
      return ['v1beta2'];
    case 'v1-and-v1beta2':
      // Strimzi keeps storing v1beta2 until 1.0 (users migrate before upgrading).
      return ['v1beta2', 'v1'];
    default:
      return ['v1'];
  }
}

const string: Schema = { type: 'string' };
const integer: Schema = { type: 'integer' };
const boolean: Schema = { type: 'boolean' };
// Nested structures the suite never reads are kept as they come.
const freeObject: Schema = {
  type: 'object',
  'x-kubernetes-preserve-unknown-fields': true,
};
const freeArray: Schema = { type: 'array', items: freeObject };

const conditions: Schema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      type: string,
      status: string,
      lastTransitionTime: string,
      reason: string,
      message: string,
    },
  },
};

const connectorPlugins: Schema = {
  type: 'array',
  items: {
    type: 'object',
    properties: { class: string, type: string, version: string },
  },
};

const autoRestartSpec: Schema = {
  type: 'object',
  properties: { enabled: boolean, maxRestarts: integer },
};

const autoRestartStatus: Schema = {
  type: 'object',
  properties: {
    count: integer,
    connectorName: string,
    lastRestartTimestamp: string,
  },
};

const connectorState: Schema = {
  type: 'string',
  enum: ['paused', 'stopped', 'running'],
};

const offsets = (key: 'toConfigMap' | 'fromConfigMap'): Schema => ({
  type: 'object',
  properties: {
    [key]: { type: 'object', properties: { name: string } },
  },
  required: [key],
});

function objectOf(
  properties: Record<string, Schema>,
  required?: string[],
): Schema {
  return {
    type: 'object',
    properties,
    ...(required ? { required } : {}),
  };
}

const commonWorkerSpec: Record<string, Schema> = {
  version: string,
  replicas: integer,
  image: string,
  resources: freeObject,
  livenessProbe: freeObject,
  readinessProbe: freeObject,
  jvmOptions: freeObject,
  jmxOptions: freeObject,
  logging: freeObject,
  clientRackInitImage: string,
  rack: freeObject,
  metricsConfig: freeObject,
  tracing: freeObject,
  template: freeObject,
};

const workerStatus: Record<string, Schema> = {
  conditions,
  observedGeneration: integer,
  url: string,
  connectorPlugins,
  replicas: integer,
  labelSelector: string,
};

const clusterColumn = {
  name: 'Cluster',
  description: 'The Kafka Connect cluster this connector belongs to',
  jsonPath: '.metadata.labels.strimzi\\.io/cluster',
  type: 'string',
};
const readyColumn = {
  name: 'Ready',
  description: 'The state of the custom resource',
  jsonPath: '.status.conditions[?(@.type=="Ready")].status',
  type: 'string',
};
const replicasColumn = {
  name: 'Desired replicas',
  description: 'The desired number of replicas',
  jsonPath: '.spec.replicas',
  type: 'integer',
};

/** Connector fields that came with later Strimzi releases. */
export interface CrdFeatures {
  /** `spec.state` (0.38 and later); without it v1beta2 connectors have only `spec.pause`. */
  connectorState: boolean;
  /** `spec.listOffsets` / `spec.alterOffsets` (0.44 and later). */
  offsets: boolean;
}

const ALL_FEATURES: CrdFeatures = { connectorState: true, offsets: true };

interface KindDefinition {
  kind: string;
  plural: string;
  shortName: string;
  spec: (version: string, features: CrdFeatures) => Schema;
  status: Schema;
  scale: Record<string, string>;
  columns: Array<Record<string, string>>;
}

/**
 * A connector's state and offsets fields, for KafkaConnectors and the
 * connectors of a KafkaMirrorMaker2: v1 has only `state`; v1beta2 keeps the
 * deprecated `pause` beside it, and before Strimzi 0.38 has `pause` alone.
 */
function connectorFields(
  version: string,
  features: CrdFeatures,
): Record<string, Schema> {
  let state: Record<string, Schema> = { state: connectorState };
  if (version !== 'v1') {
    state = features.connectorState
      ? { pause: boolean, state: connectorState }
      : { pause: boolean };
  }
  return {
    ...state,
    ...(features.offsets
      ? {
          listOffsets: offsets('toConfigMap'),
          alterOffsets: offsets('fromConfigMap'),
        }
      : {}),
  };
}

const KINDS: KindDefinition[] = [
  {
    kind: 'KafkaConnect',
    plural: 'kafkaconnects',
    shortName: 'kc',
    // v1 requires replicas; v1beta2 lets Strimzi default it to 3.
    spec: version =>
      objectOf(
        {
          ...commonWorkerSpec,
          bootstrapServers: string,
          groupId: string,
          configStorageTopic: string,
          statusStorageTopic: string,
          offsetStorageTopic: string,
          tls: freeObject,
          authentication: freeObject,
          config: freeObject,
          build: freeObject,
          plugins: freeArray,
        },
        [
          ...(version === 'v1' ? ['replicas'] : []),
          'bootstrapServers',
          'groupId',
          'configStorageTopic',
          'statusStorageTopic',
          'offsetStorageTopic',
        ],
      ),
    status: objectOf(workerStatus),
    scale: {
      specReplicasPath: '.spec.replicas',
      statusReplicasPath: '.status.replicas',
      labelSelectorPath: '.status.labelSelector',
    },
    columns: [replicasColumn, readyColumn],
  },
  {
    kind: 'KafkaConnector',
    plural: 'kafkaconnectors',
    shortName: 'kctr',
    spec: (version, features) =>
      objectOf({
        class: string,
        tasksMax: { type: 'integer', minimum: 1 },
        autoRestart: autoRestartSpec,
        version: string,
        config: freeObject,
        ...connectorFields(version, features),
      }),
    status: objectOf({
      conditions,
      observedGeneration: integer,
      autoRestart: autoRestartStatus,
      connectorStatus: freeObject,
      tasksMax: integer,
      topics: { type: 'array', items: string },
    }),
    scale: {
      specReplicasPath: '.spec.tasksMax',
      statusReplicasPath: '.status.tasksMax',
    },
    columns: [
      clusterColumn,
      {
        name: 'Connector class',
        description: 'The class used by this connector',
        jsonPath: '.spec.class',
        type: 'string',
      },
      {
        name: 'Max Tasks',
        description: 'Maximum number of tasks',
        jsonPath: '.spec.tasksMax',
        type: 'integer',
      },
      readyColumn,
    ],
  },
  {
    kind: 'KafkaMirrorMaker2',
    plural: 'kafkamirrormaker2s',
    shortName: 'kmm2',
    spec: (version, features) => {
      const cluster = (required: string[]) =>
        objectOf(
          {
            alias: { type: 'string', pattern: '^[a-zA-Z0-9\\._\\-]{1,100}$' },
            bootstrapServers: string,
            tls: freeObject,
            authentication: freeObject,
            config: freeObject,
          },
          required,
        );
      const connectorSpec = objectOf({
        tasksMax: { type: 'integer', minimum: 1 },
        version: string,
        config: freeObject,
        autoRestart: autoRestartSpec,
        ...connectorFields(version, features),
      });
      const target = cluster([
        'alias',
        'bootstrapServers',
        'groupId',
        'configStorageTopic',
        'statusStorageTopic',
        'offsetStorageTopic',
      ]);
      (target.properties as Record<string, Schema>).groupId = string;
      for (const topic of [
        'configStorageTopic',
        'statusStorageTopic',
        'offsetStorageTopic',
      ]) {
        (target.properties as Record<string, Schema>)[topic] = string;
      }
      return objectOf(
        {
          ...commonWorkerSpec,
          target,
          mirrors: {
            type: 'array',
            items: objectOf(
              {
                source: cluster(['alias', 'bootstrapServers']),
                sourceConnector: connectorSpec,
                checkpointConnector: connectorSpec,
                // Gone with v1.
                ...(version === 'v1'
                  ? {}
                  : { heartbeatConnector: connectorSpec }),
                topicsPattern: string,
                topicsExcludePattern: string,
                groupsPattern: string,
                groupsExcludePattern: string,
              },
              ['source'],
            ),
          },
        },
        ['replicas', 'target', 'mirrors'],
      );
    },
    status: objectOf({
      ...workerStatus,
      connectors: freeArray,
      autoRestartStatuses: { type: 'array', items: autoRestartStatus },
    }),
    scale: {
      specReplicasPath: '.spec.replicas',
      statusReplicasPath: '.status.replicas',
      labelSelectorPath: '.status.labelSelector',
    },
    columns: [replicasColumn, readyColumn],
  },
];

function crdFor(
  definition: KindDefinition,
  mode: CrdMode,
  features: CrdFeatures,
) {
  const versions = servedVersions(mode);
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${definition.plural}.kafka.strimzi.io`,
      labels: { app: 'strimzi', 'strimzi.io/crd-install': 'true' },
    },
    spec: {
      group: 'kafka.strimzi.io',
      names: {
        kind: definition.kind,
        listKind: `${definition.kind}List`,
        singular: definition.kind.toLowerCase(),
        plural: definition.plural,
        shortNames: [definition.shortName],
        categories: ['strimzi'],
      },
      scope: 'Namespaced',
      conversion: { strategy: 'None' },
      versions: versions.map(version => ({
        name: version,
        served: true,
        storage: version === versions[0],
        subresources: { status: {}, scale: definition.scale },
        additionalPrinterColumns: definition.columns,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              apiVersion: string,
              kind: string,
              metadata: { type: 'object' },
              spec: definition.spec(version, features),
              status: definition.status,
            },
          },
        },
      })),
    },
  };
}

/** Options of {@link crdManifests}. */
export interface CrdManifestOptions {
  strimziApi: CrdMode;
  /** Connector fields of the Strimzi release imitated; all by default. */
  features?: CrdFeatures;
  /** Load every CustomResourceDefinition in this folder's YAML files instead. */
  fromDir?: string;
}

/**
 * The CRDs of KafkaConnect, KafkaConnector and KafkaMirrorMaker2: the
 * project's own, or a user's (their Strimzi release's) from a folder.
 */
export function crdManifests(
  options: CrdManifestOptions,
): Array<Record<string, any>> {
  if (options.fromDir) {
    return loadCrdsFromDir(options.fromDir);
  }
  return KINDS.map(definition =>
    crdFor(definition, options.strimziApi, options.features ?? ALL_FEATURES),
  );
}

function loadCrdsFromDir(dir: string): Array<Record<string, any>> {
  const files = fs
    .readdirSync(dir)
    .filter(file => /\.ya?ml$/.test(file))
    .sort();
  const crds: Array<Record<string, any>> = [];
  for (const file of files) {
    const documents = parseAllDocuments(
      fs.readFileSync(path.join(dir, file), 'utf8'),
    );
    for (const document of documents) {
      if (document.errors.length > 0) {
        throw new Error(
          `${path.join(dir, file)} is not valid YAML: ${
            document.errors[0].message
          }`,
        );
      }
      const value = document.toJS();
      if (value?.kind === 'CustomResourceDefinition') {
        crds.push(value);
      }
    }
  }
  if (crds.length === 0) {
    throw new Error(
      `No CustomResourceDefinition found in ${dir}; point --crds-dir at a folder with your Strimzi release's CRD YAML files`,
    );
  }
  return crds;
}
