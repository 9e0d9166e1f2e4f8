import {
  ApiextensionsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import fs from 'node:fs';
import https from 'node:https';
import { stringify } from 'yaml';
import { sleep } from './processes';

/** How to reach a cluster's API server as its administrator. */
export interface ClusterConnection {
  name: string;
  /** `https://127.0.0.1:<port>` */
  server: string;
  /** Bearer token of the administrator (group system:masters). */
  token: string;
  /** The cluster CA, base64 PEM. */
  caData: string;
}

/** The field manager of everything the dev cluster applies. */
export const DEV_CLUSTER_FIELD_MANAGER = 'kafka-connect-dev-cluster';

/** A client-node KubeConfig for a connection. */
export function kubeConfigFor(
  connection: ClusterConnection,
  token = connection.token,
): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: connection.name,
        server: connection.server,
        caData: connection.caData,
      },
    ],
    users: [{ name: `${connection.name}-user`, token }],
    contexts: [
      {
        name: connection.name,
        cluster: connection.name,
        user: `${connection.name}-user`,
      },
    ],
    currentContext: connection.name,
  });
  return kc;
}

/** Writes a kubeconfig file usable by kubectl and by client-node. */
export function writeKubeconfig(
  file: string,
  connection: ClusterConnection,
  token = connection.token,
) {
  const document = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: connection.name,
        cluster: {
          server: connection.server,
          'certificate-authority-data': connection.caData,
        },
      },
    ],
    users: [{ name: `${connection.name}-user`, user: { token } }],
    contexts: [
      {
        name: connection.name,
        context: { cluster: connection.name, user: `${connection.name}-user` },
      },
    ],
    'current-context': connection.name,
  };
  fs.writeFileSync(file, stringify(document), { mode: 0o600 });
}

