import { NotFoundError, ResponseError } from '@backstage/errors';
import type {
  ClusterListResponse,
  ConnectorAction,
  ConnectorActionResponse,
  ConnectorHistoryResponse,
  ConnectorListResponse,
  ConnectorSummary,
  EntityConnectorsResponse,
  StrimziResourceRef,
} from '../api';
import type {
  AlterOffsetsRequest,
  ConnectorOffsetsResponse,
  OffsetsOperationResponse,
} from '../offsets/offsetsApi';
import type {
  ConnectorValidationRequest,
  ConnectorValidationResponse,
} from '../validation/types';
import { connectorQueryParams } from '../connectorQuery/parseConnectorQuery';
import type { ConnectorQuery } from '../connectorQuery/queryConnectors';

/** What the client needs to find and call the backend (Backstage's DiscoveryApi and FetchApi fit). @public */
export interface KafkaConnectClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/** Filters, order and page of {@link KafkaConnectClient.getConnectors}. @public */
export type ConnectorFilters = ConnectorQuery;

function connectorPath(ref: StrimziResourceRef): string {
  return `/connectors/${[ref.cluster, ref.namespace, ref.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/**
 * Whose offsets: a KafkaConnector, or with `connector` one connector of a
 * KafkaMirrorMaker2 (its name in Connect, `<source>-><target>.<Class>`).
 * @public
 */
export interface OffsetsRef {
  cluster: string;
  namespace: string;
  name: string;
  connector?: string;
}

function offsetsPath(ref: OffsetsRef, operation = ''): string {
  const query = ref.connector
    ? `?${new URLSearchParams({ connector: ref.connector })}`
    : '';
  return `${connectorPath(ref)}/offsets${operation}${query}`;
}

/**
 * Every route of the plugin answers a 404 with Backstage's JSON error body; the
 * backend's own fall-through for a plugin that is not installed answers an
 * empty 404 (a proxy in front may answer HTML).
 */
function isBackendMissing(response: Response): boolean {
  return (
    response.status === 404 &&
    !(response.headers.get('content-type') ?? '').includes('application/json')
  );
}

/** The typed client of the kafka-connect backend's REST API. @public */
export class KafkaConnectClient {
  constructor(private readonly options: KafkaConnectClientOptions) {}

  getEntityConnectors(entityRef: string): Promise<EntityConnectorsResponse> {
    return this.get(`/entity-connectors?${new URLSearchParams({ entityRef })}`);
  }

  getConnectors(
    filters: ConnectorFilters = {},
  ): Promise<ConnectorListResponse> {
    const query = new URLSearchParams(connectorQueryParams(filters)).toString();
    return this.get(`/connectors${query ? `?${query}` : ''}`);
  }

  getConnector(ref: {
    cluster: string;
    namespace: string;
    name: string;
  }): Promise<ConnectorSummary> {
    return this.get(connectorPath(ref));
  }

  /** A connector's health transitions since a time (the backend's default: 24 hours ago). */
  getConnectorHistory(
    ref: { cluster: string; namespace: string; name: string },
    since?: Date,
  ): Promise<ConnectorHistoryResponse> {
    const query = since
      ? `?${new URLSearchParams({ since: since.toISOString() })}`
      : '';
    return this.get(`${connectorPath(ref)}/history${query}`);
  }

  getClusters(): Promise<ClusterListResponse> {
    return this.get('/clusters');
  }

  /** Asks for an operation; resolves once the backend accepted it (HTTP 202). */
  runConnectorAction(
    ref: { cluster: string; namespace: string; name: string },
    action: ConnectorAction,
  ): Promise<ConnectorActionResponse> {
    return this.get(`${connectorPath(ref)}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(action),
    });
  }

  /** Asks Strimzi to list the connector's offsets and answers them (owners and admins). */
  getConnectorOffsets(ref: OffsetsRef): Promise<ConnectorOffsetsResponse> {
    return this.get(offsetsPath(ref));
  }

  /** Resets a stopped connector's offsets through Strimzi; resolves with the outcome. */
  resetConnectorOffsets(ref: OffsetsRef): Promise<OffsetsOperationResponse> {
    return this.get(offsetsPath(ref, '/reset'), { method: 'POST' });
  }

  /** Alters a stopped connector's offsets through Strimzi; resolves with the outcome. */
  alterConnectorOffsets(
    ref: OffsetsRef,
    request: AlterOffsetsRequest,
  ): Promise<OffsetsOperationResponse> {
    return this.get(offsetsPath(ref, '/alter'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  /**
   * Asks Kafka Connect, through the backend, whether it accepts a connector's
   * config; a 400 starting with `VALIDATION_NOT_CONFIGURED` means the
   * portal does not check that Connect cluster.
   */
  validateConnector(
    request: ConnectorValidationRequest,
  ): Promise<ConnectorValidationResponse> {
    return this.get('/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  private async get<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('kafka-connect');
    const url = `${baseUrl}${path}`;
    const response = await this.options.fetchApi.fetch(url, init);
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response);
      if (isBackendMissing(response)) {
        throw new NotFoundError(
          `the kafka-connect backend plugin is not installed: ${url} answered 404 without the plugin's JSON error body; add @kcs/plugin-kafka-connect-backend to the backend (see its README)`,
          error,
        );
      }
      throw error;
    }
    return (await response.json()) as T;
  }
}
