import { KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';
import {
  CredentialsAuthenticator,
  STRATEGY_AUTH_PROVIDER,
} from './auth/clusterCredentials';
import {
  TokenFileAuthenticator,
  useTokenFileAuthenticator,
} from './auth/tokenFileAuthenticator';
import type { KafkaConnectClusterConfig } from './config';

/**
 * A client-node KubeConfig for one configured cluster. Credentials that
 * change (strategies, token files) are applied anew to every request and
 * watch connection, so watches, operations and the scaffolder's apply all
 * use one current credential.
 * @public
 */
export function kubeConfigForCluster(
  cluster: KafkaConnectClusterConfig,
): KubeConfig {
  const kc = new KubeConfig();
  if (cluster.auth.type === 'inCluster' || cluster.auth.type === 'kubeconfig') {
    if (cluster.auth.type === 'inCluster') {
      kc.loadFromCluster();
    } else if (cluster.auth.file) {
      kc.loadFromFile(cluster.auth.file);
    } else {
      kc.loadFromDefault();
    }
    if (cluster.auth.type === 'kubeconfig' && cluster.auth.context) {
      kc.setCurrentContext(cluster.auth.context);
    }
    kc.users = useTokenFileAuthenticator(kc.users);
    kc.addAuthenticator(new TokenFileAuthenticator());
    return kc;
  }
  const caData =
    cluster.caData ??
    (cluster.caFile
      ? fs.readFileSync(cluster.caFile).toString('base64')
      : undefined);
  const user =
    cluster.auth.type === 'serviceAccount'
      ? { name: cluster.name, token: cluster.auth.token }
      : {
          name: cluster.name,
          authProvider: { name: STRATEGY_AUTH_PROVIDER, config: {} },
        };
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [user],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: cluster.name },
    ],
    currentContext: cluster.name,
  });
  if (cluster.auth.type === 'strategy') {
    kc.addAuthenticator(new CredentialsAuthenticator(cluster.auth.credentials));
  }
  return kc;
}
