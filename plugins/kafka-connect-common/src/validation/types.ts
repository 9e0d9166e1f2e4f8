import type { FieldError } from '../blueprints/types';

/**
 * Kafka Connect's answer to `PUT /connector-plugins/<class>/config/validate`,
 * the parts this suite reads. `value.value` echoes what was sent (with config
 * provider references resolved), so it is never passed on.
 * @public
 */
export interface ConnectValidationAnswer {
  name?: string;
  error_count: number;
  groups?: string[];
  configs: Array<{
    definition?: {
      name?: string;
      type?: string;
      required?: boolean;
      [other: string]: unknown;
    };
    value: {
      name: string;
      value?: unknown;
      recommended_values?: unknown[];
      errors?: string[];
      visible?: boolean;
    };
  }>;
}

/**
 * One setting Kafka Connect refused, placed on the request field it comes
 * from: `parameters.<name>` for a blueprint parameter (a form field of the
 * template), `tasksMax`, `configOverrides.<key>`, or `config.<key>` when the
 * blueprint itself sets (or lacks) the value.
 * @public
 */
export interface ConfigValidationError extends FieldError {
  /** Every request field the value is built from; `field` is the first. */
  fields: string[];
  /** The connector config key Connect named. */
  configKey: string;
}

/**
 * How the backend's 400 begins when no `kafkaConnect.validation` target
 * covers the Connect cluster: forms then skip the check.
 * @public
 */
export const VALIDATION_NOT_CONFIGURED =
  'Validation through Kafka Connect is not configured';

/** Answer of `POST /api/kafka-connect/validate`. @public */
export interface ConnectorValidationResponse {
  /** True when Kafka Connect found no error. */
  valid: boolean;
  /** Connect's `error_count`. */
  errorCount: number;
  errors: ConfigValidationError[];
  /** The connector that was checked. */
  connector: {
    cluster: string;
    namespace: string;
    connectCluster: string;
    name: string;
    class: string;
  };
}

/**
 * Body of `POST /api/kafka-connect/validate`: a blueprint request (the form's
 * input) or a rendered KafkaConnector, with the cluster it goes to.
 * @public
 */
export type ConnectorValidationRequest =
  | {
      blueprint: string;
      parameters: Record<string, unknown>;
      cluster: string;
      namespace: string;
      connectCluster: string;
      owner: string;
      tasksMax?: number;
      configOverrides?: Record<string, string>;
      connector?: undefined;
    }
  | {
      cluster: string;
      /** A KafkaConnector manifest as the create action renders it. */
      connector: Record<string, unknown>;
      blueprint?: undefined;
    };
