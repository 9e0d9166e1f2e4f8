import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** A free loopback port (the backend must know its own base URL before it listens). */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The backend's RSS and V8's view of it (external: buffers and strings outside the heap). */
export interface BackendMemory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface BackendHandle {
  baseUrl: string;
  pid: number;
  hasExited(): boolean;
  /** RSS and heap after two full collections, read by the backend itself. */
  memory(): Promise<BackendMemory>;
  /** CPU time (user + system) the backend process has used, in ms. */
  cpuMs(): Promise<number>;
  /** Starts a CPU profile in the backend; the returned call stops it and writes `file`. */
  profile(file: string): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

/** Starts backendProcess.ts as a child process with this configuration. */
export async function startBackendProcess(
  config: Record<string, unknown>,
  port: number,
  logFile: string,
): Promise<BackendHandle> {
  const fs = await import('node:fs');
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = fork(
    path.resolve(__dirname, 'backendProcess.ts'),
    [JSON.stringify(config)],
    {
      execArgv: [
        '--expose-gc',
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', log, log, 'ipc'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  let exitCode: number | null | undefined;
  const exited = new Promise<void>(resolve =>
    child.once('exit', code => {
      exitCode = code;
      resolve();
    }),
  );
  const ask = (message: { type: string; file?: string }) =>
    new Promise<{ micros?: number }>(resolve => {
      const onMessage = (answer: { type?: string; micros?: number }) => {
        if (answer.type === message.type) {
          child.off('message', onMessage);
          resolve(answer);
        }
      };
      child.on('message', onMessage);
      child.send(message);
    });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    profile: async file => {
      await ask({ type: 'profile-start' });
      return async () => {
        await ask({ type: 'profile-stop', file });
      };
    },
    cpuMs: async () => ((await ask({ type: 'cpu' })).micros ?? 0) / 1000,
    pid: child.pid!,
    hasExited: () => exitCode !== undefined,
    memory: () =>
      new Promise(resolve => {
        const onMessage = (message: BackendMemory & { type?: string }) => {
          if (message.type === 'memory') {
            child.off('message', onMessage);
            resolve(message);
          }
        };
        child.on('message', onMessage);
        child.send({ type: 'memory' });
      }),
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      fs.closeSync(log);
    },
  };
}
