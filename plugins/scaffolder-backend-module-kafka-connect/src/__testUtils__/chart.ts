import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { helmTemplate } from '@kcs/dev-cluster';
import {
  BLUEPRINT_PARAMETERS_ANNOTATION,
  type KafkaConnectorResource,
  TEMPLATE_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';

/** The sample chart of the repository. */
export const SAMPLE_CHART = path.resolve(
  __dirname,
  '../../../../charts/kafka-connectors',
);

/** A copy of the sample chart to write into, as a workspace checked out from a chart repository. */
export function copyOfSampleChart(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-chart-'));
  fs.cpSync(SAMPLE_CHART, dir, { recursive: true });
  return dir;
}

/** `helm template` of a chart folder: the KafkaConnectors it renders, by name. */
export function renderConnectors(
  chartDir: string,
  namespace: string,
): Map<string, KafkaConnectorResource> {
  const rendered = new Map<string, KafkaConnectorResource>();
  for (const object of helmTemplate(chartDir, { namespace })) {
    if (object.kind === 'KafkaConnector') {
      rendered.set(object.metadata.name, object as KafkaConnectorResource);
    }
  }
  return rendered;
}

/**
 * A connector as the two outputs can both say it: the template annotation
 * is left out (a chart does not know which software template wrote an
 * entry) and the blueprint parameters are compared as data, not as text.
 */
export function comparable(connector: KafkaConnectorResource) {
  const {
    [TEMPLATE_ANNOTATION]: _template,
    [BLUEPRINT_PARAMETERS_ANNOTATION]: parameters,
    ...annotations
  } = connector.metadata?.annotations ?? {};
  return {
    ...connector,
    metadata: {
      ...connector.metadata,
      annotations,
      parameters: parameters === undefined ? undefined : JSON.parse(parameters),
    },
  };
}
