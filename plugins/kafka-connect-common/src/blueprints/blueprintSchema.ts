/**
 * The JSON schema every blueprint file must satisfy. Exported so editors and
 * CI in platform teams' repositories can validate their own blueprints.
 * @public
 */
export const BLUEPRINT_JSON_SCHEMA = {
  $id: 'https://kafka-connect.dev/schemas/connector-blueprint.json',
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'title',
    'description',
    'connector',
    'parameters',
    'naming',
    'config',
    'secrets',
    'defaults',
    'helmValues',
  ],
  properties: {
    apiVersion: { const: 'kafka-connect.dev/v1' },
    kind: { const: 'ConnectorBlueprint' },
    id: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$' },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    connector: {
      type: 'object',
      additionalProperties: false,
      required: ['class', 'type', 'plugin'],
      properties: {
        class: { type: 'string', pattern: '^[A-Za-z_$][\\w$.]*$' },
        type: { enum: ['source', 'sink'] },
        plugin: { type: 'string', pattern: '^[A-Za-z_$][\\w$.]*$' },
      },
    },
    parameters: {
      type: 'object',
      required: ['type', 'properties'],
      properties: {
        type: { const: 'object' },
        properties: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['type'],
            properties: { type: { enum: ['string', 'integer', 'boolean'] } },
          },
        },
        required: { type: 'array', items: { type: 'string' } },
      },
    },
    naming: { type: 'string', minLength: 1 },
    config: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
    },
    secrets: {
      type: 'object',
      additionalProperties: { type: 'string', pattern: '^\\$\\{.+\\}$' },
    },
    defaults: {
      type: 'object',
      additionalProperties: false,
      required: ['tasksMax', 'state'],
      properties: {
        tasksMax: { type: 'integer', minimum: 1, maximum: 1000 },
        state: { enum: ['running', 'paused', 'stopped'] },
      },
    },
    helmValues: {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'entry'],
      properties: {
        path: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', minLength: 1 },
        },
        entry: { type: 'object' },
        style: { enum: ['full', 'compact'] },
        name: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
