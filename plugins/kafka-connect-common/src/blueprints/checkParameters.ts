import Ajv, { type ValidateFunction } from 'ajv';
import { UNSAFE_TEXT } from './fieldChecks';
import type { ConnectorBlueprint, FieldError } from './types';

// useDefaults fills parameters the form left out from the schema's defaults.
const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });
const parameterValidators = new WeakMap<ConnectorBlueprint, ValidateFunction>();

function parameterValidator(blueprint: ConnectorBlueprint): ValidateFunction {
  let validate = parameterValidators.get(blueprint);
  if (!validate) {
    validate = ajv.compile({
      additionalProperties: false,
      ...blueprint.parameters,
    });
    parameterValidators.set(blueprint, validate);
  }
  return validate;
}

/**
 * Checks the form parameters against the blueprint's JSON schema. Returns
 * them with the schema's defaults filled in (a copy: the request is left as
 * it is), and one error per parameter at fault.
 */
export function checkParameters(
  blueprint: ConnectorBlueprint,
  parameters: unknown,
): { values: Record<string, unknown>; errors: FieldError[] } {
  if (
    typeof parameters !== 'object' ||
    parameters === null ||
    Array.isArray(parameters)
  ) {
    return {
      values: {},
      errors: [{ field: 'parameters', message: 'must be an object' }],
    };
  }
  const values: Record<string, unknown> = { ...parameters };
  const errors: FieldError[] = [];
  const validate = parameterValidator(blueprint);
  if (!validate(values)) {
    for (const error of validate.errors ?? []) {
      const params = error.params as {
        missingProperty?: string;
        additionalProperty?: string;
      };
      const extra = params.additionalProperty;
      const key =
        params.missingProperty ??
        // an empty key still needs a visible name
        (extra === '' ? '""' : extra) ??
        error.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const hint =
        extra !== undefined
          ? `is not a parameter of blueprint '${blueprint.id}'; remove it`
          : error.message ?? 'is invalid';
      errors.push({
        field: key ? `parameters.${key}` : 'parameters',
        message: hint,
      });
    }
  }
  for (const [key, value] of Object.entries(parameters)) {
    if (typeof value === 'string' && UNSAFE_TEXT.test(value)) {
      errors.push({
        field: `parameters.${key}`,
        message: 'holds a control character or line break; remove it',
      });
    }
  }
  return { values, errors };
}
