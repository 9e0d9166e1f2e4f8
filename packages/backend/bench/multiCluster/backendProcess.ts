/**
 * The backend of the multi-cluster benchmark, run as its own process so its
 * RSS is the backend's alone: a real Backstage backend (`createBackend`) with
 * the auth backend and its guest provider, the catalog backend (in-memory
 * SQLite, entities from a file location), the permission backend with the
 * portal's own policy, and the Kafka Connect suite's backend plugin.
 * Configuration comes as JSON in argv[2]. Answers `{ type: 'memory' }`
 * messages with its memory after a full garbage collection, `{ type: 'cpu' }`
 * with the CPU time it has used.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

const config = JSON.parse(process.argv[2]);

const backend = createBackend();
backend.add(
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => new ConfigReader(config),
  }),
);
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('../../src/permissions/policyModule'));
backend.add(import('@kcs/plugin-kafka-connect-backend'));

function rssOf(pid: number | 'self'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

let profiler: Session | undefined;

/** A CPU profile of one phase (the harness names the file), not of start-up and sync. */
async function profile(message: { type?: string; file?: string }) {
  if (message.type === 'profile-start') {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
  } else if (profiler && message.file) {
    const { profile: taken } = await profiler.post('Profiler.stop');
    fs.writeFileSync(message.file, JSON.stringify(taken));
    profiler.disconnect();
    profiler = undefined;
  }
  process.send?.({ type: message.type });
}

process.on('message', (message: { type?: string; file?: string }) => {
  if (message?.type === 'profile-start' || message?.type === 'profile-stop') {
    profile(message).catch(error => {
      // eslint-disable-next-line no-console
      console.error(error);
      process.send?.({ type: message.type });
    });
  }
  if (message?.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ type: 'cpu', micros: user + system });
  }
  if (message?.type === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({
      type: 'memory',
      ...process.memoryUsage(),
      rss: rssOf('self'),
    });
  }
});

backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
