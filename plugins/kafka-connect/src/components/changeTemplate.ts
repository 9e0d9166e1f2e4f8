import type { ConnectorSummary } from '@kcs/plugin-kafka-connect-common';

/**
 * Where the scaffolder shows the "Change a Kafka connector" template; apps
 * that mount the scaffolder elsewhere or rename the template set
 * `kafkaConnect.frontend.changeTemplatePath`.
 */
export const DEFAULT_CHANGE_TEMPLATE_PATH =
  '/create/templates/default/change-kafka-connector';

/**
 * The change template's page, prefilled with what the portal knows of the
 * connector (the scaffolder reads a `formData` query parameter as the form's
 * initial values). Fields it cannot know, such as the parameters of a
 * connector that does not carry them, are left for the form to ask.
 */
export function changeTemplateLink(
  connector: ConnectorSummary,
  templatePath: string = DEFAULT_CHANGE_TEMPLATE_PATH,
): string {
  const formData: Record<string, unknown> = {
    entityRef: connector.entityRef,
    name: connector.name,
    cluster: connector.cluster,
    namespace: connector.namespace,
    connectCluster: connector.connectCluster,
    owner: connector.owner,
    blueprint: connector.blueprint?.id,
    currentTasksMax: connector.tasksMax,
    currentParameters: connector.blueprint?.parameters,
    delivery: connector.gitOps ? 'pull-request-values' : undefined,
  };
  const known = Object.fromEntries(
    Object.entries(formData).filter(([, value]) => value !== undefined),
  );
  const separator = templatePath.includes('?') ? '&' : '?';
  return `${templatePath}${separator}formData=${encodeURIComponent(
    JSON.stringify(known),
  )}`;
}
