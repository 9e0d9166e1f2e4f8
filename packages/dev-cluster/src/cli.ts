import fs from 'node:fs';
import path from 'node:path';
import { renderAppConfig } from './appConfig';
import { ensureBinaries } from './binaries';
import { ensureHelm } from './helm';
import {
  ClusterState,
  isClusterReady,
  readClusterState,
  startCluster,
  stopRecordedCluster,
} from './cluster';
import { failConnector, failTask, heal, RealWorker } from './faults';
import { ensureKafka } from './kafka/binaries';
import { connectorFilesDir } from './kafka/servers';
import { kubeConfigFor } from './kube';
import { startOperatorStandIn } from './operator';
import { clusterDir, clustersHome } from './paths';
import { strimziFlags } from './operator/profiles';
import { isAlive } from './processes';
import { scanForPlantedSecrets } from './secretScan';

const USAGE = `Usage: yarn dev-cluster <command>
  build-binaries                         build kube-apiserver, etcd and helm, resolve Kafka (cached outside the repo)
  build-helm                             build helm only (KC_HELM=<binary> uses an existing one instead)
  build-kafka                            resolve Kafka, Kafka Connect and Debezium with Maven only
                                         (KC_KAFKA_HOME=<Kafka install> uses an existing one instead)
  up --name <name> [--no-sample-data] [--no-kafka] [--strimzi 0.37|0.45|0.48|0.51|1.2] [--strimzi-api v1|v1-and-v1beta2|v1beta2-only] [--crds-dir <dir>]
                                         start a named cluster (idempotent); state in .dev-cluster/<name>/
  down [<name>...]                       stop clusters (all when no name) and remove their state
  status                                 show the clusters and what runs
  kubeconfig <name>                      print the path of a cluster's kubeconfig
  app-config --out <file>                write app-config for every running cluster
  fail-task <cluster> <namespace>/<connector> <taskId> [--trace <text>]
  fail-connector <cluster> <namespace>/<connector> [--trace <text>]
  heal <cluster> <namespace>/<connector> clear injected failures
                                         (<namespace>/<mirrormaker2>/<connector> names one connector
                                         of a KafkaMirrorMaker2, e.g. replication/eu-to-us/'eu->us.MirrorSourceConnector')
                                         (on the real worker these break the connector's files for real,
                                         and Kafka Connect reports its own trace; --trace is for simulated ones)
  operator --name <name>                 run the operator stand-in in the foreground (used by up)
  scan-secrets <path>...                 fail if a planted sample secret appears in these logs/responses`;

class UsageError extends Error {}

interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

