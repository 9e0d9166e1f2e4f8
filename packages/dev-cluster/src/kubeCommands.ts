import path from 'node:path';
import { KubernetesBinaries } from './binaries';

/** The command lines of etcd and kube-apiserver for one cluster. */
export function kubeCommands(options: {
  name: string;
  binaries: KubernetesBinaries;
  dataDir: string;
  stateDir: string;
  ports: { apiServer: number; etcdClient: number; etcdPeer: number };
  pki: {
    servingCertFile: string;
    servingKeyFile: string;
    caCertFile: string;
    serviceAccountKeyFile: string;
  };
  tokenFile: string;
  apiServerArgs?: string[];
}): { etcd: string[]; apiServer: string[] } {
  const { binaries, ports, pki } = options;
  const etcdUrl = `http://127.0.0.1:${ports.etcdClient}`;
  const peerUrl = `http://127.0.0.1:${ports.etcdPeer}`;
  return {
    etcd: [
      binaries.etcd,
      `--name=${options.name}`,
      `--data-dir=${options.dataDir}`,
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=${options.name}=${peerUrl}`,
      // Data is throwaway: skipping fsync makes start-up and writes fast.
      '--unsafe-no-fsync',
      '--log-level=warn',
    ],
    apiServer: [
      binaries.kubeApiServer,
      `--etcd-servers=${etcdUrl}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${ports.apiServer}`,
      `--cert-dir=${path.join(options.stateDir, 'pki')}`,
      `--tls-cert-file=${pki.servingCertFile}`,
      `--tls-private-key-file=${pki.servingKeyFile}`,
      `--client-ca-file=${pki.caCertFile}`,
      `--token-auth-file=${options.tokenFile}`,
      '--authorization-mode=RBAC',
      '--anonymous-auth=false',
      '--service-cluster-ip-range=10.0.0.0/24',
      `--service-account-issuer=https://kubernetes.default.svc.cluster.local`,
      `--service-account-key-file=${pki.serviceAccountKeyFile}`,
      `--service-account-signing-key-file=${pki.serviceAccountKeyFile}`,
      // No kube-controller-manager runs, so nothing would create default service accounts.
      '--disable-admission-plugins=ServiceAccount',
      // Loopback cannot be advertised as the kubernetes service endpoint; nothing needs it.
      '--endpoint-reconciler-type=none',
      '--enable-priority-and-fairness=false',
      '--v=0',
      ...(options.apiServerArgs ?? []),
    ],
  };
}
