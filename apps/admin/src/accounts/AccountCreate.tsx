import { useState } from 'react';
import { Create, SimpleForm, useDataProvider, useNotify, useRedirect } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { ShowOnceDialog } from '../components/ShowOnceDialog';
import { handleSubmitError } from '../data/submitErrors';
import type { AccountWithPassword } from './AccountRecord';
import { AccountInputs } from './AccountInputs';

const defaultValues = { role: 'SECRETARIAT' };

/**
 * A new account gets a one-time password from the server, shown once in a dialog to hand over; the
 * person must change it at the first sign-in.
 */
export const AccountCreate = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [created, setCreated] = useState<AccountWithPassword | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    try {
      setCreated(await dataProvider.createAccount(values));
      return undefined;
    } catch (error) {
      return handleSubmitError(error, notify);
    }
  };

  return (
    <Create>
      <SimpleForm onSubmit={submit} defaultValues={defaultValues}>
        <AccountInputs creating />
      </SimpleForm>
      {created ? (
        <ShowOnceDialog
          open
          title="danvan.accounts.created.title"
          description="danvan.accounts.created.description"
          descriptionArgs={{ username: created.account.username, name: created.account.displayName }}
          secretLabel="danvan.accounts.oneTimePassword"
          secret={created.oneTimePassword}
          onClose={() => {
            setCreated(null);
            notify('resources.accounts.notifications.created', { type: 'success' });
            redirect('list', 'accounts');
          }}
        />
      ) : null}
    </Create>
  );
};
