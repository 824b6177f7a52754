import { useState } from 'react';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Button, Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { ShowOnceDialog } from '../components/ShowOnceDialog';
import { notifyError } from '../data/submitErrors';
import type { AccountRecord } from './AccountRecord';

/**
 * "Cấp lại mật khẩu": after a confirmation, the server replaces the password with a one-time one (shown
 * once) and ends every session of the account.
 */
export const ResetPasswordButton = () => {
  const record = useRecordContext<AccountRecord>();
  const { canAccess } = useCanAccess({ resource: 'accounts', action: 'resetPassword', record });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  if (!record || !canAccess) return null;

  const reset = async () => {
    setWorking(true);
    try {
      const answer = await dataProvider.resetAccountPassword(record.id);
      setPassword(answer.oneTimePassword);
    } catch (error) {
      notifyError(error, notify);
    } finally {
      setWorking(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <Button label="danvan.accounts.resetPassword.action" onClick={() => setConfirming(true)} disabled={working}>
        <LockResetIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={working}
        title="danvan.accounts.resetPassword.title"
        content="danvan.accounts.resetPassword.content"
        translateOptions={{ username: record.username, name: record.displayName }}
        confirm="danvan.accounts.resetPassword.confirm"
        onConfirm={() => void reset()}
        onClose={() => setConfirming(false)}
      />
      {password ? (
        <ShowOnceDialog
          open
          title="danvan.accounts.resetPassword.doneTitle"
          description="danvan.accounts.resetPassword.doneDescription"
          descriptionArgs={{ username: record.username, name: record.displayName }}
          secretLabel="danvan.accounts.oneTimePassword"
          secret={password}
          onClose={() => {
            setPassword(null);
            refresh();
          }}
        />
      ) : null}
    </>
  );
};
