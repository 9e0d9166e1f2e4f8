import fs from 'node:fs';
import path from 'node:path';
import { ClusterConnection, getFromApiServer } from './kube';
import type { StrimziProfile } from './operator/profiles';
import { sleep, stopProcess, tailOf } from './processes';

/** Which Strimzi API versions the cluster serves. */
export type StrimziApiMode = 'v1' | 'v1-and-v1beta2' | 'v1beta2-only';

/** The programs a cluster runs, by the name its pids and logs use. */
export type ClusterProgram =
  | 'etcd'
  | 'apiServer'
  | 'broker'
  | 'connect'
  | 'operator';

/** What is written to `<stateDir>/state.json`. */
export interface ClusterState extends ClusterConnection {
  /** Token of the portal's user, bound to the `kafka-connect-portal` ClusterRole. */
  portalToken: string;
  kubeconfigPath: string;
  stateDir: string;
  dataDir: string;
  strimziApi: StrimziApiMode;
  /** The Strimzi release the operator stand-in behaves like (absent: 1.2). */
  strimziProfile?: StrimziProfile;
  ports: {
    apiServer: number;
    etcdClient: number;
    etcdPeer: number;
    broker?: number;
    controller?: number;
    connectRest?: number;
  };
  /** The real Kafka Connect worker's REST API, when the cluster runs one. */
  connectUrl?: string;
  /** The real Kafka broker's bootstrap address, when the cluster runs one. */
  bootstrapServers?: string;
  pids: Partial<Record<ClusterProgram | 'watchdog', number>>;
  commands: Partial<Record<ClusterProgram, string[]>> & {
    etcd: string[];
    apiServer: string[];
  };
  startedAt: string;
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

export function writeClusterState(state: ClusterState) {
  fs.writeFileSync(
    path.join(state.stateDir, STATE_FILE),
    `${JSON.stringify(state, null, 2)}\n`,
    { mode: 0o600 },
  );
}

export function removeClusterState(stateDir: string) {
  fs.rmSync(path.join(stateDir, STATE_FILE), { force: true });
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

/** Polls `check` until it holds; fails early when the process died, with its log's end. */
export async function waitUntil(
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

export async function etcdHealthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, {
      signal: AbortSignal.timeout(1000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** The order programs stop in: clients before the servers they use. */
export const STOP_ORDER: ClusterProgram[] = [
  'operator',
  'connect',
  'broker',
  'apiServer',
  'etcd',
];

/**
 * Stops the processes a state file records and removes the state, also when
 * the processes are already gone (a killed run).
 */
export async function stopRecordedCluster(stateDir: string): Promise<boolean> {
  const state = readClusterState(stateDir);
  if (!state) {
    return false;
  }
  for (const program of STOP_ORDER) {
    await stopProcess(
      state.pids[program],
      program === 'connect' ? 10_000 : 5000,
    );
  }
  await stopProcess(state.pids.watchdog, 0);
  fs.rmSync(state.dataDir, { recursive: true, force: true });
  fs.rmSync(stateDir, { recursive: true, force: true });
  return true;
}
