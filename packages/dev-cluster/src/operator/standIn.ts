import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Watch,
} from '@kubernetes/client-node';
import {
  SIMULATOR_IGNORE_ANNOTATION,
  STRIMZI_CLUSTER_LABEL,
  StrimziKind,
  STRIMZI_PLURALS,
} from '@kcs/plugin-kafka-connect-common';
import { isTrue, strimziTimestamp } from './conditions';
import { ConnectRestClient } from './connectRest';
import { reconcileKafkaMirrorMaker2 } from './mirrorMaker2';
import {
  deleteOrphanConnectors,
  reconcileRealKafkaConnect,
} from './realConnect';
import { reconcileRealConnector } from './realConnector';
import {
  claimedElsewhereFor,
  reconcileRealMirrorMaker2,
  workerClaimants,
} from './realMirrorMaker2';
import {
  reconcileKafkaConnect,
  reconcileKafkaConnector,
  ReconcileResult,
  Resource,
} from './reconcile';
import {
  DEFAULT_STRIMZI_PROFILE,
  profileBehaviour,
  StrimziProfile,
} from './profiles';
import { resultWriter } from './resultWriter';
import { REAL_WORKER_ANNOTATION } from './simulation';

const GROUP = 'kafka.strimzi.io';

const KINDS = STRIMZI_PLURALS;
type Kind = StrimziKind;

/** Options of {@link startOperatorStandIn}. */
export interface OperatorStandInOptions {
  clusterName: string;
  logger?: (line: string) => void;
  /** Wait this long before reacting to a change, so a portal sees `pending` first. */
  reconcileDelayMs?: number;
  /**
   * The REST API of the local cluster's real Kafka Connect worker. KafkaConnects
   * annotated with {@link REAL_WORKER_ANNOTATION} are backed by it; without it
   * every KafkaConnect is simulated.
   */
  connectUrl?: string;
  /** Milliseconds in one minute of the auto-restart back-off (default 60000; tests shorten it). */
  autoRestartMinuteMs?: number;
  /** The Strimzi release to behave like (default 1.2). */
  strimziProfile?: StrimziProfile;
}

/** A running operator stand-in. */
export interface OperatorStandIn {
  stop(): Promise<void>;
}

function sleep(ms: number) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

function keyOf(kind: Kind, resource: Resource) {
  return `${kind}/${resource.metadata?.namespace}/${resource.metadata?.name}`;
}

async function discoverVersion(kc: KubeConfig): Promise<string | undefined> {
  const api = kc.makeApiClient(CustomObjectsApi);
  // Strimzi before 1.0 reads v1beta2 even where v1 is served beside it (the
  // deprecated `spec.pause` lives only there); 1.x serves v1 alone.
  for (const version of ['v1beta2', 'v1']) {
    try {
      await api.listClusterCustomObject({
        group: GROUP,
        version,
        plural: KINDS.KafkaConnector,
        limit: 1,
      });
      return version;
    } catch {
      // Not served in this version.
    }
  }
  return undefined;
}

/**
 * A stand-in for the Strimzi cluster operator, NOT the operator. For the
 * KafkaConnects that the local cluster's real Kafka Connect worker backs, it
 * drives that worker through the Connect REST API as Strimzi 1.2 does and
 * writes Connect's own answers into the status; for the others it writes the
 * status Strimzi would write, so the portal has something live to show and
 * act on. It lists and watches the three kinds in every namespace and reacts
 * within a second.
 */
