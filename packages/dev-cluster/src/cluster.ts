import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireBinaries } from './binaries';
import { crdManifests } from './crds';
import {
  ClusterProgram,
  ClusterState,
  etcdHealthy,
  isClusterReady,
  removeClusterState,
  STOP_ORDER,
  StrimziApiMode,
  waitUntil,
  writeClusterState,
} from './clusterState';
import { requireKafka } from './kafka/binaries';
import {
  connectorFilesDir,
  isWorkerReady,
  KafkaPorts,
  prepareKafka,
} from './kafka/servers';
import { writePostgresInstances } from './kafka/secretManager';
import {
  applyObjects,
  installCrds,
  kubeConfigFor,
  writeKubeconfig,
} from './kube';
import { kubeCommands } from './kubeCommands';
import { OperatorStandInOptions, startOperatorStandIn } from './operator';
import {
  DEFAULT_STRIMZI_PROFILE,
  profileBehaviour,
  StrimziProfile,
} from './operator/profiles';
import { createPki } from './pki';
import { portalAccessManifests, PORTAL_USER } from './portalAccess';
import {
  freePort,
  isAlive,
  startProcess,
  startWatchdog,
  stopProcess,
} from './processes';
import { mirrorSourceBootstrapServers } from './realWorkerMirrorMaker2Sample';
import {
  DEMO_POSTGRES_INSTANCES,
  writeRealWorkerSampleFiles,
} from './realWorkerSamples';
import { sampleData } from './samples';

export {
  isClusterReady,
  readClusterState,
  stopRecordedCluster,
} from './clusterState';
export type { ClusterState, StrimziApiMode } from './clusterState';

/** Options of {@link startCluster}. */
export interface StartClusterOptions {
  name: string;
  /** `v1` (Strimzi 1.x), `v1-and-v1beta2` (0.49 to 0.51) or `v1beta2-only` (0.48 and older). */
  strimziApi?: StrimziApiMode;
  /** Install every CRD found in this folder instead of the built-in ones. */
  crdsDir?: string;
  /** Load the demo's sample resources for this cluster name. */
  sampleData?: boolean;
  /** Run the operator stand-in; `process` runs it as a separate process (for the CLI). */
  operator?: boolean | 'process';
  /** Where state, kubeconfig and logs go; a temporary folder by default. */
  stateDir?: string;
  /** Keep the servers running after this Node process exits (the CLI's `up`). */
  detached?: boolean;
  /** Stop everything when this process exits; defaults to this process unless detached. */
  ownerPid?: number;
  log?: (line: string) => void;
  /** A PostgreSQL database (URL) with logical replication and a table public.orders for the sample Debezium connector; the workers' secretManager instances `shop` and `warehouse` point to its server. */
  samplePostgresUrl?: string;
  /** The Strimzi release the stand-in behaves like (default 1.2); sets the API versions unless strimziApi is given. */
  strimziProfile?: StrimziProfile;
  /** Run a real Kafka broker and Connect worker (the CLI's `up` does by default); needs `yarn dev-cluster build-binaries`. */
  kafka?: boolean;
  /** Extra options of an in-process operator stand-in (tests). */
  operatorOptions?: Partial<OperatorStandInOptions>;
  /** Extra kube-apiserver flags, e.g. `--min-request-timeout=3` to end watches every few seconds (fault tests). */
  apiServerArgs?: string[];
}

/** A cluster started by this process. */
export interface RunningCluster extends ClusterState {
  kubeConfig(): KubeConfig;
  stop(): Promise<void>;
  stopApiServer(): Promise<void>;
  startApiServer(): Promise<void>;
  stopEtcd(): Promise<void>;
  startEtcd(): Promise<void>;
  stopOperator(): Promise<void>;
  startOperator(): Promise<void>;
}

function operatorCommand(name: string): string[] {
  return [
    process.execPath,
    '--require',
    require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    path.resolve(__dirname, 'cli.ts'),
    'operator',
    '--name',
    name,
  ];
}

/**
 * Starts etcd and kube-apiserver on free loopback ports (token auth, RBAC)
 * and, unless told not to, a Kafka broker and a Kafka Connect worker; installs
 * the Strimzi CRDs, the portal's RBAC, optionally the sample data and the
 * operator stand-in. On any failure everything started is stopped again.
 */
