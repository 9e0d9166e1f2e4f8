import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { binaryCacheDir, goModuleDir } from './paths';
import { ETCD_VERSION, KUBERNETES_VERSION } from './versions';

/** Paths of the two programs a cluster runs. */
export interface KubernetesBinaries {
  kubeApiServer: string;
  etcd: string;
  /** Where they came from, for messages. */
  source: 'KUBEBUILDER_ASSETS' | 'cache' | 'build';
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function binariesIn(dir: string): { kubeApiServer: string; etcd: string } {
  return {
    kubeApiServer: path.join(dir, 'kube-apiserver'),
    etcd: path.join(dir, 'etcd'),
  };
}

/**
 * Finds kube-apiserver and etcd without building: `KUBEBUILDER_ASSETS` first
 * (the envtest convention), then the version-keyed cache.
 */
export function findBinaries(): KubernetesBinaries | undefined {
  const assets = process.env.KUBEBUILDER_ASSETS;
  if (assets) {
    const found = binariesIn(assets);
    const missing = Object.values(found).filter(file => !isExecutable(file));
    if (missing.length > 0) {
      throw new Error(
        `KUBEBUILDER_ASSETS=${assets} lacks ${missing
          .map(file => path.basename(file))
          .join(
            ' and ',
          )}; point it at a folder holding both kube-apiserver and etcd, or unset it to build them`,
      );
    }
    return { ...found, source: 'KUBEBUILDER_ASSETS' };
  }
  const cached = binariesIn(binaryCacheDir());
  if (isExecutable(cached.kubeApiServer) && isExecutable(cached.etcd)) {
    return { ...cached, source: 'cache' };
  }
  return undefined;
}

export type Log = (line: string) => void;

/** Runs `go build` in a wrapper module (default the kube-apiserver one), logging progress. */
export function runGoBuild(
  args: string[],
  label: string,
  log: Log,
  moduleDir: string = goModuleDir(),
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // `-v` names each package as it is compiled: counting them is the progress.
    const child = spawn('go', ['build', '-v', ...args], {
      cwd: moduleDir,
      env: { ...process.env, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let compiled = 0;
    let lastLines: string[] = [];
    const onOutput = (chunk: Buffer) => {
      const lines = chunk.toString().split('\n').filter(Boolean);
      compiled += lines.length;
      lastLines = [...lastLines, ...lines].slice(-20);
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    const progress = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      log(`building ${label}: ${compiled} packages compiled, ${seconds} s`);
    }, 20_000);
    child.on('error', error => {
      clearInterval(progress);
      reject(
        new Error(
          `Could not run go to build ${label} (${error.message}); install Go 1.24+ or set KUBEBUILDER_ASSETS to a folder with kube-apiserver and etcd`,
        ),
      );
    });
    child.on('exit', code => {
      clearInterval(progress);
      if (code === 0) {
        log(`built ${label} in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
      } else {
        reject(
          new Error(
            `Building ${label} failed (go build exit ${code}); last output:\n${lastLines.join(
              '\n',
            )}\nCheck that the Go module proxy is reachable, or set KUBEBUILDER_ASSETS to prebuilt binaries`,
          ),
        );
      }
    });
  });
}

/**
 * Returns the binaries, building them from the wrapper Go module on first use.
 * A cold build takes many minutes (measured: docs/benchmarks.md); the result
 * is cached outside the repo, so later calls return at once.
 */
export async function ensureBinaries(
  log: Log = line => console.log(line),
): Promise<KubernetesBinaries> {
  const found = findBinaries();
  if (found) {
    return found;
  }
  const target = binaryCacheDir();
  // Build into a scratch folder and rename, so an interrupted build never
  // leaves a half-written binary where the cache lookup would trust it.
  const scratch = `${target}.partial-${process.pid}`;
  fs.mkdirSync(scratch, { recursive: true });
  log(
    `building kube-apiserver ${KUBERNETES_VERSION} and etcd ${ETCD_VERSION} from Go modules into ${target} (first time only; about 15 minutes on 2 cores)`,
  );
  try {
    const versionFlags = [
      `-X k8s.io/component-base/version.gitVersion=${KUBERNETES_VERSION}`,
      `-X k8s.io/component-base/version.gitMajor=1`,
      `-X k8s.io/component-base/version.gitMinor=${
        KUBERNETES_VERSION.split('.')[1]
      }`,
    ].join(' ');
    await runGoBuild(
      [
        '-trimpath',
        '-ldflags',
        '-s -w',
        '-o',
        path.join(scratch, 'etcd'),
        './cmd/etcd',
      ],
      `etcd ${ETCD_VERSION}`,
      log,
    );
    await runGoBuild(
      [
        '-trimpath',
        '-ldflags',
        `-s -w ${versionFlags}`,
        '-o',
        path.join(scratch, 'kube-apiserver'),
        'k8s.io/kubernetes/cmd/kube-apiserver',
      ],
      `kube-apiserver ${KUBERNETES_VERSION}`,
      log,
    );
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(scratch, target);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { ...binariesIn(target), source: 'build' };
}

/** Like {@link findBinaries}, with an error that says how to get them. */
export function requireBinaries(): KubernetesBinaries {
  const found = findBinaries();
  if (!found) {
    throw new Error(
      `kube-apiserver and etcd are not built yet (looked in ${binaryCacheDir()}); run 'yarn dev-cluster build-binaries' or set KUBEBUILDER_ASSETS`,
    );
  }
  return found;
}
