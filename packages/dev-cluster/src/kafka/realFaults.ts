import fs from 'node:fs';
import path from 'node:path';
import { ConnectRestClient } from '../operator/connectRest';

/**
 * Faults on connectors that a real Kafka Connect worker runs. Nothing is
 * written into the status: the world around the connector breaks, and Kafka
 * Connect reports the failure with its own trace.
 *
 * - A task fails when the file its FileStream source reads becomes a symbolic
 *   link to itself (opening it fails with "Too many levels of symbolic
 *   links"); the task is restarted so that it opens the file again.
 * - The connector fails when a setting it reads through the worker's file
 *   config provider (`${file:<file>:<key>}`) turns invalid; the connector is
 *   restarted so that it reads it again.
 * - Healing puts the files back and restarts what failed.
 */

/** The suffix of a file moved aside while its connector is made to fail. */
const HELD = '.held';

const FILE_SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';

/** A connector on a real worker, as the fault commands need it. */
export interface RealConnector {
  name: string;
  spec: { class?: string; config?: Record<string, unknown> };
  /** The worker's working folder: relative file names resolve against it. */
  filesDir: string;
  rest: ConnectRestClient;
}

/** `${file:<path>:<key>}` references in a connector's config. */
export function fileProviderReferences(
  config: Record<string, unknown> | undefined,
): { file: string; key: string }[] {
  const references: { file: string; key: string }[] = [];
  for (const value of Object.values(config ?? {})) {
    for (const match of String(value).matchAll(
      /\$\{file:([^:}]+):([^}]+)\}/g,
    )) {
      references.push({ file: match[1], key: match[2] });
    }
  }
  return references;
}

function holdAside(file: string) {
  const held = `${file}${HELD}`;
  if (!fs.existsSync(held)) {
    if (fs.existsSync(file)) {
      fs.renameSync(file, held);
    } else {
      fs.writeFileSync(held, '');
    }
  }
  fs.rmSync(file, { force: true });
}

function putBack(file: string): boolean {
  const held = `${file}${HELD}`;
  if (!fs.existsSync(held)) {
    return false;
  }
  fs.rmSync(file, { force: true });
  fs.renameSync(held, file);
  return true;
}

/** Makes a FileStream source task fail for real: its file turns into a symlink loop. */
export async function failRealTask(connector: RealConnector, taskId: number) {
  if (connector.spec.class !== FILE_SOURCE) {
    throw new Error(
      `fail-task on a connector of the real worker needs a ${FILE_SOURCE} (${connector.name} is a ${connector.spec.class}); use a simulated Connect cluster for other classes`,
    );
  }
  const fileName = connector.spec.config?.file;
  if (typeof fileName !== 'string' || !fileName) {
    throw new Error(
      `${connector.name} has no spec.config.file to make unreadable; set file: <name>.txt`,
    );
  }
  const file = path.resolve(connector.filesDir, fileName);
  holdAside(file);
  fs.symlinkSync(path.basename(file), file);
  await connector.rest.restartTask(connector.name, taskId);
}

/**
 * Makes every value the connector reads through `${file:…}` invalid: the
 * next start of the connector, or of a task whose config holds the
 * reference, fails on it.
 */
function breakFileReferences(connector: RealConnector) {
  const references = fileProviderReferences(connector.spec.config);
  if (references.length === 0) {
    throw new Error(
      `${connector.name} reads no setting through the file config provider, which fail-connector (and fail-task on a MirrorMaker 2) break for real; add one, e.g. batch.size: \${file:${connector.name}.properties:batch.size}`,
    );
  }
  for (const file of new Set(references.map(reference => reference.file))) {
    const resolved = path.resolve(connector.filesDir, file);
    const keys = references
      .filter(reference => reference.file === file)
      .map(reference => reference.key);
    const original = fs.existsSync(`${resolved}${HELD}`)
      ? fs.readFileSync(`${resolved}${HELD}`, 'utf8')
      : fs.readFileSync(resolved, 'utf8');
    holdAside(resolved);
    const broken = original
      .split('\n')
      .filter(line => !keys.some(key => line.startsWith(`${key}=`)))
      .concat(keys.map(key => `${key}=not-a-number`));
    fs.writeFileSync(resolved, `${broken.join('\n')}\n`);
  }
}

/** Makes the connector fail for real: a value it reads through `${file:…}` turns invalid. */
export async function failRealConnector(connector: RealConnector) {
  breakFileReferences(connector);
  await connector.rest
    .restart(connector.name, { includeTasks: false, onlyFailed: false })
    .catch(() => {
      // Connect answers 500 when the restarted connector fails to start: that is the point.
    });
}

/**
 * Makes a task fail for real through the file config provider: Connect keeps
 * the `${file:…}` reference in the task's config (MirrorMaker 2's connectors
 * copy their settings into their tasks), so the restarted task reads the
 * invalid value and fails to start.
 */
export async function failRealTaskThroughConfig(
  connector: RealConnector,
  taskId: number,
) {
  breakFileReferences(connector);
  await connector.rest.restartTask(connector.name, taskId);
}

/** Puts back every file a fault changed and restarts what failed. */
export async function healReal(connector: RealConnector) {
  const files = fileProviderReferences(connector.spec.config).map(
    reference => reference.file,
  );
  if (typeof connector.spec.config?.file === 'string') {
    files.push(connector.spec.config.file);
  }
  let changed = false;
  for (const file of new Set(files)) {
    changed = putBack(path.resolve(connector.filesDir, file)) || changed;
  }
  await connector.rest.restart(connector.name, {
    includeTasks: true,
    onlyFailed: true,
  });
  return changed;
}