function parseArgs(args: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) {
        flags[key] = inline;
      } else if (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) {
        flags[key] = args[++i];
      } else {
        flags[key] = true;
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

function stringFlag(
  flags: ParsedArgs['flags'],
  name: string,
): string | undefined {
  const value = flags[name];
  if (value === true) {
    throw new UsageError(`--${name} needs a value`);
  }
  return value;
}

function validName(name: string | undefined): string {
  if (!name || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
    throw new UsageError(
      `cluster name '${
        name ?? ''
      }' is not valid: use lower-case letters, digits and '-', e.g. --name eu-1`,
    );
  }
  return name;
}

function runningState(name: string): ClusterState {
  const state = readClusterState(clusterDir(name));
  if (!state) {
    throw new UsageError(
      `cluster ${name} is not running; start it with 'yarn dev-cluster up --name ${name}'`,
    );
  }
  return state;
}

function realWorkerOf(state: ClusterState): RealWorker | undefined {
  return state.connectUrl
    ? {
        connectUrl: state.connectUrl,
        filesDir: connectorFilesDir(state.stateDir),
      }
    : undefined;
}

function connectorRef(arg: string | undefined) {
  const [namespace, name, connector, ...rest] = (arg ?? '').split('/');
  if (!namespace || !name || connector === '' || rest.length > 0) {
    throw new UsageError(
      `'${
        arg ?? ''
      }' is not <namespace>/<connector> nor <namespace>/<mirrormaker2>/<its connector>, e.g. orders/orders-mysql-cdc or replication/eu-to-us/'eu->us.MirrorSourceConnector'`,
    );
  }
  return { namespace, name, ...(connector ? { connector } : {}) };
}

function listedClusters(): string[] {
  const home = clustersHome();
  if (!fs.existsSync(home)) {
    return [];
  }
  return fs
    .readdirSync(home)
    .filter(entry => fs.existsSync(path.join(home, entry, 'state.json')))
    .sort();
}

async function up(flags: ParsedArgs['flags']) {
  const name = validName(stringFlag(flags, 'name'));
  let strimzi: ReturnType<typeof strimziFlags>;
  try {
    strimzi = strimziFlags(
      stringFlag(flags, 'strimzi'),
      stringFlag(flags, 'strimzi-api'),
    );
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { profile: strimziProfile, api: strimziApi } = strimzi;
  const crdsDir = stringFlag(flags, 'crds-dir');
  if (crdsDir && !fs.existsSync(crdsDir)) {
    throw new UsageError(`--crds-dir ${crdsDir} does not exist`);
  }
  const started = Date.now();
  const dir = clusterDir(name);
  const existing = readClusterState(dir);
  if (existing) {
    if ((await isClusterReady(existing)) && isAlive(existing.pids.etcd)) {
      console.log(
        `cluster ${name} already runs at ${existing.server} (kubeconfig ${existing.kubeconfigPath})`,
      );
      return;
    }
    console.log(
      `cluster ${name}: removing stale state from a run that was killed`,
    );
    await stopRecordedCluster(dir);
  }
  await ensureBinaries(line => console.log(line));
  const kafka = flags['no-kafka'] !== true;
  if (kafka) {
    await ensureKafka(line => console.log(line));
  }
  fs.mkdirSync(dir, { recursive: true });
  const ownerPid = process.env.KC_DEV_CLUSTER_OWNER_PID
    ? Number(process.env.KC_DEV_CLUSTER_OWNER_PID)
    : undefined;
  const cluster = await startCluster({
    name,
    strimziApi,
    strimziProfile,
    crdsDir,
    sampleData: flags['no-sample-data'] !== true,
    // scripts/start.sh starts a PostgreSQL for the sample Debezium connector.
    samplePostgresUrl: process.env.KC_DEMO_POSTGRES_URL,
    kafka,
    operator: 'process',
    stateDir: dir,
    detached: true,
    ownerPid,
    log: line => console.log(`[${name}] ${line}`),
  });
  console.log(
    `cluster ${name} ready in ${((Date.now() - started) / 1000).toFixed(
      1,
    )} s at ${cluster.server}; kubeconfig ${cluster.kubeconfigPath}`,
  );
}

async function down(names: string[]) {
  const targets = names.length > 0 ? names.map(validName) : listedClusters();
  for (const name of targets) {
    const stopped = await stopRecordedCluster(clusterDir(name));
    console.log(
      stopped ? `cluster ${name} stopped` : `cluster ${name} was not running`,
    );
  }
}

async function status() {
  const names = listedClusters();
  if (names.length === 0) {
    console.log('no clusters; start one with: yarn dev-cluster up --name eu-1');
    return;
  }
  for (const name of names) {
    const state = readClusterState(clusterDir(name))!;
    const ready = await isClusterReady(state);
    const processes = Object.entries(state.pids)
      .filter(([program]) => program !== 'watchdog')
      .map(([program, pid]) => `${program} ${isAlive(pid) ? 'up' : 'DOWN'}`)
      .join(', ');
    console.log(
      `${name}: ${ready ? 'ready' : 'NOT READY'} at ${
        state.server
      } (${processes}); Strimzi ${state.strimziProfile ?? '1.2'}, API ${
        state.strimziApi
      }${
        state.connectUrl ? `; Kafka Connect ${state.connectUrl}` : ''
      }; kubeconfig ${state.kubeconfigPath}`,
    );
  }
}

async function runOperator(flags: ParsedArgs['flags']) {
  const name = validName(stringFlag(flags, 'name'));
  const state = runningState(name);
  const minuteMs = process.env.KC_AUTO_RESTART_MINUTE_MS;
  const operator = await startOperatorStandIn(kubeConfigFor(state), {
    clusterName: name,
    connectUrl: state.connectUrl,
    strimziProfile: state.strimziProfile,
    // Shortens Strimzi's auto-restart back-off so tests need not wait minutes.
    autoRestartMinuteMs: minuteMs ? Number(minuteMs) : undefined,
    logger: line => console.log(line),
  });
  await new Promise<void>(resolve => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await operator.stop();
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest);
  switch (command) {
    case 'build-binaries': {
      const binaries = await ensureBinaries(line => console.log(line));
      console.log(
        `kube-apiserver: ${binaries.kubeApiServer}\netcd: ${binaries.etcd} (from ${binaries.source})`,
      );
      console.log(`helm: ${await ensureHelm(line => console.log(line))}`);
      const kafka = await ensureKafka(line => console.log(line));
      console.log(`Kafka jars: ${kafka.libsDir} (from ${kafka.source})`);
      return;
    }
    case 'build-helm': {
      console.log(`helm: ${await ensureHelm(line => console.log(line))}`);
      return;
    }
    case 'build-kafka': {
      const kafka = await ensureKafka(line => console.log(line));
      console.log(`Kafka jars: ${kafka.libsDir} (from ${kafka.source})`);
      return;
    }
    case 'up':
      await up(flags);
      return;
    case 'down':
      await down(positional);
      return;
    case 'status':
      await status();
      return;
    case 'kubeconfig':
      console.log(runningState(validName(positional[0])).kubeconfigPath);
      return;
    case 'app-config': {
      const outFlag = stringFlag(flags, 'out');
      // yarn runs workspace scripts in the package folder; paths are meant from where yarn was called.
      const out = outFlag
        ? path.resolve(process.env.INIT_CWD ?? process.cwd(), outFlag)
        : undefined;
      const states: ClusterState[] = [];
      for (const name of listedClusters()) {
        const state = readClusterState(clusterDir(name))!;
        if (await isClusterReady(state)) {
          states.push(state);
        }
      }
      const text = renderAppConfig(states);
      if (out) {
        fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
        fs.writeFileSync(out, text, { mode: 0o600 });
        console.log(
          `wrote ${out} for ${
            states.map(s => s.name).join(', ') || 'no running cluster'
          }`,
        );
      } else {
        process.stdout.write(text);
      }
      return;
    }
    case 'fail-task': {
      const state = runningState(validName(positional[0]));
      const taskId = Number(positional[2]);
      if (!Number.isInteger(taskId) || taskId < 0) {
        throw new UsageError(
          `task id '${positional[2] ?? ''}' must be a number, e.g. 0`,
        );
      }
      await failTask(
        kubeConfigFor(state),
        connectorRef(positional[1]),
        taskId,
        stringFlag(flags, 'trace'),
        realWorkerOf(state),
      );
      console.log(
        `task ${taskId} of ${positional[1]} on ${state.name} now fails`,
      );
      return;
    }
    case 'fail-connector': {
      const state = runningState(validName(positional[0]));
      await failConnector(
        kubeConfigFor(state),
        connectorRef(positional[1]),
        stringFlag(flags, 'trace'),
        realWorkerOf(state),
      );
      console.log(`connector ${positional[1]} on ${state.name} now fails`);
      return;
    }
    case 'heal': {
      const state = runningState(validName(positional[0]));
      await heal(
        kubeConfigFor(state),
        connectorRef(positional[1]),
        realWorkerOf(state),
      );
      console.log(`connector ${positional[1]} on ${state.name} healed`);
      return;
    }
    case 'operator':
      await runOperator(flags);
      return;
    case 'scan-secrets': {
      if (positional.length === 0) {
        throw new UsageError('scan-secrets needs the folders or files to scan');
      }
      const base = process.env.INIT_CWD ?? process.cwd();
      const { filesScanned, hits } = scanForPlantedSecrets(
        positional.map(target => path.resolve(base, target)),
      );
      for (const hit of hits) {
        console.error(
          `${hit.file}:${hit.line}: planted secret (${hit.form}): …${hit.excerpt}…`,
        );
      }
      if (hits.length > 0) {
        throw new Error(
          `${hits.length} planted secret value(s) leaked into ${filesScanned} scanned file(s)`,
        );
      }
      if (filesScanned === 0) {
        throw new Error(`nothing to scan under ${positional.join(', ')}`);
      }
      console.log(`no planted secret in ${filesScanned} file(s)`);
      return;
    }
    default:
      throw new UsageError(
        command ? `unknown command '${command}'` : 'no command given',
      );
  }
}

main(process.argv.slice(2)).catch(error => {
  if (error instanceof UsageError) {
    console.error(`dev-cluster: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(
    `dev-cluster: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
