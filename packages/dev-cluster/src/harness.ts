import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObject,
} from '@kubernetes/client-node';
import crypto from 'node:crypto';
import {
  isClusterReady,
  readClusterState,
  RunningCluster,
  startCluster,
  StartClusterOptions,
  StrimziApiMode,
} from './cluster';
import { connectorFilesDir } from './kafka/servers';
import {
  applyObjects,
  ClusterConnection,
  deleteNamespace,
  kubeConfigFor,
} from './kube';
import { clusterDir } from './paths';

/** A cluster as an integration test sees it. */
export interface TestCluster extends ClusterConnection {
  /** Token of the portal's user (RBAC-limited, like production). */
  portalToken: string;
  strimziApi: StrimziApiMode;
  /** A KubeConfig with the administrator token. */
  kubeConfig(): KubeConfig;
  /** A KubeConfig with the portal's token. */
  portalKubeConfig(): KubeConfig;
  /** Creates a namespace for this test file; it is deleted after the file's tests. */
  newNamespace(prefix?: string): Promise<string>;
  /** Server-side applies objects (status is ignored; see {@link TestCluster.writeStatus}). */
  apply<T extends KubernetesObject>(
    objects: T | T[],
  ): Promise<KubernetesObject[]>;
  /** Replaces a custom resource's status through the status subresource. */
  writeStatus(object: object & { status: unknown }): Promise<void>;
  /** The real Kafka Connect worker's REST API, when the cluster runs one. */
  connectUrl?: string;
  /** The real broker's bootstrap address, when the cluster runs one. */
  bootstrapServers?: string;
  /** The worker's working folder: connectors' relative file names resolve here. */
  connectorFilesDir?: string;
  /** The running cluster, when this test file started its own (fault tests). */
  owned?: RunningCluster;
}

/** Options of {@link useTestCluster}. */
export interface UseTestClusterOptions {
  strimziApi?: StrimziApiMode;
  operator?: boolean;
  /** Start a private cluster even when a shared one runs (tests that stop servers). */
  private?: boolean;
  /** Needs the real Kafka broker and Connect worker (the shared cluster runs them unless started with --no-kafka). */
  kafka?: boolean;
  /** The Strimzi release the stand-in behaves like; anything but the default starts a private cluster. */
  strimziProfile?: StartClusterOptions['strimziProfile'];
  /** Options of the private cluster's in-process operator stand-in. */
  operatorOptions?: StartClusterOptions['operatorOptions'];
  /** Start-up timeout for the private cluster. */
  timeoutMs?: number;
}

const STRIMZI_PLURALS = [
  'kafkaconnectors',
  'kafkaconnects',
  'kafkamirrormaker2s',
];

function pluralOf(kind: string): string {
  return `${kind.toLowerCase()}s`;
}

/**
 * Gives the tests of one file a real cluster. The cluster that
 * `yarn dev-cluster up --name $KC_TEST_CLUSTER` started is reused when the
 * defaults are asked for; otherwise the file starts (and stops) its own.
 * Call it at module or describe level; use the returned getter inside tests.
 */
export function useTestCluster(
  options: UseTestClusterOptions = {},
): () => TestCluster {
  let cluster: TestCluster | undefined;
  let owned: RunningCluster | undefined;
  const namespaces: string[] = [];
  const wantsShared =
    !options.private &&
    (options.strimziApi ?? 'v1') === 'v1' &&
    (options.operator ?? true) &&
    !options.operatorOptions &&
    (options.strimziProfile ?? '1.2') === '1.2' &&
    Boolean(process.env.KC_TEST_CLUSTER);

  beforeAll(async () => {
    let connection:
      | (ClusterConnection & {
          portalToken: string;
          strimziApi: StrimziApiMode;
          stateDir: string;
          connectUrl?: string;
          bootstrapServers?: string;
        })
      | undefined;
    if (wantsShared) {
      const name = process.env.KC_TEST_CLUSTER!;
      const state = readClusterState(clusterDir(name));
      if (!state || !(await isClusterReady(state))) {
        throw new Error(
          `KC_TEST_CLUSTER=${name} but that cluster is not running; run 'yarn dev-cluster up --name ${name}' or unset KC_TEST_CLUSTER`,
        );
      }
      connection = state;
    }
    if (!connection || (options.kafka && !connection.connectUrl)) {
      owned = await startCluster({
        name: `test-${process.pid}-${crypto.randomBytes(2).toString('hex')}`,
        strimziApi: options.strimziApi,
        operator: options.operator ?? true,
        kafka: options.kafka,
        strimziProfile: options.strimziProfile,
        operatorOptions: options.operatorOptions,
      });
      connection = owned;
    }
    const started = connection;
    const kubeConfig = () => kubeConfigFor(started);
    cluster = {
      name: started.name,
      server: started.server,
      token: started.token,
      caData: started.caData,
      portalToken: started.portalToken,
      strimziApi: started.strimziApi,
      connectUrl: started.connectUrl,
      bootstrapServers: started.bootstrapServers,
      connectorFilesDir: started.connectUrl
        ? connectorFilesDir(started.stateDir)
        : undefined,
      owned,
      kubeConfig,
      portalKubeConfig: () => kubeConfigFor(started, started.portalToken),
      newNamespace: async (prefix = 't') => {
        const name = `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
        await kubeConfig()
          .makeApiClient(CoreV1Api)
          .createNamespace({ body: { metadata: { name } } });
        namespaces.push(name);
        return name;
      },
      apply: objects =>
        applyObjects(
          kubeConfig(),
          Array.isArray(objects) ? objects : [objects],
        ),
      writeStatus: async value => {
        const object = value as KubernetesObject & { status: unknown };
        const [group, version] = object.apiVersion!.split('/');
        const api = kubeConfig().makeApiClient(CustomObjectsApi);
        const target = {
          group,
          version,
          namespace: object.metadata!.namespace!,
          plural: pluralOf(object.kind!),
          name: object.metadata!.name!,
        };
        const current = (await api.getNamespacedCustomObject(target)) as Record<
          string,
          unknown
        >;
        await api.replaceNamespacedCustomObjectStatus({
          ...target,
          body: { ...current, status: object.status },
        });
      },
    };
  }, options.timeoutMs ?? 120_000);

  afterAll(async () => {
    if (owned) {
      await owned.stop();
    } else if (cluster) {
      const kc = cluster.kubeConfig();
      const resources = STRIMZI_PLURALS.flatMap(plural =>
        ['v1', 'v1beta2'].map(version => ({
          group: 'kafka.strimzi.io',
          version,
          plural,
        })),
      );
      for (const namespace of namespaces) {
        await deleteNamespace(kc, namespace, resources);
      }
    }
  }, 60_000);

  return () => {
    if (!cluster) {
      throw new Error(
        'The test cluster is not ready: call the getter inside a test or hook, not at module level',
      );
    }
    return cluster;
  };
}
