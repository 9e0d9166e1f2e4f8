import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('Could not allocate a loopback port'));
        }
      });
    });
  });
}

/** Whether something already listens on a loopback port. */
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Whether a process with this pid is alive (and not a zombie we own). */
export function isAlive(pid: number | undefined): boolean {
  if (!pid) {
    return false;
  }
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 3 is the state; Z is a zombie waiting for its parent.
    return stat.split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

/** Options of {@link startProcess}. */
export interface StartProcessOptions {
  command: string;
  args: string[];
  logFile: string;
  env?: NodeJS.ProcessEnv;
  /** Keep running after this Node process exits (the CLI's `up`). */
  detached: boolean;
  /** Working folder (the Connect worker resolves connectors' relative file names against it). */
  cwd?: string;
}

/** Starts a program with its output appended to a log file; returns its pid. */
export function startProcess(options: StartProcessOptions): number {
  const log = fs.openSync(options.logFile, 'a');
  try {
    const child = spawn(options.command, options.args, {
      stdio: ['ignore', log, log],
      detached: options.detached,
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
    if (!child.pid) {
      throw new Error(`Could not start ${options.command}`);
    }
    child.on('error', () => {
      // Reported through the readiness wait and the log file.
    });
    if (options.detached) {
      child.unref();
    }
    return child.pid;
  } finally {
    fs.closeSync(log);
  }
}

/**
 * Starts a watchdog that kills `pids` when `ownerPid` exits, so a test run that
 * crashes or a start script that is killed leaves no server behind.
 */
export function startWatchdog(ownerPid: number, pids: () => number[]): number {
  const script = [
    `while kill -0 ${ownerPid} 2>/dev/null; do sleep 1; done`,
    `kill -TERM ${pids().join(' ')} 2>/dev/null`,
    'sleep 3',
    `kill -KILL ${pids().join(' ')} 2>/dev/null`,
    'exit 0',
  ].join('\n');
  const child = spawn('bash', ['-c', script], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  return child.pid ?? 0;
}

/** Stops a process: TERM, then KILL if it is still there after the grace period. */
export async function stopProcess(
  pid: number | undefined,
  graceMs = 5000,
): Promise<void> {
  if (!isAlive(pid)) {
    return;
  }
  try {
    process.kill(pid!, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      return;
    }
    await sleep(50);
  }
  try {
    process.kill(pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
  while (isAlive(pid)) {
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** The last lines of a log file, for error messages. */
export function tailOf(file: string, lines = 8): string {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}
