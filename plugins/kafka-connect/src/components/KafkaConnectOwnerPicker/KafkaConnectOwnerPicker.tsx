import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { type OwnerChoice, orderOwnerChoices } from './ownerChoices';

/** Name of the field in templates (`ui:field`). @public */
export const KAFKA_CONNECT_OWNER_PICKER = 'KafkaConnectOwnerPicker';

/** Group heading of the user's own groups in the list. */
export const YOUR_GROUPS = 'Your groups';
/** Group heading of every other group (in the portal's policy, only admins may create for them). */
export const OTHER_GROUPS = 'Other groups';

/**
 * Picks the owning group of a new connector: the signed-in user's own groups
 * first, the ones the create permission lets them pick; the other groups
 * after, for admins. The value is the group's entity ref.
 * @public
 */
export function KafkaConnectOwnerPicker(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, rawErrors, required, schema, idSchema } = props;
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [identity, groups] = await Promise.all([
      identityApi.getBackstageIdentity(),
      catalogApi.getEntities({
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.profile.displayName',
        ],
      }),
    ]);
    return orderOwnerChoices(groups.items, identity.ownershipEntityRefs);
  }, [identityApi, catalogApi]);
  const choices = value ?? [];
  const selected =
    choices.find(choice => choice.ref === formData) ??
    (formData ? { ref: formData, label: formData, mine: false } : null);
  let helper =
    schema.description ?? 'The team that owns and operates the connector.';
  if (error) helper = `Cannot list groups: ${error.message}`;
  return (
    <Autocomplete<OwnerChoice>
      id={idSchema?.$id ?? 'kafka-connect-owner'}
      options={choices}
      loading={loading}
      value={selected}
      groupBy={choice => (choice.mine ? YOUR_GROUPS : OTHER_GROUPS)}
      getOptionLabel={choice => choice.label}
      getOptionSelected={(a, b) => a.ref === b.ref}
      onChange={(_, choice) => onChange(choice?.ref ?? (undefined as never))}
      renderInput={params => (
        <TextField
          {...params}
          label={schema.title ?? 'Owner'}
          margin="normal"
          required={required}
          error={Boolean(error) || (rawErrors?.length ?? 0) > 0}
          helperText={helper}
        />
      )}
    />
  );
}
