import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ConnectorValidationRequest,
  ConnectorValidationResponse,
} from '@kcs/plugin-kafka-connect-common';
import {
  findConnectRestTarget,
  type ValidationConfig,
} from '@kcs/plugin-kafka-connect-node';

/** Where a connector goes, as validation targets are chosen. */
export interface ValidationWhere {
  cluster: string;
  namespace: string;
  connectCluster: string;
}

/** Checks connector configs with Kafka Connect through the kafka-connect backend. */
export interface ConnectorValidator {
  /** Whether `kafkaConnect.validation` covers the Connect cluster. */
  covers(where: ValidationWhere): boolean;
  /** Asks `POST /api/kafka-connect/validate` on behalf of the task's initiator. */
  validate(
    credentials: BackstageCredentials,
    request: ConnectorValidationRequest,
  ): Promise<ConnectorValidationResponse>;
}

/** The validator the module uses: the backend's validate route, with the initiator's identity. */
export class BackendConnectorValidator implements ConnectorValidator {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly validation: ValidationConfig | undefined,
  ) {}

  covers(where: ValidationWhere): boolean {
    return findConnectRestTarget(this.validation, where) !== undefined;
  }

  async validate(
    credentials: BackstageCredentials,
    request: ConnectorValidationRequest,
  ): Promise<ConnectorValidationResponse> {
    const baseUrl = await this.discovery.getBaseUrl('kafka-connect');
    // The initiator's identity: the backend asks kafka.connect.create for them.
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'kafka-connect',
    });
    const response = await fetch(`${baseUrl}/validate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(request),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ConnectorValidationResponse;
  }
}