/** GETs a path of the API server; resolves with the status code and body. */
export function getFromApiServer(
  connection: ClusterConnection,
  path: string,
  timeoutMs = 2000,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.get(
      `${connection.server}${path}`,
      {
        ca: Buffer.from(connection.caData, 'base64'),
        headers: { Authorization: `Bearer ${connection.token}` },
        timeout: timeoutMs,
      },
      response => {
        let body = '';
        response.on('data', chunk => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
  });
}

/**
 * Applies objects with server-side apply, in order (namespaces and CRDs before
 * what uses them). Status in the objects is ignored by the API server.
 */
export async function applyObjects(
  kc: KubeConfig,
  objects: KubernetesObject[],
  fieldManager = DEV_CLUSTER_FIELD_MANAGER,
): Promise<KubernetesObject[]> {
  const client = KubernetesObjectApi.makeApiClient(kc);
  const applied: KubernetesObject[] = [];
  for (const object of objects) {
    const { status: _ignored, ...withoutStatus } =
      object as KubernetesObject & {
        status?: unknown;
      };
    try {
      applied.push(
        await client.patch(
          withoutStatus,
          undefined,
          undefined,
          fieldManager,
          true,
          PatchStrategy.ServerSideApply,
        ),
      );
    } catch (error) {
      throw new Error(
        `Could not apply ${object.kind} ${object.metadata?.namespace ?? ''}/${
          object.metadata?.name
        }: ${describeError(error)}`,
      );
    }
  }
  return applied;
}

/** A short message for a client-node error (its body holds the API status). */
export function describeError(error: unknown): string {
  const body = (error as { body?: unknown }).body;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body);
      if (parsed.message) {
        return parsed.message;
      }
    } catch {
      return body;
    }
  }
  if (body && typeof body === 'object' && 'message' in body) {
    return String((body as { message: unknown }).message);
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Server-side applies one object by plain HTTPS. The typed client re-encodes
 * known kinds through its models, which drops schema keys it has no field for
 * (`x-kubernetes-preserve-unknown-fields` among them); CRDs must go verbatim.
 */
export async function applyVerbatim(
  kc: KubeConfig,
  resourcePath: string,
  object: KubernetesObject,
  fieldManager = DEV_CLUSTER_FIELD_MANAGER,
): Promise<void> {
  const server = kc.getCurrentCluster()!.server;
  const url = new URL(
    `${resourcePath}?fieldManager=${encodeURIComponent(
      fieldManager,
    )}&force=true`,
    server,
  );
  const options: https.RequestOptions = {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/apply-patch+yaml' },
  };
  await kc.applyToHTTPSOptions(options);
  const body = JSON.stringify(object);
  await new Promise<void>((resolve, reject) => {
    const request = https.request(url, options, response => {
      let text = '';
      response.on('data', chunk => {
        text += chunk;
      });
      response.on('end', () => {
        if ((response.statusCode ?? 500) < 300) {
          resolve();
        } else {
          reject(
            new Error(
              `Could not apply ${object.kind} ${
                object.metadata?.name
              }: ${describeError({ body: text })}`,
            ),
          );
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Creates or updates CRDs and waits until the API server serves them. */
export async function installCrds(
  kc: KubeConfig,
  crds: KubernetesObject[],
  timeoutMs = 30_000,
) {
  for (const crd of crds) {
    await applyVerbatim(
      kc,
      `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${
        crd.metadata!.name
      }`,
      crd,
    );
  }
  const api = kc.makeApiClient(ApiextensionsV1Api);
  const deadline = Date.now() + timeoutMs;
  for (const crd of crds) {
    const name = crd.metadata!.name!;
    for (;;) {
      const current = await api.readCustomResourceDefinition({ name });
      const established = current.status?.conditions?.some(
        condition =>
          condition.type === 'Established' && condition.status === 'True',
      );
      if (established) {
        await waitUntilServed(kc, current, deadline);
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `CRD ${name} was not established within ${
            timeoutMs / 1000
          } s: ${JSON.stringify(current.status?.conditions ?? [])}`,
        );
      }
      await sleep(100);
    }
  }
}

/**
 * An established CRD's storage can still be initializing (429) for a moment;
 * lists of every served version must answer before anyone relies on them.
 */
async function waitUntilServed(
  kc: KubeConfig,
  crd: {
    spec: {
      group: string;
      names: { plural: string };
      versions: Array<{ name: string; served: boolean }>;
    };
  },
  deadline: number,
) {
  const api = kc.makeApiClient(CustomObjectsApi);
  for (const version of crd.spec.versions.filter(v => v.served)) {
    for (;;) {
      try {
        await api.listClusterCustomObject({
          group: crd.spec.group,
          version: version.name,
          plural: crd.spec.names.plural,
          limit: 1,
        });
        break;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(
            `${crd.spec.names.plural}.${crd.spec.group}/${
              version.name
            } is not served: ${describeError(error)}`,
          );
        }
        await sleep(100);
      }
    }
  }
}

/**
 * Deletes a namespace for good. Without kube-controller-manager nothing runs
 * the namespace finalizer, so the namespace would stay Terminating: the
 * custom resources in it are deleted first, then the finalizer is cleared.
 */
export async function deleteNamespace(
  kc: KubeConfig,
  namespace: string,
  customResources: Array<{ group: string; version: string; plural: string }>,
) {
  const objects = KubernetesObjectApi.makeApiClient(kc);
  for (const resource of customResources) {
    try {
      const list = await objects.list(
        `${resource.group}/${resource.version}`,
        kindOfPlural(resource.plural),
        namespace,
      );
      for (const item of list.items) {
        await objects.delete(item).catch(() => undefined);
      }
    } catch {
      // The kind may not be served on this cluster.
    }
  }
  const core = kc.makeApiClient(CoreV1Api);
  try {
    await core.deleteNamespace({ name: namespace });
    const current = await core.readNamespace({ name: namespace });
    await core.replaceNamespaceFinalize({
      name: namespace,
      body: { ...current, spec: { finalizers: [] } },
    });
  } catch {
    // Already gone.
  }
}

const KINDS_BY_PLURAL: Record<string, string> = {
  kafkaconnectors: 'KafkaConnector',
  kafkaconnects: 'KafkaConnect',
  kafkamirrormaker2s: 'KafkaMirrorMaker2',
};

function kindOfPlural(plural: string): string {
  return KINDS_BY_PLURAL[plural] ?? plural;
}
