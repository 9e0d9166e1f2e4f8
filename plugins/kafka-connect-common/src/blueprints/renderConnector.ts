import {
  BLUEPRINT_ANNOTATION,
  BLUEPRINT_PARAMETERS_ANNOTATION,
  KUBERNETES_ID,
  OWNER_ANNOTATION,
  STRIMZI_API_GROUP,
  STRIMZI_CLUSTER_LABEL,
  SYSTEM_ANNOTATION,
  TEMPLATE_ANNOTATION,
} from '../names';
import { resourceEntityRef } from '../entityNames';
import type { KafkaConnectorResource } from '../strimzi';
import { checkRequest, type CheckedRequest } from './checkRequest';
import {
  dropChartDefaults,
  entryConnectorName,
  isCompact,
} from './compactEntry';
import { checkName, printable } from './fieldChecks';
import { renderConfig } from './renderConfig';
import { renderValuesEntry } from './renderValuesEntry';
import { fillTemplate } from './template';
import { toInputError } from './toInputError';
import type { ConnectorBlueprint, ConnectorRequest, FieldError } from './types';

/** The result of {@link planConnector}. @public */
export type ConnectorPlan =
  | {
      errors?: undefined;
      name: string;
      namespace: string;
      cluster: string;
      connector: KafkaConnectorResource;
      /** The Helm values entry of this connector, in the blueprint's shape. */
      valuesEntry: Record<string, unknown>;
      entityRef: string;
    }
  | { errors: FieldError[] };

/** The connector name from the blueprint's naming rule, or why it is not a valid one. */
function checkRenderedName(blueprint: ConnectorBlueprint, name: string) {
  return checkName('name', name).map(error => ({
    ...error,
    message: `${error.message} (it comes from the naming rule '${blueprint.naming}'; shorten or change the parameters)`,
  }));
}

function connectorResource(
  blueprint: ConnectorBlueprint,
  request: ConnectorRequest,
  checked: CheckedRequest,
  name: string,
  kubernetesId: string,
  config: Record<string, string | number | boolean>,
): KafkaConnectorResource {
  const annotations: Record<string, string> = {
    [OWNER_ANNOTATION]: checked.owner,
    [BLUEPRINT_ANNOTATION]: blueprint.id,
    [BLUEPRINT_PARAMETERS_ANNOTATION]: JSON.stringify(checked.parameters),
  };
  if (checked.system) annotations[SYSTEM_ANNOTATION] = checked.system;
  if (checked.template) annotations[TEMPLATE_ANNOTATION] = checked.template;
  return {
    apiVersion: `${STRIMZI_API_GROUP}/${checked.apiVersion}`,
    kind: 'KafkaConnector',
    metadata: {
      name,
      namespace: request.namespace,
      labels: {
        [STRIMZI_CLUSTER_LABEL]: request.connectCluster,
        [KUBERNETES_ID]: kubernetesId,
      },
      annotations,
    },
    spec: {
      class: blueprint.connector.class,
      tasksMax: checked.tasksMax,
      state: checked.state,
      autoRestart: checked.autoRestart,
      config,
    },
  };
}

/**
 * Validates a request against its blueprint and renders the KafkaConnector
 * and the Helm values entry. Pure: every value is placed into an object on
 * its own and serialized later by a YAML library, so no input can add keys or
 * documents. Returns every error at once, each naming the field and the fix.
 * @public
 */
export function planConnector(
  blueprint: ConnectorBlueprint | undefined,
  request: ConnectorRequest,
): ConnectorPlan {
  if (!blueprint) {
    return {
      errors: [
        {
          field: 'blueprint',
          message: `'${printable(
            String(request.blueprintId),
          )}' is not a known blueprint; pick one of the configured blueprints`,
        },
      ],
    };
  }
  const checked = checkRequest(blueprint, request);
  if (checked.errors) {
    return { errors: checked.errors };
  }
  const { parameters, configOverrides, tasksMax, state } = checked.request;
  const placeholders: Record<string, unknown> = {
    ...parameters,
    namespace: request.namespace,
    cluster: request.cluster,
    connectCluster: request.connectCluster,
  };
  const name = fillTemplate(blueprint.naming, placeholders);
  placeholders.name = name;
  const kubernetesId = request.kubernetesId || name;
  const { config, errors: configErrors } = renderConfig(
    blueprint,
    placeholders,
    configOverrides,
  );
  const errors = [
    ...checkRenderedName(blueprint, name),
    ...(request.kubernetesId ? checkName('kubernetesId', kubernetesId) : []),
    ...configErrors,
  ];
  if (errors.length) {
    return { errors };
  }

  const entryValues: Record<string, unknown> = {
    name,
    namespace: request.namespace,
    connectCluster: request.connectCluster,
    class: blueprint.connector.class,
    tasksMax,
    state,
    autoRestart: checked.request.autoRestart,
    config,
    owner: checked.request.owner,
  };
  const valuesEntry = dropChartDefaults(
    blueprint,
    renderValuesEntry(
      blueprint.helmValues.entry,
      // a compact entry carries parameters themselves, keeping their types
      isCompact(blueprint) ? { ...parameters, ...entryValues } : entryValues,
      placeholders,
    ) as Record<string, unknown>,
  );
  if (isCompact(blueprint)) {
    const chartName = entryConnectorName(
      blueprint.helmValues.name!,
      valuesEntry,
    );
    if (chartName !== name) {
      return {
        errors: [
          {
            field: 'helmValues.name',
            message: `the chart would name this connector '${
              chartName ?? '(missing fields)'
            }' but the blueprint's naming rule gives '${name}'; make blueprint '${
              blueprint.id
            }' name it the way its chart does`,
          },
        ],
      };
    }
  }
  return {
    name,
    namespace: request.namespace,
    cluster: request.cluster,
    connector: connectorResource(
      blueprint,
      request,
      checked.request,
      name,
      kubernetesId,
      config,
    ),
    valuesEntry,
    entityRef: resourceEntityRef(
      { cluster: request.cluster, namespace: request.namespace, name },
      'KafkaConnector',
    ),
  };
}

/**
 * {@link planConnector} that throws an `InputError` for bad input.
 * @public
 */
export function renderConnector(
  blueprint: ConnectorBlueprint | undefined,
  request: ConnectorRequest,
): Exclude<ConnectorPlan, { errors: FieldError[] }> {
  const plan = planConnector(blueprint, request);
  if (plan.errors) {
    throw toInputError(plan.errors);
  }
  return plan;
}
