import { useMemo, useState } from 'react';
import {
  CheckboxGroupInput,
  Create,
  SimpleForm,
  TextInput,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useGetIdentity,
  useNotify,
  usePermissions,
  useRedirect,
  type Validator,
} from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { ShowOnceDialog } from '../components/ShowOnceDialog';
import { handleSubmitError } from '../data/submitErrors';
import { VnDateInput } from '../fields/VnDateInput';
import { isIsoDate } from '../fields/vnDate';
import { todayIso } from '../fields/localDay';
import { UnitReferenceInput } from '../units/UnitReferenceInput';
import type { AccountIdentity } from '../auth/authProvider';
import type { ApiKeyWithSecret } from './ApiKeyRecord';
import { scopeChoices } from './scopes';

const validateName = [required(), maxLength(120)];
const validateUnit = required();
const validateScopes = [required(), minLength(1)];

/** The key works until the end of the day chosen, so that day may be today but not earlier. */
const notPast: Validator = (value: unknown) => (isIsoDate(value) && value < todayIso() ? 'danvan.apiKeys.expiryPast' : undefined);

/**
 * A new key for a unit's integration: name, unit, scopes (only those the signed-in account holds), and an
 * optional last day of validity. The full key is shown once, in a dialog, then only its prefix is known.
 */
export const ApiKeyCreate = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string[]>();
  const [created, setCreated] = useState<ApiKeyWithSecret | null>(null);
  const choices = useMemo(() => scopeChoices(permissions ?? []), [permissions]);
  const ownUnit = (identity as AccountIdentity | undefined)?.unitId;
  const defaultValues = useMemo(() => ({ scopes: ['units:read'], unitId: ownUnit || undefined }), [ownUnit]);

  const submit = async (values: Record<string, unknown>) => {
    try {
      setCreated(await dataProvider.createApiKey(values));
      return undefined;
    } catch (error) {
      return handleSubmitError(error, notify);
    }
  };

  return (
    <Create>
      <SimpleForm onSubmit={submit} defaultValues={defaultValues}>
        <TextInput source="name" validate={validateName} helperText="danvan.apiKeys.nameHelp" />
        <UnitReferenceInput source="unitId" validate={validateUnit} sx={{ minWidth: 360 }} />
        <CheckboxGroupInput source="scopes" choices={choices} translateChoice={false} validate={validateScopes} row={false} />
        <VnDateInput source="expiresAt" validate={notPast} helperText="danvan.apiKeys.expiryHelp" />
      </SimpleForm>
      {created ? (
        <ShowOnceDialog
          open
          title="danvan.apiKeys.created.title"
          description="danvan.apiKeys.created.description"
          descriptionArgs={{ name: created.apiKey.name }}
          secretLabel="danvan.apiKeys.secret"
          secret={created.secret}
          onClose={() => {
            setCreated(null);
            notify('resources.api-keys.notifications.created', { type: 'success' });
            redirect('list', 'api-keys');
          }}
        />
      ) : null}
    </Create>
  );
};
