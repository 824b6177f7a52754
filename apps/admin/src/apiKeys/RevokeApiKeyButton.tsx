import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import { Button, Confirm, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { notifyError } from '../data/submitErrors';
import { apiKeyStatus, type ApiKeyRecord } from './ApiKeyRecord';

/** "Thu hồi": after a confirmation the key stops working at once, for good. Only on keys still in use. */
export const RevokeApiKeyButton = (_props: { label?: string }) => {
  const record = useRecordContext<ApiKeyRecord>();
  const { canAccess } = useCanAccess({ resource: 'api-keys', action: 'revoke', record });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);
  if (!record || !canAccess || apiKeyStatus(record) !== 'active') return null;

  const revoke = async () => {
    setWorking(true);
    try {
      await dataProvider.revokeApiKey(record.id);
      notify('resources.api-keys.notifications.revoked', { type: 'success', messageArgs: { name: record.name } });
      refresh();
    } catch (error) {
      notifyError(error, notify);
    } finally {
      setWorking(false);
      setConfirming(false);
    }
  };

  return (
    <>
      <Button
        label="danvan.apiKeys.revoke.action"
        color="error"
        onClick={(event) => {
          event.stopPropagation();
          setConfirming(true);
        }}
        disabled={working}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={confirming}
        loading={working}
        title="danvan.apiKeys.revoke.title"
        content="danvan.apiKeys.revoke.content"
        translateOptions={{ name: record.name }}
        confirm="danvan.apiKeys.revoke.confirm"
        confirmColor="warning"
        onConfirm={() => void revoke()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
