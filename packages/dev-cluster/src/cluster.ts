import type { KubeConfig, KubernetesObject } from '@kubernetes/client-node';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireBinaries } from './binaries';
import { crdManifests } from './crds';
import {
  applyObjects,
  ClusterConnection,
  getFromApiServer,
  installCrds,
  kubeConfigFor,
  writeKubeconfig,
} from './kube';
import { startOperatorStandIn } from './operator';
import { createPki } from './pki';
import { portalAccessManifests, PORTAL_USER } from './portalAccess';
import {
  freePort,
  isAlive,
  sleep,
  startProcess,
  startWatchdog,
  stopProcess,
  tailOf,
} from './processes';
import { sampleData } from './samples';

/** Which Strimzi API versions the cluster serves. */
export type StrimziApiMode = 'v1' | 'v1beta2-only';

/** Options of {@link startCluster}. */
export interface StartClusterOptions {
  name: string;
  /** `v1` (Strimzi 0.49+ with v1beta2 beside it) or `v1beta2-only` (Strimzi 0.48 and older). */
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
  /** Extra kube-apiserver flags, e.g. `--min-request-timeout=3` to end watches every few seconds (fault tests). */
  apiServerArgs?: string[];
}

/** What is written to `<stateDir>/state.json`. */
export interface ClusterState extends ClusterConnection {
  /** Token of the portal's user, bound to the `kafka-connect-portal` ClusterRole. */
  portalToken: string;
  kubeconfigPath: string;
  stateDir: string;
  dataDir: string;
  strimziApi: StrimziApiMode;
  ports: { apiServer: number; etcdClient: number; etcdPeer: number };
  pids: {
    etcd?: number;
    apiServer?: number;
    operator?: number;
    watchdog?: number;
  };
  commands: { etcd: string[]; apiServer: string[]; operator?: string[] };
  startedAt: string;
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

const STATE_FILE = 'state.json';

/** Reads the state of a cluster folder, if there is one. */
export function readClusterState(stateDir: string): ClusterState | undefined {
  const file = path.join(stateDir, STATE_FILE);
  if (!fs.existsSync(file)) {
    return undefined;
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ClusterState;
}

function writeClusterState(state: ClusterState) {
  fs.writeFileSync(
    path.join(state.stateDir, STATE_FILE),
    `${JSON.stringify(state, null, 2)}\n`,
    { mode: 0o600 },
  );
}

/** Whether the API server of a recorded cluster answers /readyz. */
export async function isClusterReady(
  state: ClusterConnection,
): Promise<boolean> {
  try {
    const response = await getFromApiServer(state, '/readyz', 1000);
    return response.status === 200;
  } catch {
    return false;
  }
}

async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  processAlive: () => boolean,
  logFile: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) {
      return;
    }
    if (!processAlive()) {
      throw new Error(
        `${what} exited during start-up; its log ends with:\n${tailOf(
          logFile,
        )}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} was not ready within ${
          timeoutMs / 1000
        } s; its log (${logFile}) ends with:\n${tailOf(logFile)}`,
      );
    }
    await sleep(100);
  }
}

async function etcdHealthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, {
      signal: AbortSignal.timeout(1000),
    });
    return response.ok;
  } catch {
    return false;
  }
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
 * Starts etcd and kube-apiserver on free loopback ports (token auth, RBAC),
 * installs the Strimzi CRDs, the portal's RBAC, optionally the sample data and
 * the operator stand-in. On any failure everything started is stopped again.
 */
