import { KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';
import type { KafkaConnectClusterConfig } from './config';

/** A client-node KubeConfig for one configured cluster. @public */
export function kubeConfigForCluster(
  cluster: KafkaConnectClusterConfig,
): KubeConfig {
  const kc = new KubeConfig();
  if (cluster.auth.type === 'inCluster') {
    kc.loadFromCluster();
    return kc;
  }
  if (cluster.auth.type === 'kubeconfig') {
    if (cluster.auth.file) {
      kc.loadFromFile(cluster.auth.file);
    } else {
      kc.loadFromDefault();
    }
    if (cluster.auth.context) {
      kc.setCurrentContext(cluster.auth.context);
    }
    return kc;
  }
  const caData =
    cluster.caData ??
    (cluster.caFile
      ? fs.readFileSync(cluster.caFile).toString('base64')
      : undefined);
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [{ name: cluster.name, token: cluster.auth.token }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: cluster.name },
    ],
    currentContext: cluster.name,
  });
  return kc;
}
