import type { ConnectorOffsets } from './connectorOffsets';
import type { OffsetsOperation, OffsetsOutcome } from './offsetsOutcome';

/** `GET /connectors/:cluster/:namespace/:name/offsets`: offsets Strimzi just listed. @public */
export interface ConnectorOffsetsResponse extends ConnectorOffsets {
  /** ISO time Strimzi wrote the listing to its ConfigMap. */
  listedAt: string;
  /** The `spec.listOffsets` ConfigMap the listing was read from. */
  configMap: string;
  /** Spec changes a GitOps tool will see as drift, for people. */
  warnings?: string[];
}

/** `POST /connectors/:cluster/:namespace/:name/offsets/{reset,alter}`: what Strimzi made of it. @public */
export interface OffsetsOperationResponse {
  operation: Exclude<OffsetsOperation, 'list'>;
  /** `pending` when the operator had not acted within the backend's wait. */
  outcome: OffsetsOutcome;
  warnings?: string[];
}

/** `POST .../offsets/alter` request body. @public */
export interface AlterOffsetsRequest {
  offsets: ConnectorOffsets['offsets'];
}
