import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Files kube-apiserver needs for TLS and service account tokens. */
export interface ClusterPki {
  caCertFile: string;
  servingCertFile: string;
  servingKeyFile: string;
  serviceAccountKeyFile: string;
  /** The CA certificate, base64 PEM, as kubeconfigs and app-config want it. */
  caData: string;
}

function openssl(args: string[], cwd: string) {
  try {
    execFileSync('openssl', args, { cwd, stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(
      `openssl ${args[0]} failed: ${
        stderr.trim() || String(error)
      }; install openssl (apt-get install -y openssl)`,
    );
  }
}

/**
 * Creates a throwaway CA and a serving certificate for 127.0.0.1/localhost, and
 * the key that signs service account tokens. Nothing here leaves `dir`.
 */
export function createPki(dir: string): ClusterPki {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = {
    caCertFile: path.join(dir, 'ca.crt'),
    caKeyFile: path.join(dir, 'ca.key'),
    servingCertFile: path.join(dir, 'apiserver.crt'),
    servingKeyFile: path.join(dir, 'apiserver.key'),
    serviceAccountKeyFile: path.join(dir, 'service-account.key'),
  };
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '365',
      '-subj',
      '/CN=kafka-connect-dev-cluster-ca',
      '-keyout',
      files.caKeyFile,
      '-out',
      files.caCertFile,
    ],
    dir,
  );
  const extensions = path.join(dir, 'serving.ext');
  fs.writeFileSync(
    extensions,
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc',
    ].join('\n'),
  );
  openssl(
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-subj',
      '/CN=kube-apiserver',
      '-keyout',
      files.servingKeyFile,
      '-out',
      path.join(dir, 'apiserver.csr'),
    ],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      path.join(dir, 'apiserver.csr'),
      '-CA',
      files.caCertFile,
      '-CAkey',
      files.caKeyFile,
      '-CAcreateserial',
      '-days',
      '365',
      '-extfile',
      extensions,
      '-out',
      files.servingCertFile,
    ],
    dir,
  );
  const { privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  fs.writeFileSync(
    files.serviceAccountKeyFile,
    privateKey.export({ type: 'pkcs8', format: 'pem' }),
    { mode: 0o600 },
  );
  return {
    caCertFile: files.caCertFile,
    servingCertFile: files.servingCertFile,
    servingKeyFile: files.servingKeyFile,
    serviceAccountKeyFile: files.serviceAccountKeyFile,
    caData: fs.readFileSync(files.caCertFile).toString('base64'),
  };
}
