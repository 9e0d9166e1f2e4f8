import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { kafkaCacheDir, mavenProjectDir } from '../paths';
import { DEBEZIUM_VERSION, KAFKA_VERSION } from '../versions';

/** The jars a broker and a Connect worker run from. */
export interface KafkaInstall {
  /** Folder of jars; the Java class path is `<libsDir>/*`. */
  libsDir: string;
  /** Where it came from, for messages. */
  source: 'KC_KAFKA_HOME' | 'cache' | 'maven';
}

type Log = (line: string) => void;

function hasJar(dir: string, prefix: string): boolean {
  try {
    return fs.readdirSync(dir).some(file => file.startsWith(prefix));
  } catch {
    return false;
  }
}

/** Jars without which neither the broker nor a worker starts. */
const REQUIRED_JARS = ['kafka_2.13-', 'connect-runtime-', 'kafka-clients-'];

/** Marks a cache folder as complete; written last. */
const COMPLETE_MARKER = '.complete';

/**
 * Finds the Kafka jars without resolving anything: `KC_KAFKA_HOME` (an
 * existing Apache Kafka installation, whose `libs` folder is used) first,
 * then the version-keyed cache that {@link ensureKafka} fills.
 */
export function findKafka(): KafkaInstall | undefined {
  const home = process.env.KC_KAFKA_HOME;
  if (home) {
    const libsDir = path.join(home, 'libs');
    const missing = REQUIRED_JARS.filter(jar => !hasJar(libsDir, jar));
    if (missing.length > 0) {
      throw new Error(
        `KC_KAFKA_HOME=${home} lacks ${missing
          .map(jar => `${jar}*.jar`)
          .join(
            ', ',
          )} in libs/; point it at an Apache Kafka 4.x installation, or unset it to resolve Kafka with Maven`,
      );
    }
    return { libsDir, source: 'KC_KAFKA_HOME' };
  }
  const libsDir = path.join(kafkaCacheDir(), 'libs');
  if (fs.existsSync(path.join(kafkaCacheDir(), COMPLETE_MARKER))) {
    return { libsDir, source: 'cache' };
  }
  return undefined;
}

function runMaven(args: string[], log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', ['-B', '-q', ...args], {
      cwd: mavenProjectDir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastLines: string[] = [];
    const onOutput = (chunk: Buffer) => {
      lastLines = [...lastLines, ...chunk.toString().split('\n')]
        .filter(Boolean)
        .slice(-20);
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('error', error =>
      reject(
        new Error(
          `Could not run mvn (${error.message}); install Maven 3.8+ and Java 17+, or set KC_KAFKA_HOME to an Apache Kafka 4.x installation`,
        ),
      ),
    );
    child.on('exit', code => {
      if (code === 0) {
        resolve();
        return;
      }
      log(lastLines.join('\n'));
      reject(
        new Error(
          `Resolving Kafka with Maven failed (exit ${code}); last output:\n${lastLines.join(
            '\n',
          )}\nCheck that Maven can reach its repository, or set KC_KAFKA_HOME`,
        ),
      );
    });
  });
}

/**
 * Returns the Kafka jars, resolving them with Maven on first use (Kafka
 * broker, Connect runtime with the FileStream and MirrorMaker 2 connectors,
 * Debezium PostgreSQL). The result is cached outside the repository.
 */
export async function ensureKafka(
  log: Log = line => console.log(line),
): Promise<KafkaInstall> {
  const found = findKafka();
  if (found) {
    return found;
  }
  const target = kafkaCacheDir();
  // Resolve into a scratch folder and rename, so an interrupted run never
  // leaves a partial class path that the cache lookup would trust.
  const scratch = `${target}.partial-${process.pid}`;
  const started = Date.now();
  log(
    `resolving Kafka ${KAFKA_VERSION} and Debezium ${DEBEZIUM_VERSION} with Maven into ${target} (first time only)`,
  );
  try {
    await runMaven(
      [
        'dependency:copy-dependencies',
        `-DoutputDirectory=${path.join(scratch, 'libs')}`,
        '-DincludeScope=runtime',
      ],
      log,
    );
    fs.writeFileSync(
      path.join(scratch, COMPLETE_MARKER),
      `${new Date().toISOString()}\n`,
    );
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(scratch, target);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const jars = fs.readdirSync(path.join(target, 'libs')).length;
  log(
    `resolved Kafka ${KAFKA_VERSION} and Debezium ${DEBEZIUM_VERSION} (${jars} jars) in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );
  return { libsDir: path.join(target, 'libs'), source: 'maven' };
}

/** Like {@link findKafka}, with an error that says how to get it. */
export function requireKafka(): KafkaInstall {
  const found = findKafka();
  if (!found) {
    throw new Error(
      `Kafka is not resolved yet (looked in ${kafkaCacheDir()}); run 'yarn dev-cluster build-binaries' or set KC_KAFKA_HOME`,
    );
  }
  return found;
}
