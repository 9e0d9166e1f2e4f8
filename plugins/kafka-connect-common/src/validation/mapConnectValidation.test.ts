import { loadBuiltIn } from '../blueprints/__fixtures__/builtIns';
import { FILE_SOURCE_TWO_ERRORS } from './__fixtures__/connectAnswers';
import { FILE_SOURCE_BLUEPRINT } from './__fixtures__/fileSourceBlueprint';
import {
  mapConnectValidation,
  validationFieldErrors,
} from './mapConnectValidation';
import type { ConnectValidationAnswer } from './types';

function answer(
  errors: Record<string, string[]>,
  types: Record<string, string> = {},
): ConnectValidationAnswer {
  return {
    error_count: Object.values(errors).flat().length,
    configs: Object.entries(errors).map(([name, messages]) => ({
      definition: { name, type: types[name] ?? 'STRING' },
      value: { name, value: 'echoed-value', errors: messages },
    })),
  };
}

describe('mapConnectValidation', () => {
  it("places a real Connect answer's errors on the form parameters they come from", () => {
    const result = mapConnectValidation(FILE_SOURCE_TWO_ERRORS, {
      blueprint: FILE_SOURCE_BLUEPRINT,
      sentConfig: { topic: '', 'batch.size': 'lots', file: 'a.txt' },
    });
    expect(result).toEqual({
      valid: false,
      errorCount: 2,
      errors: [
        {
          field: 'parameters.topic',
          fields: ['parameters.topic'],
          configKey: 'topic',
          message:
            'Invalid value  for configuration topic: String must be non-empty',
        },
        {
          field: 'parameters.batchSize',
          fields: ['parameters.batchSize'],
          configKey: 'batch.size',
          message:
            'Invalid value lots for configuration batch.size: Not a number of type INT',
        },
      ],
    });
  });

  it('is valid when Connect counts no error', () => {
    expect(
      mapConnectValidation(
        { error_count: 0, configs: [{ value: { name: 'topic', errors: [] } }] },
        { blueprint: FILE_SOURCE_BLUEPRINT, sentConfig: {} },
      ),
    ).toEqual({ valid: true, errorCount: 0, errors: [] });
  });

  it('names every parameter a value is built from, the first as the field', () => {
    const blueprint = loadBuiltIn('debezium-postgres-source');
    const [error] = mapConnectValidation(
      answer({ 'slot.name': ['Invalid value x for configuration slot.name'] }),
      { blueprint, sentConfig: {} },
    ).errors;
    expect(error.field).toBe('parameters.instance');
    expect(error.fields).toEqual([
      'parameters.instance',
      'parameters.database',
      'parameters.table',
      'parameters.version',
    ]);
  });

  it('says the blueprint is at fault for a value it fixes, and for a required key it lacks', () => {
    const { errors } = mapConnectValidation(
      answer({
        'errors.tolerance': [
          'Invalid value none2 for configuration errors.tolerance',
        ],
        'key.converter': ['Missing required configuration "key.converter"'],
      }),
      { blueprint: FILE_SOURCE_BLUEPRINT, sentConfig: {} },
    );
    expect(errors.map(e => [e.field, e.message])).toEqual([
      [
        'config.errors.tolerance',
        "Invalid value none2 for configuration errors.tolerance (blueprint 'file-source' sets errors.tolerance; its maintainers must fix it, or override it in configOverrides)",
      ],
      [
        'config.key.converter',
        'Missing required configuration "key.converter" (blueprint \'file-source\' does not set key.converter; add it to the blueprint or give it in configOverrides)',
      ],
    ]);
  });

  it('puts tasks.max on tasksMax and overrides on configOverrides', () => {
    const { errors } = mapConnectValidation(
      answer({
        'tasks.max': [
          'Invalid value 0 for configuration tasks.max: Value must be at least 1',
        ],
        'poll.interval.ms': ['Not a number'],
      }),
      {
        blueprint: FILE_SOURCE_BLUEPRINT,
        sentConfig: {},
        configOverrides: { 'poll.interval.ms': 'soon' },
      },
    );
    expect(errors.map(e => e.field)).toEqual([
      'tasksMax',
      'configOverrides.poll.interval.ms',
    ]);
  });

  it('names config keys of a manifest without a blueprint', () => {
    const { errors } = mapConnectValidation(answer({ topic: ['empty'] }), {
      sentConfig: {},
    });
    expect(errors[0]).toMatchObject({
      field: 'config.topic',
      message: 'empty',
    });
  });

  it('never shows a secret: not the echoed value, not a reference, not a resolved credential', () => {
    const sentConfig = {
      'database.password': '${secrets:shop/db:password}',
      'database.port': '${secretManager:shop:PORT}',
      'api.token': 'literal-token-secret',
    };
    const result = mapConnectValidation(
      answer(
        {
          'database.password': [
            'Invalid value hunter2 for configuration database.password',
          ],
          'database.port': [
            'Invalid value 54x for configuration database.port: Not a number of type INT',
          ],
          'database.user': ['token literal-token-secret is unknown'],
          'database.dbname': [
            'Invalid value ${secrets:shop/db:password} for configuration database.dbname',
          ],
        },
        { 'database.password': 'PASSWORD' },
      ),
      { blueprint: loadBuiltIn('debezium-postgres-source'), sentConfig },
    );
    const text = JSON.stringify(result);
    for (const secret of [
      'hunter2',
      '54x',
      'literal-token-secret',
      '${secrets:',
      '${secretManager:',
      'echoed-value',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(result.errors.map(e => e.field)).toEqual([
      'parameters.instance',
      'parameters.instance',
      'parameters.instance',
      'parameters.database',
    ]);
  });

  it('lists a message Connect repeats for one setting once (Debezium does for database.port)', () => {
    const twice =
      "The 'database.port' value is invalid: An integer is expected";
    const { errors } = mapConnectValidation(
      answer({
        'database.port': [twice, twice],
        'database.hostname': ['first', 'second'],
      }),
      {
        blueprint: loadBuiltIn('debezium-postgres-source'),
        sentConfig: { 'database.port': '${secretManager:shop:PORT}' },
      },
    );
    expect(errors.map(e => [e.configKey, e.message])).toEqual([
      ['database.port', twice],
      ['database.hostname', 'first'],
      ['database.hostname', 'second'],
    ]);
  });

  it('reports an error count without named settings as an error of the config', () => {
    expect(
      mapConnectValidation({ error_count: 1, configs: [] }, { sentConfig: {} })
        .errors,
    ).toEqual([
      {
        field: 'config',
        fields: ['config'],
        configKey: '',
        message: 'Kafka Connect counted 1 error(s) but named no setting',
      },
    ]);
  });

  it('tolerates an answer without configs or errors arrays', () => {
    expect(
      mapConnectValidation(
        {
          error_count: 0,
          configs: [{ value: { name: 'a' } }],
        } as ConnectValidationAnswer,
        { sentConfig: {} },
      ).valid,
    ).toBe(true);
    expect(
      mapConnectValidation({ error_count: 0 } as ConnectValidationAnswer, {
        sentConfig: {},
      }).valid,
    ).toBe(true);
  });
});

describe('validationFieldErrors', () => {
  it('names the fields and the config key in each line', () => {
    expect(
      validationFieldErrors([
        {
          field: 'parameters.table',
          fields: ['parameters.table', 'parameters.version'],
          configKey: 'slot.name',
          message: 'too long',
        },
        { field: 'config', fields: ['config'], configKey: '', message: 'n' },
      ]),
    ).toEqual([
      {
        field: 'parameters.table, parameters.version',
        message: '(slot.name) is refused by Kafka Connect: too long',
      },
      { field: 'config', message: 'is refused by Kafka Connect: n' },
    ]);
  });
});
