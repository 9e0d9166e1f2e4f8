import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { readClusterState } from './cluster';
import { isAlive } from './processes';

const run = promisify(execFile);
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-cli-test-'));

function cli(...args: string[]) {
  return run(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(__dirname, 'cli.ts'),
      ...args,
    ],
    {
      env: {
        ...process.env,
        KC_DEV_CLUSTER_HOME: home,
        KC_DEV_CLUSTER_OWNER_PID: String(process.pid),
      },
    },
  );
}

afterAll(async () => {
  await cli('down').catch(() => undefined);
  fs.rmSync(home, { recursive: true, force: true });
}, 30_000);

describe('yarn dev-cluster', () => {
  it('brings a cluster up idempotently with its Kafka broker and Connect worker, reports it, writes app-config and takes it down', async () => {
    const first = await cli('up', '--name', 'cli-a');
    expect(first.stdout).toMatch(/cluster cli-a ready in [\d.]+ s/);
    const state = readClusterState(path.join(home, 'cli-a'))!;
    expect(fs.existsSync(state.kubeconfigPath)).toBe(true);

    const second = await cli('up', '--name', 'cli-a');
    expect(second.stdout).toContain('cluster cli-a already runs');
    expect(readClusterState(path.join(home, 'cli-a'))!.pids.apiServer).toBe(
      state.pids.apiServer,
    );

    const status = await cli('status');
    expect(status.stdout).toMatch(
      /cli-a: ready at https:\/\/127\.0\.0\.1:\d+ \(broker up, connect up, etcd up, apiServer up, operator up\); Strimzi 1\.2, API v1; Kafka Connect http:\/\/127\.0\.0\.1:\d+;/,
    );
    const worker = await fetch(`${state.connectUrl}/`);
    expect(await worker.json()).toMatchObject({ version: '4.3.1' });

    const out = path.join(home, 'app-config.yaml');
    await cli('app-config', '--out', out);
    const config = parse(fs.readFileSync(out, 'utf8'));
    expect(config.kafkaConnect.clusters).toEqual([
      expect.objectContaining({
        name: 'cli-a',
        url: state.server,
        serviceAccountToken: state.portalToken,
      }),
    ]);

    await cli('down', 'cli-a');
    expect(fs.existsSync(path.join(home, 'cli-a'))).toBe(false);
    for (const pid of [
      state.pids.etcd,
      state.pids.apiServer,
      state.pids.operator,
      state.pids.broker,
      state.pids.connect,
    ]) {
      expect(isAlive(pid)).toBe(false);
    }
  }, 180_000);

  it('recovers from the stale state of a killed run', async () => {
    await cli('up', '--name', 'cli-b', '--no-sample-data', '--no-kafka');
    const state = readClusterState(path.join(home, 'cli-b'))!;
    for (const pid of [
      state.pids.operator,
      state.pids.apiServer,
      state.pids.etcd,
    ]) {
      process.kill(pid!, 'SIGKILL');
    }
    const again = await cli(
      'up',
      '--name',
      'cli-b',
      '--no-sample-data',
      '--no-kafka',
    );
    expect(again.stdout).toContain('removing stale state');
    expect(again.stdout).toMatch(/cluster cli-b ready/);
    await cli('down', 'cli-b');
  }, 60_000);

  it('explains bad input and exits with 2', async () => {
    await expect(cli('up', '--name', 'Bad_Name')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("cluster name 'Bad_Name' is not valid"),
    });
    await expect(
      cli('fail-task', 'nowhere', 'ns/name', '0'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining(
        "cluster nowhere is not running; start it with 'yarn dev-cluster up --name nowhere'",
      ),
    });
  }, 30_000);
});
