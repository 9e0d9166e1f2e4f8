import {
  BLUEPRINT_ANNOTATION,
  type ConnectorBlueprint,
  type ConnectorRequest,
  type FieldError,
  isConfigProviderReference,
  isCredentialKey,
  type KafkaConnectorResource,
  OWNER_ANNOTATION,
  planConnector,
  STRIMZI_CLUSTER_LABEL,
} from '@kcs/plugin-kafka-connect-common';

/** A connector ready to send to Connect, and what maps errors back to fields. */
export interface ConnectorToValidate {
  cluster: string;
  namespace: string;
  connectCluster: string;
  owner: string;
  connector: KafkaConnectorResource;
  blueprint?: ConnectorBlueprint;
  configOverrides: Record<string, string>;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A rendered manifest: its target from metadata, overrides as the blueprint does not render them. */
function fromManifest(
  body: Record<string, any>,
  blueprintOf: (id: string) => ConnectorBlueprint | undefined,
): ConnectorToValidate | { errors: FieldError[] } {
  const connector = body.connector as KafkaConnectorResource;
  const metadata = isObject(connector.metadata) ? connector.metadata : {};
  const spec = isObject(connector.spec) ? connector.spec : {};
  const config = isObject(spec.config) ? spec.config : {};
  const annotations = isObject(metadata.annotations)
    ? metadata.annotations
    : {};
  const owner = text(body.owner) || text(annotations[OWNER_ANNOTATION]);
  const errors: FieldError[] = [];
  const need = (field: string, value: string, fix: string) => {
    if (!value) errors.push({ field, message: `is required; ${fix}` });
  };
  need('cluster', text(body.cluster), 'name a configured cluster');
  need('connector.metadata.name', text(metadata.name), 'name the connector');
  need(
    'connector.metadata.namespace',
    text(metadata.namespace),
    'give its namespace',
  );
  need(
    `connector.metadata.labels.${STRIMZI_CLUSTER_LABEL}`,
    text(metadata.labels?.[STRIMZI_CLUSTER_LABEL]),
    'name the KafkaConnect',
  );
  need('connector.spec.class', text(spec.class), 'give the connector class');
  need('owner', owner, `give owner or the ${OWNER_ANNOTATION} annotation`);
  for (const [key, value] of Object.entries(config)) {
    if (isCredentialKey(key) && !isConfigProviderReference(value)) {
      errors.push({
        field: `connector.spec.config.${key}`,
        message:
          'looks like a credential but is not a config-provider reference; give e.g. ${secrets:<namespace>/<secret>:<key>}, never the value itself',
      });
    }
  }
  if (errors.length) return { errors };
  const blueprint = blueprintOf(text(annotations[BLUEPRINT_ANNOTATION]));
  const rendered = new Set([
    ...Object.keys(blueprint?.config ?? {}),
    ...Object.keys(blueprint?.secrets ?? {}),
  ]);
  const configOverrides = blueprint
    ? Object.fromEntries(
        Object.entries(config)
          .filter(([key]) => !rendered.has(key))
          .map(([key, value]) => [key, String(value)]),
      )
    : {};
  return {
    cluster: text(body.cluster),
    namespace: text(metadata.namespace),
    connectCluster: text(metadata.labels?.[STRIMZI_CLUSTER_LABEL]),
    owner,
    connector: { ...connector, metadata, spec: { ...spec, config } },
    blueprint,
    configOverrides,
  };
}

/**
 * Where the body's connector goes, read before anything is checked, so a
 * Connect cluster that validation does not cover is answered as such first.
 */
export function targetOfBody(
  body: unknown,
): { cluster: string; namespace: string; connectCluster: string } | undefined {
  if (!isObject(body)) return undefined;
  const connector = isObject(body.connector) ? body.connector : undefined;
  const metadata = isObject(connector?.metadata) ? connector!.metadata : {};
  const target = connector
    ? {
        cluster: text(body.cluster),
        namespace: text(metadata.namespace),
        connectCluster: text(metadata.labels?.[STRIMZI_CLUSTER_LABEL]),
      }
    : {
        cluster: text(body.cluster),
        namespace: text(body.namespace),
        connectCluster: text(body.connectCluster),
      };
  return target.cluster && target.namespace && target.connectCluster
    ? target
    : undefined;
}

/**
 * Checks the body of `POST /validate`: a blueprint request (rendered here
 * with the same checks as the create action, every error naming its field)
 * or a KafkaConnector manifest.
 */
export function checkValidationBody(
  body: unknown,
  blueprintOf: (id: string) => ConnectorBlueprint | undefined,
): ConnectorToValidate | { errors: FieldError[] } {
  if (!isObject(body)) {
    return {
      errors: [
        {
          field: 'body',
          message:
            'must be a JSON object: a blueprint request ({blueprint, parameters, cluster, namespace, connectCluster, owner}) or {cluster, connector}',
        },
      ],
    };
  }
  if (isObject(body.connector)) {
    return fromManifest(body, blueprintOf);
  }
  if (typeof body.blueprint !== 'string') {
    return {
      errors: [
        {
          field: 'blueprint',
          message:
            'is required (the id of a blueprint), unless a rendered connector is given in connector',
        },
      ],
    };
  }
  const blueprint = blueprintOf(body.blueprint);
  const request: ConnectorRequest = {
    blueprintId: body.blueprint,
    // Template forms send '' (or null) for fields left empty, as to the action.
    parameters: Object.fromEntries(
      Object.entries(isObject(body.parameters) ? body.parameters : {}).filter(
        ([, value]) => value !== '' && value !== null && value !== undefined,
      ),
    ),
    cluster: text(body.cluster),
    namespace: text(body.namespace),
    connectCluster: text(body.connectCluster),
    owner: text(body.owner),
    system: text(body.system) || undefined,
    tasksMax: typeof body.tasksMax === 'number' ? body.tasksMax : undefined,
    configOverrides: isObject(body.configOverrides)
      ? body.configOverrides
      : undefined,
  };
  const plan = planConnector(blueprint, request);
  if (plan.errors) return { errors: plan.errors };
  return {
    cluster: request.cluster,
    namespace: request.namespace,
    connectCluster: request.connectCluster,
    owner: request.owner,
    connector: plan.connector,
    blueprint,
    configOverrides: request.configOverrides ?? {},
  };
}
