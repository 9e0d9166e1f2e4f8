import fs from 'node:fs';
import path from 'node:path';
import { plantedSecretValue } from '../plantedSecrets';

/**
 * The config provider the built-in blueprints read credentials through:
 * `${secretManager:<instance>:<KEY>}`.
 */
export const SECRET_MANAGER_PROVIDER = 'secretManager';

/**
 * The local workers' config providers, as their properties and as their
 * KafkaConnect's `spec.config` (where Strimzi users declare them). `file`
 * lets the samples and the fault commands break a value for real;
 * `secretManager` stands in for a real secret manager with Kafka's directory
 * provider: `${secretManager:warehouse:HOST}` is the content of the file
 * `warehouse/HOST`, relative to the worker's folder (its working directory).
 * No `allowed.paths`: Kafka compares it with the path as written, and a
 * relative instance name never starts with the absolute path it requires.
 */
export const WORKER_CONFIG_PROVIDERS: Record<string, string> = {
  'config.providers': `file,${SECRET_MANAGER_PROVIDER}`,
  'config.providers.file.class':
    'org.apache.kafka.common.config.provider.FileConfigProvider',
  [`config.providers.${SECRET_MANAGER_PROVIDER}.class`]:
    'org.apache.kafka.common.config.provider.DirectoryConfigProvider',
};

// The built-in blueprints' `instance` parameter; anything else could name a
// folder outside the worker's.
const INSTANCE = /^[a-z][a-z0-9]{0,15}$/;

/**
 * Writes one secretManager instance into the worker's folder: a directory
 * only the owner can enter, with one file per key, only the owner can read.
 */
export function writeSecretManagerInstance(
  workerDir: string,
  instance: string,
  values: Record<string, string>,
) {
  if (!INSTANCE.test(instance)) {
    throw new Error(
      `secretManager instance '${instance}' must match ${INSTANCE} (the blueprints' instance parameter)`,
    );
  }
  const dir = path.join(workerDir, instance);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode passes through the umask and leaves an existing folder alone.
  fs.chmodSync(dir, 0o700);
  for (const [key, value] of Object.entries(values)) {
    const file = path.join(dir, key);
    // The provider takes the whole file as the value: no trailing newline.
    fs.writeFileSync(file, value, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
}

/**
 * Makes a PostgreSQL (a `postgresql://user[:password]@host:port[/db]` URL)
 * answer to each instance name: HOST, PORT, USER and PASSWORD. The local
 * servers trust loopback connections, so without a password in the URL any
 * value passes; a planted one lets the secrets scan prove it never leaks.
 */
export function writePostgresInstances(
  workerDir: string,
  postgresUrl: string,
  instances: string[],
) {
  const url = new URL(postgresUrl);
  for (const instance of instances) {
    writeSecretManagerInstance(workerDir, instance, {
      HOST: url.hostname,
      PORT: url.port || '5432',
      USER: decodeURIComponent(url.username) || 'postgres',
      PASSWORD:
        decodeURIComponent(url.password) ||
        plantedSecretValue('secret-manager', instance, 'PASSWORD'),
    });
  }
}
