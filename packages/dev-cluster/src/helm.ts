import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { type Log, runGoBuild } from './binaries';
import { helmCacheDir, helmModuleDir } from './paths';
import { HELM_VERSION } from './versions';

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The helm binary without building: `KC_HELM` when set (it must be an
 * executable), then the version-keyed cache.
 */
export function findHelm(): string | undefined {
  const given = process.env.KC_HELM;
  if (given) {
    if (!isExecutable(given)) {
      throw new Error(
        `KC_HELM=${given} is not an executable file; point it at a helm binary, or unset it to build one`,
      );
    }
    return given;
  }
  const cached = path.join(helmCacheDir(), 'helm');
  return isExecutable(cached) ? cached : undefined;
}

/**
 * Returns helm, building it from its Go module on first use into the cache
 * outside the repo (a few minutes on 2 cores when kube-apiserver's packages
 * are already compiled; later calls return at once).
 */
export async function ensureHelm(
  log: Log = line => console.log(line),
): Promise<string> {
  const found = findHelm();
  if (found) {
    return found;
  }
  const target = helmCacheDir();
  // Built beside the cache folder and renamed, so an interrupted build never
  // leaves a half-written binary where the lookup would trust it.
  const scratch = `${target}.partial-${process.pid}`;
  fs.mkdirSync(scratch, { recursive: true });
  log(`building helm ${HELM_VERSION} from Go modules into ${target}`);
  try {
    await runGoBuild(
      [
        '-trimpath',
        '-ldflags',
        `-s -w -X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}`,
        '-o',
        path.join(scratch, 'helm'),
        'helm.sh/helm/v3/cmd/helm',
      ],
      `helm ${HELM_VERSION}`,
      log,
      helmModuleDir(),
    );
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(scratch, target);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return path.join(target, 'helm');
}

/** Like {@link findHelm}, with an error that says how to get it. */
export function requireHelm(): string {
  const found = findHelm();
  if (!found) {
    throw new Error(
      `helm ${HELM_VERSION} is not built yet (looked in ${helmCacheDir()}); run 'yarn dev-cluster build-binaries' or set KC_HELM to a helm binary`,
    );
  }
  return found;
}

/** Options of {@link helmTemplate}. */
export interface HelmTemplateOptions {
  namespace: string;
  /** `--set key=value` pairs. */
  set?: Record<string, string>;
  releaseName?: string;
}

/**
 * Renders a chart folder with the real `helm template` and returns the
 * objects it renders, in order. Helm's own message is in the error when the
 * chart does not render.
 */
export function helmTemplate(
  chartDir: string,
  options: HelmTemplateOptions,
): Array<Record<string, any>> {
  const args = [
    'template',
    options.releaseName ?? 'connectors',
    chartDir,
    '--namespace',
    options.namespace,
    ...Object.entries(options.set ?? {}).flatMap(([key, value]) => [
      '--set-string',
      `${key}=${value}`,
    ]),
  ];
  const result = spawnSync(requireHelm(), args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `helm template ${chartDir} failed (exit ${result.status}): ${
        result.stderr || result.error?.message
      }`,
    );
  }
  return parseAllDocuments(result.stdout).flatMap(doc => {
    if (doc.errors.length) {
      throw new Error(`helm rendered invalid YAML: ${doc.errors[0].message}`);
    }
    const object = doc.toJS();
    return object ? [object] : [];
  });
}
