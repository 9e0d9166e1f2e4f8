import Ajv from 'ajv';
import { parse } from 'yaml';
import { BLUEPRINT_JSON_SCHEMA } from './blueprintSchema';
import { checkCompactSettings } from './compactEntry';
import { placeholdersOf, TEMPLATE_FILTERS, unknownFiltersOf } from './template';
import type { BlueprintProblem, ConnectorBlueprint } from './types';

/** Placeholders every blueprint may use besides its own parameters. @public */
export const BUILT_IN_PLACEHOLDERS = [
  'name',
  'namespace',
  'cluster',
  'connectCluster',
] as const;

const ajv = new Ajv({ allErrors: true, strict: false });
const validateShape = ajv.compile(BLUEPRINT_JSON_SCHEMA);

/** The outcome of {@link parseBlueprint}. @public */
export type ParsedBlueprint =
  | { blueprint: ConnectorBlueprint; problems?: undefined }
  | { blueprint?: undefined; problems: BlueprintProblem[] };

function fieldOf(instancePath: string, missing?: string): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean);
  if (missing) {
    path.push(missing);
  }
  return path.join('.') || '(root)';
}

/**
 * Parses and checks one blueprint file. Problems name the file and the field,
 * so a platform team can fix a broken blueprint from the start-up log.
 * @public
 */
export function parseBlueprint(text: string, source: string): ParsedBlueprint {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: true });
  } catch (error) {
    return {
      problems: [
        { source, field: '(file)', message: `is not YAML: ${String(error)}` },
      ],
    };
  }
  if (!validateShape(data)) {
    return {
      problems: (validateShape.errors ?? []).map(error => ({
        source,
        field: fieldOf(
          error.instancePath,
          (error.params as { missingProperty?: string }).missingProperty,
        ),
        message: error.message ?? 'is invalid',
      })),
    };
  }
  const blueprint = data as unknown as ConnectorBlueprint;
  const known = new Set<string>([
    ...BUILT_IN_PLACEHOLDERS,
    ...Object.keys(blueprint.parameters.properties ?? {}),
  ]);
  const problems: BlueprintProblem[] = [];
  const checkTemplate = (field: string, value: unknown) => {
    if (typeof value !== 'string') {
      return;
    }
    for (const filter of unknownFiltersOf(value)) {
      problems.push({
        source,
        field,
        message: `uses unknown filter '${filter}'; use ${Object.keys(
          TEMPLATE_FILTERS,
        ).join(' or ')}`,
      });
    }
    for (const key of placeholdersOf(value)) {
      if (!known.has(key) || (field === 'naming' && key === 'name')) {
        problems.push({
          source,
          field,
          message: `refers to unknown placeholder '{{${key}}}'; use a parameter or one of ${BUILT_IN_PLACEHOLDERS.join(
            ', ',
          )}`,
        });
      }
    }
  };
  checkTemplate('naming', blueprint.naming);
  for (const [key, value] of Object.entries(blueprint.config)) {
    checkTemplate(`config.${key}`, value);
  }
  for (const [key, value] of Object.entries(blueprint.secrets)) {
    checkTemplate(`secrets.${key}`, value);
    if (key in blueprint.config) {
      problems.push({
        source,
        field: `secrets.${key}`,
        message: 'is also set in config; keep credentials in secrets only',
      });
    }
  }
  for (const key of blueprint.parameters.required ?? []) {
    if (!(key in (blueprint.parameters.properties ?? {}))) {
      problems.push({
        source,
        field: 'parameters.required',
        message: `names '${key}', which is not in parameters.properties`,
      });
    }
  }
  problems.push(
    ...checkCompactSettings(blueprint).map(problem => ({ source, ...problem })),
  );
  try {
    ajv.compile(blueprint.parameters);
  } catch (error) {
    problems.push({
      source,
      field: 'parameters',
      message: `is not a valid JSON schema: ${(error as Error).message}`,
    });
  }
  return problems.length ? { problems } : { blueprint };
}

/** The outcome of {@link mergeBlueprints}. @public */
export interface BlueprintSet {
  blueprints: Map<string, { blueprint: ConnectorBlueprint; source: string }>;
  problems: BlueprintProblem[];
}

/**
 * Parses blueprint files in order; a later file with the same id overrides an
 * earlier one (platform teams override built-ins). A broken file is reported
 * and skipped, the others keep working.
 * @public
 */
export function mergeBlueprints(
  files: Array<{ source: string; text: string }>,
): BlueprintSet {
  const blueprints: BlueprintSet['blueprints'] = new Map();
  const problems: BlueprintProblem[] = [];
  for (const file of files) {
    const parsed = parseBlueprint(file.text, file.source);
    if (parsed.problems) {
      problems.push(...parsed.problems);
    } else {
      blueprints.set(parsed.blueprint.id, {
        blueprint: parsed.blueprint,
        source: file.source,
      });
    }
  }
  return { blueprints, problems };
}
