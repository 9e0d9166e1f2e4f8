import path from 'node:path';
import type { BackendHandle } from './backendHandle';
import { sleep } from './portalClient';

/**
 * The backend's own CPU time per request of a phase, less what it spends
 * idle (the catalog's processing loop, timers) over the same time. On a
 * machine whose other tenants keep both CPUs busy, latencies mostly measure
 * the wait for a CPU; CPU time per request does not.
 * With KC_BENCH_CPU_PROF=<dir> a phase may also be profiled.
 */
export async function phaseMeter(handle: BackendHandle, size: number) {
  const idleMs = 5000;
  const idleStart = await handle.cpuMs();
  await sleep(idleMs);
  const idleCpuPerMs = ((await handle.cpuMs()) - idleStart) / idleMs;
  return {
    idleCpuPerSecond: idleCpuPerMs * 1000,
    /** Runs `run` (which makes `requests` requests) and returns its result with the backend CPU ms per request. */
    async measure<T>(
      phase: string,
      requests: number,
      run: () => Promise<T>,
      options: { profile?: boolean; onProfile?: (file: string) => void } = {},
    ): Promise<{ result: T; cpuMs: number }> {
      const dir = process.env.KC_BENCH_CPU_PROF;
      const file =
        dir && options.profile
          ? path.join(dir, `backend-${size}-${phase}.cpuprofile`)
          : undefined;
      const stop = file ? await handle.profile(file) : undefined;
      const started = Date.now();
      const before = await handle.cpuMs();
      const result = await run();
      const used = (await handle.cpuMs()) - before;
      const elapsed = Date.now() - started;
      if (stop && file) {
        await stop();
        options.onProfile?.(file);
      }
      return {
        result,
        cpuMs: Math.max(0, used - idleCpuPerMs * elapsed) / requests,
      };
    },
  };
}
