import { Typography } from '@mui/material';
import {
  BooleanInput,
  Edit,
  Labeled,
  ListButton,
  SaveButton,
  SimpleForm,
  Toolbar,
  TopToolbar,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { VnDateField } from '../fields/VnDateField';
import { notifyError } from '../data/submitErrors';
import type { AccountRecord } from './AccountRecord';
import { AccountInputs } from './AccountInputs';
import { ACCOUNT_VERSION_CONFLICT_MESSAGE } from './accountData';
import { ResetPasswordButton } from './ResetPasswordButton';

const AccountEditActions = () => (
  <TopToolbar>
    <ListButton />
    <ResetPasswordButton />
  </TopToolbar>
);

/** Accounts are never deleted (their history stays): they are deactivated with the switch above. */
const AccountEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The form's inputs, knowing whether the account is the signed-in one (no own role change, no own deactivation). */
const AccountEditInputs = () => {
  const record = useRecordContext<AccountRecord>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const self = record !== undefined && identity?.id === record.id;
  return (
    <>
      <AccountInputs self={self} />
      <BooleanInput source="active" disabled={self} helperText={self ? 'danvan.accounts.ownActive' : 'danvan.accounts.activeHelp'} />
      <Labeled source="lastLoginAt">
        <VnDateField source="lastLoginAt" showTime emptyText={translate('danvan.accounts.neverSignedIn')} />
      </Labeled>
      {record?.mustChangePassword ? (
        <Typography variant="body2" color="text.secondary">
          {translate('danvan.accounts.status.temporaryPassword')}
        </Typography>
      ) : null}
    </>
  );
};

/**
 * Pessimistic like the units: the save reaches the server before leaving, with the version read
 * (expectedVersion), so a concurrent edit is refused with a clear message and the form is kept.
 */
export const AccountEdit = () => {
  const notify = useNotify();
  const onError = (error: unknown) => {
    // Field errors are shown beside the inputs by the form itself.
    if (error instanceof Error && 'body' in error && (error as { body?: { errors?: unknown } }).body?.errors) return;
    notifyError(error, notify, [ACCOUNT_VERSION_CONFLICT_MESSAGE]);
  };
  return (
    <Edit mutationMode="pessimistic" redirect="list" mutationOptions={{ onError }} actions={<AccountEditActions />}>
      <SimpleForm resetOptions={{ keepDirtyValues: true }} toolbar={<AccountEditToolbar />}>
        <AccountEditInputs />
      </SimpleForm>
    </Edit>
  );
};
