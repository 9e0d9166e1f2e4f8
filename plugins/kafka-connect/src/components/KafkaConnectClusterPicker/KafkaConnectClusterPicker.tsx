import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { ConnectClusterSummary } from '@kcs/plugin-kafka-connect-common';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import useAsync from 'react-use/esm/useAsync';
import { kafkaConnectApiRef } from '../../api';

/** The value of the field: where the connector runs. @public */
export interface KafkaConnectClusterChoice {
  cluster: string;
  namespace: string;
  name: string;
}

/** `ui:options` of the field. @public */
export interface KafkaConnectClusterPickerOptions {
  /** Connector plugin class the Connect cluster must have installed. */
  requiredPlugin?: string;
}

/** Name of the field in templates (`ui:field`). @public */
export const KAFKA_CONNECT_CLUSTER_PICKER = 'KafkaConnectClusterPicker';

const keyOf = (choice?: Partial<KafkaConnectClusterChoice>) =>
  choice?.cluster && choice.namespace && choice.name
    ? `${choice.cluster}/${choice.namespace}/${choice.name}`
    : '';

/** Why a Connect cluster cannot take the connector, or undefined when it can. */
function unusableReason(
  connect: ConnectClusterSummary,
  requiredPlugin?: string,
): string | undefined {
  if (!connect.ready) return 'not ready';
  if (!connect.connectorResourcesEnabled)
    return 'does not manage KafkaConnectors';
  if (
    requiredPlugin &&
    !connect.plugins.some(p => p.class === requiredPlugin)
  ) {
    return `lacks ${requiredPlugin.split('.').pop()}`;
  }
  return undefined;
}

/**
 * Picks the KafkaConnect cluster a new connector runs on, from what the
 * kafka-connect backend sees; clusters that are not ready or lack the
 * blueprint's plugin are listed but marked and cannot be picked.
 * @public
 */
export function KafkaConnectClusterPicker(
  props: FieldExtensionComponentProps<
    KafkaConnectClusterChoice,
    KafkaConnectClusterPickerOptions
  >,
) {
  const { formData, onChange, uiSchema, rawErrors, required, schema } = props;
  const requiredPlugin = uiSchema?.['ui:options']?.requiredPlugin;
  const api = useApi(kafkaConnectApiRef);
  const { value, loading, error } = useAsync(() => api.getClusters(), [api]);
  const options = (value?.items ?? []).flatMap(cluster =>
    cluster.connectClusters
      .filter(connect => connect.kind === 'KafkaConnect')
      .map(connect => ({
        key: keyOf({
          cluster: cluster.name,
          namespace: connect.namespace,
          name: connect.name,
        }),
        choice: {
          cluster: cluster.name,
          namespace: connect.namespace,
          name: connect.name,
        },
        reason: unusableReason(connect, requiredPlugin),
      })),
  );
  let helper =
    schema.description ?? 'The KafkaConnect cluster that runs the connector.';
  if (error) helper = `Cannot list Connect clusters: ${error.message}`;
  else if (!loading && options.length === 0)
    helper = 'No Connect clusters found.';
  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={Boolean(error) || (rawErrors?.length ?? 0) > 0}
    >
      <InputLabel id="kafka-connect-cluster-label">
        {schema.title ?? 'Connect cluster'}
      </InputLabel>
      <Select
        labelId="kafka-connect-cluster-label"
        value={keyOf(formData)}
        disabled={loading}
        onChange={event => {
          const picked = options.find(o => o.key === event.target.value);
          if (picked) onChange(picked.choice);
        }}
      >
        {options.map(option => (
          <MenuItem
            key={option.key}
            value={option.key}
            disabled={Boolean(option.reason)}
          >
            {option.key}
            {option.reason ? ` (${option.reason})` : ''}
          </MenuItem>
        ))}
      </Select>
      <FormHelperText>{helper}</FormHelperText>
    </FormControl>
  );
}

/** Validation of the field, for both frontend systems. @public */
export function validateKafkaConnectClusterChoice(
  value: KafkaConnectClusterChoice | undefined,
  validation: { addError(message: string): void },
) {
  if (value && !keyOf(value)) {
    validation.addError(
      'Pick a Connect cluster: cluster, namespace and name are all needed.',
    );
  }
}
