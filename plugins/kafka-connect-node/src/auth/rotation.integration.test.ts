import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  apiRequestCounts,
  RunningCluster,
  startCluster,
} from '@kcs/dev-cluster';
import {
  ApisApi,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '../cache/__testUtils__/cacheTesting';
import { WATCHED_KINDS } from '../cache/ClusterWatcher';
import { StrimziResourceCache } from '../cache/StrimziResourceCache';
import { readKafkaConnectClusters } from '../config';
import { addCustomAuthStrategy } from './strategies';

/**
 * Credentials that really stop working, on a real kube-apiserver: each token
 * comes from the TokenRequest API bound to a Secret, and deleting that Secret
 * makes the API server refuse the token at once (kube-apiserver allows no
 * TokenRequest lifetime under 10 minutes, so revocation stands in for
 * expiry; the client sees the same 401). The server ends every watch after
 * 3 to 6 s, so each watch must reconnect with the credential valid then.
 * Two clusters watch the same server: one through a kubeconfig token file
 * (as a projected in-cluster token rotates), one through a custom strategy.
 */
const NAMESPACE = 'auth';
const SERVICE_ACCOUNT = 'watcher';
const logger = mockServices.logger.mock();

describe('credentials that stop working under a running watch', () => {
  let cluster: RunningCluster;
  let admin: KubeConfig;
  let cache: StrimziResourceCache;
  let dir: string;
  let currentToken = '';
  let strategyCalls = 0;
  const tokenFile = () => path.join(dir, 'token');

  /** A token for the service account, valid until `cred-<n>` is deleted. */
  const mint = async (n: number) => {
    const core = admin.makeApiClient(CoreV1Api);
    const secret = await core.createNamespacedSecret({
      namespace: NAMESPACE,
      body: { metadata: { name: `cred-${n}` }, stringData: { n: `${n}` } },
    });
    const request = await core.createNamespacedServiceAccountToken({
      name: SERVICE_ACCOUNT,
      namespace: NAMESPACE,
      body: {
        spec: {
          audiences: [],
          expirationSeconds: 600,
          boundObjectRef: {
            apiVersion: 'v1',
            kind: 'Secret',
            name: `cred-${n}`,
            uid: secret.metadata!.uid,
          },
        },
      },
    });
    const token = request.status?.token;
    if (!token) throw new Error('the TokenRequest returned no token');
    return token;
  };
  const revoke = (n: number) =>
    admin
      .makeApiClient(CoreV1Api)
      .deleteNamespacedSecret({ name: `cred-${n}`, namespace: NAMESPACE });

  /** HTTP status of a read with just this token. */
  const statusWith = async (token: string) => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: cluster.server, caData: cluster.caData }],
      users: [{ name: 'u', token }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    try {
      // Discovery: open to any authenticated user, and not a Strimzi LIST
      // that would count as the cache's.
      await kc.makeApiClient(ApisApi).getAPIVersions();
      return 200;
    } catch (error) {
      return (error as { code?: number }).code;
    }
  };

  /**
   * Waits until the API server refuses the token: it notices the deleted
   * Secret after its authentication cache (seconds), and returns the time.
   */
  const refused = async (token: string) => {
    const start = Date.now();
    while ((await statusWith(token)) !== 401) {
      if (Date.now() - start > 30_000) {
        throw new Error('the revoked token is still accepted after 30 s');
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    return Date.now() - start;
  };

  const rotateTo = async (n: number) => {
    currentToken = await mint(n);
    // Replaced in one step, as the kubelet does with projected tokens.
    fs.writeFileSync(`${tokenFile()}.new`, currentToken);
    fs.renameSync(`${tokenFile()}.new`, tokenFile());
  };

  const connectors = () => admin.makeApiClient(CustomObjectsApi);
  const createConnector = (name: string) =>
    connectors().createNamespacedCustomObject({
      group: 'kafka.strimzi.io',
      version: 'v1',
      namespace: NAMESPACE,
      plural: 'kafkaconnectors',
      body: {
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaConnector',
        metadata: { name, labels: { 'strimzi.io/cluster': 'c' } },
        spec: { class: 'x.Y', tasksMax: 1 },
      },
    });
  const seenByBoth = (name: string) =>
    eventually(
      () =>
        ['via-file', 'via-strategy'].every(
          clusterName =>
            cache.get('KafkaConnector', clusterName, NAMESPACE, name) !==
            undefined,
        ) || undefined,
      20_000,
      () =>
        `connector ${name} in the cache of both clusters: ${JSON.stringify(
          cache.clusters(),
        )}`,
    );
  const strimziLists = async () =>
    (await apiRequestCounts(cluster))
      .filter(
        series => series.group === 'kafka.strimzi.io' && series.verb === 'LIST',
      )
      .reduce((sum, series) => sum + series.count, 0);

  beforeAll(async () => {
    cluster = await startCluster({
      name: process.env.KC_AUTH_CLUSTER_NAME ?? 'auth',
      operator: false,
      apiServerArgs: ['--min-request-timeout=3'],
    });
    admin = cluster.kubeConfig();
    await admin
      .makeApiClient(CoreV1Api)
      .createNamespace({ body: { metadata: { name: NAMESPACE } } });
    await admin.makeApiClient(CoreV1Api).createNamespacedServiceAccount({
      namespace: NAMESPACE,
      body: { metadata: { name: SERVICE_ACCOUNT } },
    });
    // The same ClusterRole the portal's user has.
    await admin.makeApiClient(RbacAuthorizationV1Api).createClusterRoleBinding({
      body: {
        metadata: { name: 'auth-test-watcher' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'kafka-connect-portal',
        },
        subjects: [
          {
            kind: 'ServiceAccount',
            name: SERVICE_ACCOUNT,
            namespace: NAMESPACE,
          },
        ],
      },
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-auth-'));
    await rotateTo(1);
    const kubeconfigFile = path.join(dir, 'kubeconfig');
    fs.writeFileSync(
      kubeconfigFile,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          {
            name: 'c',
            cluster: {
              server: cluster.server,
              'certificate-authority-data': cluster.caData,
            },
          },
        ],
        users: [
          {
            name: 'u',
            user: {
              'auth-provider': {
                name: 'tokenFile',
                config: { tokenFile: tokenFile() },
              },
            },
          },
        ],
        contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'ctx',
      }),
    );
    addCustomAuthStrategy('rotatingTestToken', {
      async getCredential() {
        strategyCalls += 1;
        return { type: 'bearer token', token: currentToken };
      },
      validateCluster: () => [],
      presentAuthMetadata: () => ({}),
    });
    const clusters = readKafkaConnectClusters(
      new ConfigReader({
        kafkaConnect: {
          clusters: [
            {
              name: 'via-file',
              authProvider: 'kubeconfig',
              kubeconfigFile,
              namespaces: [NAMESPACE],
            },
            {
              name: 'via-strategy',
              url: cluster.server,
              caData: cluster.caData,
              authProvider: 'rotatingTestToken',
              namespaces: [NAMESPACE],
            },
          ],
        },
      }),
    );
    cache = new StrimziResourceCache(clusters, logger);
    cache.start();
    if (!(await cache.waitForSync(60_000))) {
      throw new Error(`no sync: ${JSON.stringify(cache.clusters())}`);
    }
  }, 180_000);

  afterAll(async () => {
    await cache?.stop();
    await cluster?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('keeps every change across a planned rotation and a token that dies under the watch', async () => {
    await createConnector('before-any');
    await seenByBoth('before-any');
    expect(await statusWith(currentToken)).toBe(200);
    const figures: string[] = [];

    // Round 1, planned: the new credential is in place before the old one
    // stops working, so no request fails and nothing is listed again.
    let lists = await strimziLists();
    let calls = strategyCalls;
    const first = currentToken;
    await rotateTo(2);
    await revoke(1);
    figures.push(`revoked token refused after ${await refused(first)} ms`);
    // Longer than the server lets a watch run: every watch has reconnected
    // since the old token was revoked.
    await new Promise(resolve => setTimeout(resolve, 7_000));
    await createConnector('after-rotation');
    await seenByBoth('after-rotation');
    const planned = {
      lists: (await strimziLists()) - lists,
      calls: strategyCalls - calls,
    };
    figures.push(
      `planned rotation: ${planned.calls} credential fetches, ${planned.lists} LISTs`,
    );
    expect(planned.calls).toBeGreaterThan(1);
    expect(planned.lists).toBe(0);

    // Round 2, late: the token dies first (watches reconnecting now get
    // 401), the new one arrives seconds later; the retries after the 401s
    // ask for the credential again and pick it up.
    lists = await strimziLists();
    calls = strategyCalls;
    await revoke(2);
    figures.push(
      `revoked token refused after ${await refused(currentToken)} ms`,
    );
    await createConnector('while-refused');
    const callsBeforeRefusal = strategyCalls;
    await new Promise(resolve => setTimeout(resolve, 7_000));
    // Connections made meanwhile carried the revoked token and got 401.
    const refusedConnects = strategyCalls - callsBeforeRefusal;
    expect(refusedConnects).toBeGreaterThan(0);
    figures.push(`${refusedConnects} connects refused while no valid token`);
    await rotateTo(3);
    await createConnector('after-late-rotation');
    await seenByBoth('while-refused');
    await seenByBoth('after-late-rotation');
    const late = {
      lists: (await strimziLists()) - lists,
      calls: strategyCalls - calls,
    };
    figures.push(
      `late rotation: ${late.calls} credential fetches, ${late.lists} LISTs`,
    );
    // At most one relist per watched kind and cluster, not a storm.
    expect(late.lists).toBeLessThanOrEqual(
      2 * Object.keys(WATCHED_KINDS).length,
    );

    expect(
      cache
        .list('KafkaConnector')
        .filter(item => item.cluster === 'via-file')
        .map(item => item.resource.metadata.name)
        .sort(),
    ).toEqual([
      'after-late-rotation',
      'after-rotation',
      'before-any',
      'while-refused',
    ]);
    // Figures for the report: real kube-apiserver and tokens, test strategy.
    // eslint-disable-next-line no-console
    console.log(figures.join('; '));
  }, 120_000);
});
