import {
  BLUEPRINT_ANNOTATION,
  KUBERNETES_ID,
  OWNER_ANNOTATION,
  STRIMZI_CLUSTER_LABEL,
  SYSTEM_ANNOTATION,
  TEMPLATE_ANNOTATION,
} from '@kcs/plugin-kafka-connect-common';
import { parseAllDocuments } from 'yaml';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const CONFIG_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

function allStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      found.push(key);
      allStrings(inner, found);
    }
  }
  return found;
}

function unexpectedKeys(object: unknown, allowed: string[]): string[] {
  if (object === undefined) return [];
  if (!object || typeof object !== 'object' || Array.isArray(object)) {
    return ['(not a map)'];
  }
  return Object.keys(object).filter(key => !allowed.includes(key));
}

/**
 * What is wrong with a manifest an action returned as a success: not one
 * YAML document, keys beyond a KafkaConnector's (config keys beyond the
 * blueprint's and the valid overrides), a name breaking the Kubernetes rules,
 * another namespace or Connect cluster than asked, control characters.
 */
export function manifestProblems(
  manifest: string,
  expected: {
    input: Record<string, unknown>;
    /** The blueprint's config and secret keys. */
    configKeys: string[];
  },
): string[] {
  const { input } = expected;
  const docs = parseAllDocuments(manifest);
  if (!Array.isArray(docs) || docs.length !== 1) {
    return [`${Array.isArray(docs) ? docs.length : 0} YAML documents`];
  }
  if (docs[0].errors.length) return [`YAML errors: ${docs[0].errors[0]}`];
  const connector = docs[0].toJS() as any;
  const overrideKeys = Object.keys(
    (input.configOverrides as Record<string, unknown>) ?? {},
  );
  const problems = [
    ...(Object.keys(connector).sort().join() === 'apiVersion,kind,metadata,spec'
      ? []
      : [`top-level keys ${Object.keys(connector)}`]),
    ...unexpectedKeys(connector.metadata, [
      'name',
      'namespace',
      'labels',
      'annotations',
    ]),
    ...unexpectedKeys(connector.metadata?.labels, [
      STRIMZI_CLUSTER_LABEL,
      KUBERNETES_ID,
    ]),
    // the suite's own annotations: these, or others it adds under its prefix
    ...unexpectedKeys(connector.metadata?.annotations, [
      OWNER_ANNOTATION,
      SYSTEM_ANNOTATION,
      TEMPLATE_ANNOTATION,
      BLUEPRINT_ANNOTATION,
      ...Object.keys(connector.metadata?.annotations ?? {}).filter(key =>
        /^kafka-connect\.dev\/[a-z][a-z-]*$/.test(key),
      ),
    ]),
    ...unexpectedKeys(connector.spec, [
      'class',
      'tasksMax',
      'state',
      'autoRestart',
      'config',
    ]),
    ...unexpectedKeys(connector.spec?.config, [
      ...expected.configKeys,
      ...overrideKeys.filter(key => CONFIG_KEY.test(key)),
    ]).map(key => `config key ${JSON.stringify(key)}`),
  ];
  const name = connector.metadata?.name;
  if (typeof name !== 'string' || !DNS_LABEL.test(name)) {
    problems.push(`name ${JSON.stringify(name)} breaks the Kubernetes rules`);
  }
  if (connector.metadata?.namespace !== input.namespace) {
    problems.push(`namespace ${connector.metadata?.namespace}`);
  }
  if (
    connector.metadata?.labels?.[STRIMZI_CLUSTER_LABEL] !== input.connectCluster
  ) {
    problems.push('strimzi.io/cluster label is not the Connect cluster');
  }
  for (const value of Object.values(connector.spec?.config ?? {})) {
    if (value !== null && typeof value === 'object') {
      problems.push(`nested config value ${JSON.stringify(value)}`);
    }
  }
  for (const text of allStrings(connector)) {
    if (CONTROL.test(text)) {
      problems.push(`control character in ${JSON.stringify(text)}`);
    }
  }
  return problems;
}
