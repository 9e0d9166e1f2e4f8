import https from 'node:https';

/** What the benchmark needs to write to one cluster's API server. */
export interface ApiServerAccess {
  server: string;
  token: string;
  caData: string;
}

/** One Ready condition and connector state, as the Strimzi operator writes them. */
export function connectorStatus(
  name: string,
  running: boolean,
  transitionTime: string,
): Record<string, unknown> {
  const state = running ? 'RUNNING' : 'FAILED';
  return {
    observedGeneration: 1,
    conditions: [
      running
        ? { type: 'Ready', status: 'True', lastTransitionTime: transitionTime }
        : {
            type: 'NotReady',
            status: 'True',
            reason: 'ConnectRestException',
            message: 'Connector failed',
            lastTransitionTime: transitionTime,
          },
    ],
    connectorStatus: {
      name,
      connector: { state, worker_id: '10.0.0.1:8083' },
      tasks: [
        { id: 0, state, worker_id: '10.0.0.1:8083' },
        { id: 1, state: 'RUNNING', worker_id: '10.0.0.2:8083' },
      ],
      type: 'source',
    },
    tasksMax: 2,
  };
}

/** Writes status through the API server's status subresource (a merge patch, as an operator would). */
export class StatusWriter {
  private readonly agents = new Map<string, https.Agent>();

  constructor(private readonly clusters: ApiServerAccess[]) {}

  async write(
    clusterIndex: number,
    namespace: string,
    name: string,
    status: Record<string, unknown>,
  ): Promise<void> {
    const cluster = this.clusters[clusterIndex];
    let agent = this.agents.get(cluster.server);
    if (!agent) {
      agent = new https.Agent({
        keepAlive: true,
        maxSockets: 8,
        ca: Buffer.from(cluster.caData, 'base64'),
      });
      this.agents.set(cluster.server, agent);
    }
    const body = JSON.stringify({ status });
    await new Promise<void>((resolve, reject) => {
      const request = https.request(
        `${cluster.server}/apis/kafka.strimzi.io/v1/namespaces/${namespace}/kafkaconnectors/${name}/status`,
        {
          method: 'PATCH',
          agent,
          headers: {
            Authorization: `Bearer ${cluster.token}`,
            'Content-Type': 'application/merge-patch+json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        response => {
          let text = '';
          response.on('data', chunk => {
            text += chunk;
          });
          response.on('end', () =>
            response.statusCode === 200
              ? resolve()
              : reject(
                  new Error(
                    `status patch of ${namespace}/${name}: ${response.statusCode} ${text}`,
                  ),
                ),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  close() {
    for (const agent of this.agents.values()) {
      agent.destroy();
    }
  }
}

/**
 * Lands `perSecond` status changes a second on random connectors until
 * stopped, each flipping the connector between running and failed; returns
 * how many landed and failed.
 */
export function startStatusChanges(options: {
  writer: StatusWriter;
  perSecond: number;
  pick: () => { cluster: number; namespace: string; name: string };
}) {
  let stopped = false;
  const counts = { landed: 0, failed: 0, inFlight: 0 };
  let serial = 0;
  const started = Date.now();
  const timer = setInterval(() => {
    // Catch up to the rate by the clock, so a slow tick does not lower it.
    const due = Math.floor(((Date.now() - started) / 1000) * options.perSecond);
    while (!stopped && serial < due && counts.inFlight < 64) {
      serial++;
      counts.inFlight++;
      const target = options.pick();
      options.writer
        .write(
          target.cluster,
          target.namespace,
          target.name,
          connectorStatus(
            target.name,
            serial % 2 === 0,
            new Date(started + serial * 1000)
              .toISOString()
              .replace(/\.\d+Z$/, 'Z'),
          ),
        )
        .then(
          () => counts.landed++,
          () => counts.failed++,
        )
        .finally(() => counts.inFlight--);
    }
  }, 10);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      while (counts.inFlight > 0) {
        await new Promise(resolve => setTimeout(resolve, 10));
      }
      return {
        landed: counts.landed,
        failed: counts.failed,
        seconds: (Date.now() - started) / 1000,
      };
    },
  };
}
