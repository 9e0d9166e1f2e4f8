/** Parameters of the suite's ownership rules. @public */
export type OwnedByUserParams = {
  /** Entity refs of the caller and their groups (`user.info.ownershipEntityRefs`). */
  claims: string[];
};

const CLAIMS_JSON_SCHEMA = {
  type: 'object',
  properties: {
    claims: {
      type: 'array',
      items: { type: 'string' },
      description:
        'Entity refs of the caller and their groups, e.g. user.info.ownershipEntityRefs',
    },
  },
  required: ['claims'],
  additionalProperties: false,
};

function isClaims(value: unknown): value is OwnedByUserParams {
  const claims = (value as { claims?: unknown } | null)?.claims;
  return (
    Array.isArray(claims) && claims.every(claim => typeof claim === 'string')
  );
}

/** A Standard Schema (with JSON Schema) written out, for one array of strings. */
export const claimsParamsSchema = {
  '~standard': {
    version: 1 as const,
    vendor: 'kafka-connect',
    validate: (value: unknown) =>
      isClaims(value)
        ? { value }
        : {
            issues: [
              {
                message: "'claims' must be an array of entity ref strings",
                path: ['claims'],
              },
            ],
          },
    jsonSchema: {
      input: () => CLAIMS_JSON_SCHEMA,
      output: () => CLAIMS_JSON_SCHEMA,
    },
  },
};
