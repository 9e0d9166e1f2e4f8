/**
 * A client of the Kafka Connect REST API, used the way Strimzi's operator uses
 * it. Errors read like Strimzi's: "<METHOD> <path> returned <code> (<code>): <message>".
 */

/** A Connect REST call that did not succeed. */
export class ConnectRestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly statusCode: number,
    readonly body: string,
  ) {
    super(`${method} ${path} returned ${statusCode} (${statusCode}): ${body}`);
    this.name = 'ConnectRestException';
  }
}

/** `GET /connectors/<name>/status`. */
export interface ConnectorStatusBody {
  name: string;
  connector: { state: string; worker_id: string; trace?: string };
  tasks: { id: number; state: string; worker_id: string; trace?: string }[];
  type: string;
}

/** One entry of `GET /connector-plugins`. */
export interface ConnectPlugin {
  class: string;
  type: string;
  version: string;
}

/** Where an offsets body can be sent. */
export type OffsetsBody = { offsets: unknown[] };

export class ConnectRestClient {
  constructor(readonly baseUrl: string, private readonly timeoutMs = 10_000) {}

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    okStatuses: number[] = [200, 201, 202, 204],
  ): Promise<T | undefined> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    if (!okStatuses.includes(response.status)) {
      let message = text;
      try {
        message = JSON.parse(text).message ?? text;
      } catch {
        // Not JSON: keep the text.
      }
      throw new ConnectRestError(method, path, response.status, message);
    }
    return text ? (JSON.parse(text) as T) : undefined;
  }

  private static path(name: string, suffix = ''): string {
    return `/connectors/${encodeURIComponent(name)}${suffix}`;
  }

  async plugins(): Promise<ConnectPlugin[]> {
    return (
      (await this.call<ConnectPlugin[]>('GET', '/connector-plugins')) ?? []
    );
  }

  async connectors(): Promise<string[]> {
    return (await this.call<string[]>('GET', '/connectors')) ?? [];
  }

  /** The connector's config, or undefined when Connect does not know it. */
  async config(name: string): Promise<Record<string, string> | undefined> {
    try {
      return await this.call('GET', ConnectRestClient.path(name, '/config'));
    } catch (error) {
      if (error instanceof ConnectRestError && error.statusCode === 404) {
        return undefined;
      }
      throw error;
    }
  }

  /** `POST /connectors` with KIP-980's `initial_state` (Strimzi 1.2). */
  async create(
    name: string,
    config: Record<string, string>,
    initialState: 'RUNNING' | 'PAUSED' | 'STOPPED',
  ): Promise<void> {
    await this.call('POST', '/connectors', {
      name,
      config,
      initial_state: initialState,
    });
  }

  async putConfig(name: string, config: Record<string, string>) {
    await this.call('PUT', ConnectRestClient.path(name, '/config'), config);
  }

  async status(name: string): Promise<ConnectorStatusBody> {
    return (await this.call('GET', ConnectRestClient.path(name, '/status')))!;
  }

  async topics(name: string): Promise<string[]> {
    const body = await this.call<Record<string, { topics: string[] }>>(
      'GET',
      ConnectRestClient.path(name, '/topics'),
    );
    return [...(body?.[name]?.topics ?? [])].sort();
  }

  async pause(name: string) {
    await this.call('PUT', ConnectRestClient.path(name, '/pause'));
  }

  async resume(name: string) {
    await this.call('PUT', ConnectRestClient.path(name, '/resume'));
  }

  async stop(name: string) {
    await this.call('PUT', ConnectRestClient.path(name, '/stop'));
  }

  /** KIP-745 restart; answers the status after the restart was requested (202) or nothing (204). */
  async restart(
    name: string,
    options: { includeTasks: boolean; onlyFailed: boolean },
  ): Promise<ConnectorStatusBody | undefined> {
    return this.call(
      'POST',
      ConnectRestClient.path(
        name,
        `/restart?includeTasks=${options.includeTasks}&onlyFailed=${options.onlyFailed}`,
      ),
    );
  }

  async restartTask(name: string, taskId: number) {
    await this.call(
      'POST',
      ConnectRestClient.path(name, `/tasks/${taskId}/restart`),
    );
  }

  async delete(name: string) {
    await this.call('DELETE', ConnectRestClient.path(name));
  }

  async offsets(name: string): Promise<OffsetsBody> {
    return (await this.call('GET', ConnectRestClient.path(name, '/offsets')))!;
  }

  async alterOffsets(name: string, body: OffsetsBody) {
    await this.call('PATCH', ConnectRestClient.path(name, '/offsets'), body);
  }

  async resetOffsets(name: string) {
    await this.call('DELETE', ConnectRestClient.path(name, '/offsets'));
  }
}
