import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormHelperText from '@material-ui/core/FormHelperText';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { kafkaConnectApiRef } from '../../api';
import {
  checkConfig,
  type ConfigCheckOutcome,
  type KafkaConnectConfigCheckOptions,
} from './configCheck';

/** Name of the field in templates (`ui:field`). @public */
export const KAFKA_CONNECT_CONFIG_CHECK = 'KafkaConnectConfigCheck';

/** The value the field keeps, so the form runs its validation. */
const UNCHECKED = 'unchecked';

function describe(outcome: ConfigCheckOutcome): string[] {
  switch (outcome.kind) {
    case 'valid':
      return ['Kafka Connect accepts this config.'];
    case 'skipped':
      return [outcome.reason];
    default:
      return outcome.messages;
  }
}

/**
 * Shows whether the Connect cluster's own check (Kafka Connect's
 * `config/validate`) accepts the connector the form describes. The same
 * check runs when the step is left (see validateKafkaConnectConfig) and puts
 * each refused setting, with the form field it comes from, on this field.
 * @public
 */
export function KafkaConnectConfigCheck(
  props: FieldExtensionComponentProps<string, KafkaConnectConfigCheckOptions>,
) {
  const { formData, onChange, uiSchema, schema, formContext, rawErrors } =
    props;
  const api = useApi(kafkaConnectApiRef);
  const [outcome, setOutcome] = useState<ConfigCheckOutcome>();
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    // The form validates only fields that hold a value.
    if (formData === undefined) onChange(UNCHECKED);
  }, [formData, onChange]);
  const options = uiSchema?.['ui:options'] as KafkaConnectConfigCheckOptions;
  const check = async () => {
    setChecking(true);
    try {
      setOutcome(await checkConfig(api, formContext?.formData ?? {}, options));
    } finally {
      setChecking(false);
    }
  };
  const refused = outcome?.kind === 'invalid' || outcome?.kind === 'failed';
  return (
    <Box
      marginTop={2}
      marginBottom={1}
      data-testid="kafka-connect-config-check"
    >
      <Typography variant="subtitle1">
        {schema.title ?? 'Check with Kafka Connect'}
      </Typography>
      {/* Not `error`: the FormControl around the field is in error while
          Connect refuses the config, and the help text is no refusal. */}
      <FormHelperText error={false}>
        {schema.description ??
          'The Connect cluster checks the config when you continue; check it now to see its answer.'}
      </FormHelperText>
      <Button
        variant="outlined"
        size="small"
        disabled={checking}
        onClick={check}
      >
        {checking ? 'Checking…' : 'Check now'}
      </Button>
      {outcome && !(refused && (rawErrors?.length ?? 0) > 0) && (
        <Box component="ul" marginTop={1} aria-label="Kafka Connect's answer">
          {describe(outcome).map(line => (
            <FormHelperText key={line} component="li" error={refused}>
              {line}
            </FormHelperText>
          ))}
        </Box>
      )}
    </Box>
  );
}

/**
 * Validation of the field, for both frontend systems: asks Kafka Connect
 * through the backend and adds one error per refused setting, naming the
 * form field. Skipped where the portal does not check the Connect cluster.
 * @public
 */
export async function validateKafkaConnectConfig(
  _value: string | undefined,
  validation: { addError(message: string): void },
  context: {
    apiHolder: { get<T>(ref: { id: string; T: T }): T | undefined };
    formData: Record<string, any>;
    uiSchema?: { 'ui:options'?: unknown };
  },
) {
  const api = context.apiHolder.get(kafkaConnectApiRef);
  const options = context.uiSchema?.['ui:options'] as
    | KafkaConnectConfigCheckOptions
    | undefined;
  if (!api || !(options?.blueprint || options?.blueprintField)) return;
  const outcome = await checkConfig(api, context.formData, options);
  if (outcome.kind === 'invalid' || outcome.kind === 'failed') {
    for (const message of outcome.messages) validation.addError(message);
  }
}
