/** The two ways to ask the backend for one entity's connectors, and a timer around them. */
export interface Endpoints {
  /** The suite's `GET /api/kafka-connect/entity-connectors`: items returned, or minus the HTTP status. */
  suite(entityName: string): Promise<number>;
  /** The Kubernetes plugin's `POST /api/kubernetes/resources/custom/query`, the same way. */
  kubernetesPlugin(entityName: string): Promise<number>;
  /** `GET /api/kafka-connect/health`, a route that does nothing: the floor under both. */
  floor(): Promise<void>;
}

export const SUITE_PATH = '/api/kafka-connect/entity-connectors';
export const KUBERNETES_PLUGIN_PATH = '/api/kubernetes/resources/custom/query';

export function endpointsAt(apiBase: string): Endpoints {
  return {
    async suite(entityName) {
      const response = await fetch(
        `${apiBase}/kafka-connect/entity-connectors?entityRef=component:default/${entityName}`,
      );
      const body = (await response.json()) as { items?: unknown[] };
      return body.items?.length ?? -response.status;
    },
    async kubernetesPlugin(entityName) {
      const response = await fetch(
        `${apiBase}/kubernetes/resources/custom/query`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            entityRef: `component:default/${entityName}`,
            auth: {},
            customResources: [
              {
                group: 'kafka.strimzi.io',
                apiVersion: 'v1',
                plural: 'kafkaconnectors',
              },
            ],
          }),
        },
      );
      const body = (await response.json()) as {
        items?: Array<{ resources: Array<{ resources: unknown[] }> }>;
      };
      return (
        body.items?.[0]?.resources?.[0]?.resources?.length ?? -response.status
      );
    },
    async floor() {
      await (await fetch(`${apiBase}/kafka-connect/health`)).json();
    },
  };
}

/** Milliseconds of one call, failing when the answer does not hold the expected connectors. */
export async function timed(
  call: (entityName: string) => Promise<number>,
  entityName: string,
  expectedItems: number,
): Promise<number> {
  const started = process.hrtime.bigint();
  const items = await call(entityName);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (items !== expectedItems) {
    throw new Error(
      `expected ${expectedItems} connectors for ${entityName}, got ${items} (negative: HTTP status)`,
    );
  }
  return elapsed;
}

export async function timedFloor(endpoints: Endpoints): Promise<number> {
  const started = process.hrtime.bigint();
  await endpoints.floor();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