export async function startCluster(
  options: StartClusterOptions,
): Promise<RunningCluster> {
  const log = options.log ?? (() => {});
  const binaries = requireBinaries();
  const strimziProfile = options.strimziProfile ?? DEFAULT_STRIMZI_PROFILE;
  const strimziApi =
    options.strimziApi ?? profileBehaviour(strimziProfile).strimziApi;
  const stateDir =
    options.stateDir ??
    fs.mkdtempSync(path.join(os.tmpdir(), `kc-cluster-${options.name}-`));
  fs.mkdirSync(path.join(stateDir, 'logs'), { recursive: true });
  const dataDir = fs.mkdtempSync(
    path.join(os.tmpdir(), `kc-etcd-${options.name}-`),
  );
  const pki = createPki(path.join(stateDir, 'pki'));
  const token = crypto.randomBytes(24).toString('hex');
  const portalToken = crypto.randomBytes(24).toString('hex');
  const tokenFile = path.join(stateDir, 'pki', 'tokens.csv');
  fs.writeFileSync(
    tokenFile,
    `${token},kc-admin,kc-admin,"system:masters"\n${portalToken},${PORTAL_USER},${PORTAL_USER}\n`,
    { mode: 0o600 },
  );
  const ports = {
    apiServer: await freePort(),
    etcdClient: await freePort(),
    etcdPeer: await freePort(),
  };
  const kafka = options.kafka ? requireKafka() : undefined;
  const kafkaPorts: KafkaPorts | undefined = kafka
    ? {
        broker: await freePort(),
        controller: await freePort(),
        connectRest: await freePort(),
      }
    : undefined;
  const kubeCommandsForPorts = () =>
    kubeCommands({
      name: options.name,
      binaries,
      dataDir,
      stateDir,
      ports,
      pki,
      tokenFile,
      apiServerArgs: options.apiServerArgs,
    });
  const commands: ClusterState['commands'] = {
    ...kubeCommandsForPorts(),
    ...(kafka && kafkaPorts
      ? prepareKafka({
          name: options.name,
          stateDir,
          dataDir,
          install: kafka,
          ports: kafkaPorts,
        })
      : {}),
  };
  const state: ClusterState = {
    name: options.name,
    server: `https://127.0.0.1:${ports.apiServer}`,
    token,
    portalToken,
    caData: pki.caData,
    kubeconfigPath: path.join(stateDir, 'kubeconfig'),
    stateDir,
    dataDir,
    strimziApi,
    strimziProfile,
    ports: { ...ports, ...kafkaPorts },
    ...(kafkaPorts
      ? {
          connectUrl: `http://127.0.0.1:${kafkaPorts.connectRest}`,
          bootstrapServers: `127.0.0.1:${kafkaPorts.broker}`,
        }
      : {}),
    pids: {},
    commands,
    startedAt: new Date().toISOString(),
  };
  const detached = options.detached ?? false;
  const logFile = (program: string) =>
    path.join(stateDir, 'logs', `${program}.log`);
  let inProcessOperator: { stop(): Promise<void> } | undefined;
  const ownerPid = options.ownerPid ?? (detached ? undefined : process.pid);
  // The watchdog holds the pids it guards, so it is replaced on every (re)start.
  const guardProcesses = () => {
    if (!ownerPid) {
      return;
    }
    if (state.pids.watchdog) {
      void stopProcess(state.pids.watchdog, 0);
    }
    const guarded = STOP_ORDER.map(program => state.pids[program]);
    state.pids.watchdog = startWatchdog(ownerPid, () =>
      guarded.filter((pid): pid is number => Boolean(pid)),
    );
  };

  const launch = (program: ClusterProgram) => {
    const [command, ...args] = commands[program]!;
    state.pids[program] = startProcess({
      command,
      args,
      logFile: logFile(program),
      detached,
      // Connectors' relative file names (FileStream files, `${file:…}` values) resolve here.
      cwd: program === 'connect' ? connectorFilesDir(stateDir) : undefined,
    });
    guardProcesses();
    writeClusterState(state);
  };
  const startEtcd = async () => {
    launch('etcd');
    await waitUntil(
      'etcd',
      () => etcdHealthy(ports.etcdClient),
      () => isAlive(state.pids.etcd),
      logFile('etcd'),
      20_000,
    );
  };
  const startApiServer = async () => {
    for (let attempt = 1; ; attempt++) {
      launch('apiServer');
      try {
        await waitUntil(
          'kube-apiserver',
          () => isClusterReady(state),
          () => isAlive(state.pids.apiServer),
          logFile('apiServer'),
          60_000,
        );
        return;
      } catch (error) {
        // A free port can be taken (say, as an outgoing connection's local
        // port) between choosing it and kube-apiserver binding it.
        if (attempt >= 3 || !/address already in use/.test(String(error))) {
          throw error;
        }
        ports.apiServer = await freePort();
        state.server = `https://127.0.0.1:${ports.apiServer}`;
        state.ports.apiServer = ports.apiServer;
        commands.apiServer = kubeCommandsForPorts().apiServer;
        log(`port taken; starting kube-apiserver again on ${state.server}`);
      }
    }
  };
  const startOperator = async () => {
    if (options.operator === 'process') {
      commands.operator = operatorCommand(options.name);
      launch('operator');
    } else {
      inProcessOperator = await startOperatorStandIn(kubeConfigFor(state), {
        clusterName: options.name,
        connectUrl: state.connectUrl,
        strimziProfile,
        logger: line => log(line),
        ...options.operatorOptions,
      });
    }
  };
  const stopOperator = async () => {
    await inProcessOperator?.stop();
    inProcessOperator = undefined;
    await stopProcess(state.pids.operator);
    state.pids.operator = undefined;
  };
  const startKafka = () => {
    if (!kafka) {
      return;
    }
    log(
      `starting Kafka broker on ${state.bootstrapServers} and a Connect worker on ${state.connectUrl}`,
    );
    launch('broker');
    launch('connect');
  };
  const waitForKafka = async (started: number) => {
    if (!kafka) {
      return;
    }
    await waitUntil(
      'Kafka Connect worker',
      () => isWorkerReady(state.connectUrl!),
      () => isAlive(state.pids.connect) && isAlive(state.pids.broker),
      logFile(isAlive(state.pids.broker) ? 'connect' : 'broker'),
      120_000,
    );
    log(
      `Kafka broker and Connect worker ready ${(
        (Date.now() - started) /
        1000
      ).toFixed(1)} s after start`,
    );
  };
  const stop = async () => {
    await stopOperator();
    for (const program of STOP_ORDER) {
      await stopProcess(
        state.pids[program],
        program === 'connect' ? 10_000 : 5000,
      );
    }
    await stopProcess(state.pids.watchdog, 0);
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!options.stateDir) {
      fs.rmSync(stateDir, { recursive: true, force: true });
    } else {
      removeClusterState(stateDir);
    }
  };

  try {
    // The JVMs start slowly, so they start first and are waited for last.
    const kafkaStarted = Date.now();
    startKafka();
    log(`starting etcd for ${options.name} on 127.0.0.1:${ports.etcdClient}`);
    await startEtcd();
    log(`starting kube-apiserver for ${options.name} on ${state.server}`);
    await startApiServer();
    writeKubeconfig(state.kubeconfigPath, state);
    const kc = kubeConfigFor(state);
    const { connectorState, offsets } = profileBehaviour(strimziProfile);
    const crds = crdManifests({
      strimziApi,
      features: { connectorState, offsets },
      fromDir: options.crdsDir,
    });
    log(`installing ${crds.length} CRDs`);
    await installCrds(kc, crds as KubernetesObject[]);
    await applyObjects(kc, portalAccessManifests());
    if (kafka && options.samplePostgresUrl) {
      // What `${secretManager:shop:HOST}` and the like read (the sample CDC
      // connector, blueprints rendered for these instances).
      writePostgresInstances(
        connectorFilesDir(stateDir),
        options.samplePostgresUrl,
        DEMO_POSTGRES_INSTANCES,
      );
    }
    if (options.sampleData) {
      if (kafka) {
        writeRealWorkerSampleFiles(connectorFilesDir(stateDir));
      }
      const samples = sampleData(options.name, {
        bootstrapServers: state.bootstrapServers,
        postgresUrl: options.samplePostgresUrl,
        // eu-1's MirrorMaker 2 mirrors us-1's broker when us-1 runs.
        mirrorSourceBootstrapServers:
          options.name === 'eu-1' ? mirrorSourceBootstrapServers() : undefined,
      }) as KubernetesObject[];
      log(`loading ${samples.length} sample resources`);
      await applyObjects(kc, samples);
    }
    await waitForKafka(kafkaStarted);
    if (options.operator ?? true) {
      await startOperator();
    }
    writeClusterState(state);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  return {
    ...state,
    get pids() {
      return state.pids;
    },
    kubeConfig: () => kubeConfigFor(state),
    stop,
    stopApiServer: async () => {
      await stopProcess(state.pids.apiServer);
      state.pids.apiServer = undefined;
    },
    startApiServer,
    stopEtcd: async () => {
      await stopProcess(state.pids.etcd);
      state.pids.etcd = undefined;
    },
    startEtcd,
    stopOperator,
    startOperator,
  };
}