export async function startOperatorStandIn(
  kc: KubeConfig,
  options: OperatorStandInOptions,
): Promise<OperatorStandIn> {
  const log = (line: string) =>
    options.logger?.(`operator stand-in [${options.clusterName}]: ${line}`);
  const customObjects = kc.makeApiClient(CustomObjectsApi);
  const core = kc.makeApiClient(CoreV1Api);
  const rest = options.connectUrl
    ? new ConnectRestClient(options.connectUrl)
    : undefined;
  const store: Record<Kind, Map<string, Resource>> = {
    KafkaConnect: new Map(),
    KafkaConnector: new Map(),
    KafkaMirrorMaker2: new Map(),
  };
  const listed = new Set<Kind>();
  const behaviour = profileBehaviour(
    options.strimziProfile ?? DEFAULT_STRIMZI_PROFILE,
  );
  const isReal = (connect: Resource | undefined) =>
    Boolean(
      rest &&
        connect &&
        isTrue(connect.metadata?.annotations?.[REAL_WORKER_ANNOTATION]),
    );
  const connectOf = (connector: Resource) => {
    const clusterName = connector.metadata?.labels?.[STRIMZI_CLUSTER_LABEL];
    return clusterName
      ? store.KafkaConnect.get(
          `KafkaConnect/${connector.metadata?.namespace}/${clusterName}`,
        )
      : undefined;
  };
  /** What runs on the shared worker, in the order it claims connector names. */
  const claimantsOnWorker = () =>
    workerClaimants(
      [...store.KafkaConnector.values()].filter(c => isReal(connectOf(c))),
      [...store.KafkaMirrorMaker2.values()].filter(isReal),
    );

  const readConfigMap = async (namespace: string, name: string) => {
    try {
      return (await core.readNamespacedConfigMap({ namespace, name })).data;
    } catch {
      return undefined;
    }
  };
  const due = new Map<string, number>();
  const watches: AbortController[] = [];
  let stopped = false;
  let version = await discoverVersion(kc);
  while (!version) {
    log('no Strimzi CRDs served yet; retrying');
    await sleep(1000);
    version = await discoverVersion(kc);
  }
  log(`watching kafka.strimzi.io/${version}`);

  const enqueue = (key: string) => {
    if (!due.has(key)) {
      due.set(key, Date.now() + (options.reconcileDelayMs ?? 0));
    }
  };

  const enqueueConnectorsOf = (connect: Resource) => {
    for (const connector of store.KafkaConnector.values()) {
      if (
        connector.metadata?.namespace === connect.metadata?.namespace &&
        connector.metadata?.labels?.[STRIMZI_CLUSTER_LABEL] ===
          connect.metadata?.name
      ) {
        enqueue(keyOf('KafkaConnector', connector));
      }
    }
  };

  const watchKind = async (kind: Kind) => {
    while (!stopped) {
      try {
        const list = await customObjects.listClusterCustomObject({
          group: GROUP,
          version: version!,
          plural: KINDS[kind],
        });
        store[kind].clear();
        for (const item of list.items as Resource[]) {
          store[kind].set(keyOf(kind, item), item);
          enqueue(keyOf(kind, item));
        }
        listed.add(kind);
        await new Promise<void>(resolve => {
          new Watch(kc)
            .watch(
              `/apis/${GROUP}/${version}/${KINDS[kind]}`,
              {
                resourceVersion: list.metadata?.resourceVersion,
                allowWatchBookmarks: true,
              },
              (type, object: Resource) => {
                if (type === 'BOOKMARK' || type === 'ERROR') {
                  return;
                }
                const key = keyOf(kind, object);
                if (type === 'DELETED') {
                  store[kind].delete(key);
                  if (kind === 'KafkaConnector' && isReal(connectOf(object))) {
                    void rest!
                      .delete(object.metadata!.name!)
                      .catch(() => undefined);
                  }
                } else {
                  store[kind].set(key, object);
                  enqueue(key);
                }
                if (kind === 'KafkaConnect') {
                  enqueueConnectorsOf(object);
                }
              },
              () => resolve(),
            )
            .then(controller => watches.push(controller))
            .catch(() => resolve());
        });
      } catch (error) {
        if (!stopped) {
          log(`${kind} watch failed (${String(error)}); retrying`);
          await sleep(1000);
        }
      }
    }
  };

  const write = resultWriter(kc, version, log);

  const reconcile = async (key: string) => {
    const [kind] = key.split('/') as [Kind, string];
    const resource = store[kind].get(key);
    if (
      !resource ||
      resource.metadata?.annotations?.[SIMULATOR_IGNORE_ANNOTATION] === 'true'
    ) {
      return;
    }
    const now = strimziTimestamp();
    try {
      let result: ReconcileResult;
      if (kind === 'KafkaConnect') {
        result = isReal(resource)
          ? await reconcileRealKafkaConnect(resource, now, rest!)
          : reconcileKafkaConnect(resource, now);
      } else if (kind === 'KafkaMirrorMaker2') {
        // A MirrorMaker 2 is its own Connect cluster: the annotation sits on it.
        result = isReal(resource)
          ? await reconcileRealMirrorMaker2(resource, {
              now,
              rest: rest!,
              behaviour,
              autoRestartMinuteMs: options.autoRestartMinuteMs ?? 60_000,
              readConfigMap,
              claimedElsewhere: claimedElsewhereFor(
                claimantsOnWorker(),
                resource,
              ),
            })
          : reconcileKafkaMirrorMaker2(resource, now);
      } else {
        const connect = connectOf(resource);
        result = isReal(connect)
          ? await reconcileRealConnector(resource, {
              connect,
              now,
              rest: rest!,
              autoRestartMinuteMs: options.autoRestartMinuteMs ?? 60_000,
              readConfigMap,
              behaviour,
            })
          : reconcileKafkaConnector(resource, { connect, now, behaviour });
      }
      if (result.requeueAfterMs !== undefined) {
        const at = Date.now() + result.requeueAfterMs;
        due.set(key, Math.min(due.get(key) ?? at, at));
      }
      await write(kind, resource, result);
    } catch (error) {
      const code = (error as { code?: number }).code;
      // 409: the resource changed meanwhile; the watch brings the new version.
      // 404: it was deleted. Anything else is retried shortly.
      if (code !== 409 && code !== 404) {
        log(`${key}: ${String(error)}; retrying`);
        due.set(key, Date.now() + 1000);
      }
    }
  };

  const removeOrphans = async () => {
    if (!rest || listed.size < Object.keys(KINDS).length) {
      return;
    }
    const wanted = new Set(
      claimantsOnWorker().flatMap(claimant => claimant.connectors),
    );
    await deleteOrphanConnectors(rest, wanted, log).catch(error =>
      log(`could not list the worker's connectors (${String(error)})`),
    );
  };

  const worker = (async () => {
    let lastResync = Date.now();
    while (!stopped) {
      const now = Date.now();
      const ready = [...due.entries()]
        .filter(([, at]) => at <= now)
        .map(([key]) => key);
      for (const key of ready) {
        due.delete(key);
        await reconcile(key);
      }
      // A periodic resync repairs anything a lost watch event left behind.
      if (now - lastResync > 10_000) {
        lastResync = now;
        await removeOrphans();
        for (const kind of Object.keys(store) as Kind[]) {
          for (const key of store[kind].keys()) {
            enqueue(key);
          }
        }
      }
      await sleep(50);
    }
  })();

  const loops = (Object.keys(KINDS) as Kind[]).map(kind => watchKind(kind));

  return {
    stop: async () => {
      stopped = true;
      for (const controller of watches) {
        controller.abort();
      }
      await worker;
      await Promise.race([Promise.all(loops), sleep(2000)]);
      log('stopped');
    },
  };
}