export async function startCluster(
  options: StartClusterOptions,
): Promise<RunningCluster> {
  const log = options.log ?? (() => {});
  const binaries = requireBinaries();
  const strimziApi = options.strimziApi ?? 'v1';
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
  const etcdUrl = `http://127.0.0.1:${ports.etcdClient}`;
  const peerUrl = `http://127.0.0.1:${ports.etcdPeer}`;
  const commands: ClusterState['commands'] = {
    etcd: [
      binaries.etcd,
      `--name=${options.name}`,
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=${options.name}=${peerUrl}`,
      // Data is throwaway: skipping fsync makes start-up and writes fast.
      '--unsafe-no-fsync',
      '--log-level=warn',
    ],
    apiServer: [
      binaries.kubeApiServer,
      `--etcd-servers=${etcdUrl}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${ports.apiServer}`,
      `--cert-dir=${path.join(stateDir, 'pki')}`,
      `--tls-cert-file=${pki.servingCertFile}`,
      `--tls-private-key-file=${pki.servingKeyFile}`,
      `--client-ca-file=${pki.caCertFile}`,
      `--token-auth-file=${tokenFile}`,
      '--authorization-mode=RBAC',
      '--anonymous-auth=false',
      '--service-cluster-ip-range=10.0.0.0/24',
      `--service-account-issuer=https://kubernetes.default.svc.cluster.local`,
      `--service-account-key-file=${pki.serviceAccountKeyFile}`,
      `--service-account-signing-key-file=${pki.serviceAccountKeyFile}`,
      // No kube-controller-manager runs, so nothing would create default service accounts.
      '--disable-admission-plugins=ServiceAccount',
      // Loopback cannot be advertised as the kubernetes service endpoint; nothing needs it.
      '--endpoint-reconciler-type=none',
      '--enable-priority-and-fairness=false',
      '--v=0',
      ...(options.apiServerArgs ?? []),
    ],
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
    ports,
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
    const guarded = [
      state.pids.etcd,
      state.pids.apiServer,
      state.pids.operator,
    ];
    state.pids.watchdog = startWatchdog(ownerPid, () =>
      guarded.filter((pid): pid is number => Boolean(pid)),
    );
  };

  const launch = (program: 'etcd' | 'apiServer' | 'operator') => {
    const [command, ...args] = commands[program]!;
    state.pids[program] = startProcess({
      command,
      args,
      logFile: logFile(program),
      detached,
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
    launch('apiServer');
    await waitUntil(
      'kube-apiserver',
      () => isClusterReady(state),
      () => isAlive(state.pids.apiServer),
      logFile('apiServer'),
      60_000,
    );
  };
  const startOperator = async () => {
    if (options.operator === 'process') {
      commands.operator = operatorCommand(options.name);
      launch('operator');
    } else {
      inProcessOperator = await startOperatorStandIn(kubeConfigFor(state), {
        clusterName: options.name,
        logger: line => log(line),
      });
    }
  };
  const stopOperator = async () => {
    await inProcessOperator?.stop();
    inProcessOperator = undefined;
    await stopProcess(state.pids.operator);
    state.pids.operator = undefined;
  };
  const stop = async () => {
    await stopOperator();
    await stopProcess(state.pids.apiServer);
    await stopProcess(state.pids.etcd);
    await stopProcess(state.pids.watchdog, 0);
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!options.stateDir) {
      fs.rmSync(stateDir, { recursive: true, force: true });
    } else {
      fs.rmSync(path.join(stateDir, STATE_FILE), { force: true });
    }
  };

  try {
    log(`starting etcd for ${options.name} on 127.0.0.1:${ports.etcdClient}`);
    await startEtcd();
    log(`starting kube-apiserver for ${options.name} on ${state.server}`);
    await startApiServer();
    writeKubeconfig(state.kubeconfigPath, state);
    const kc = kubeConfigFor(state);
    const crds = crdManifests({ strimziApi, fromDir: options.crdsDir });
    log(`installing ${crds.length} CRDs`);
    await installCrds(kc, crds as KubernetesObject[]);
    await applyObjects(kc, portalAccessManifests());
    if (options.sampleData) {
      const samples = sampleData(options.name) as KubernetesObject[];
      log(`loading ${samples.length} sample resources`);
      await applyObjects(kc, samples);
    }
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

/**
 * Stops the processes a state file records and removes the state, also when
 * the processes are already gone (a killed run).
 */
export async function stopRecordedCluster(stateDir: string): Promise<boolean> {
  const state = readClusterState(stateDir);
  if (!state) {
    return false;
  }
  await stopProcess(state.pids.operator);
  await stopProcess(state.pids.apiServer);
  await stopProcess(state.pids.etcd);
  await stopProcess(state.pids.watchdog, 0);
  fs.rmSync(state.dataDir, { recursive: true, force: true });
  fs.rmSync(stateDir, { recursive: true, force: true });
  return true;
}
