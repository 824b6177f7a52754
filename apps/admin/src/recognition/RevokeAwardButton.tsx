import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import { Button, TextInput, maxLength, required, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { RECOGNITION_LIMITS } from '@danvan/contracts';
import type { AppDataProvider } from '../dataProvider';
import { RESOURCES } from '../auth/access';
import { FormDialog } from '../components/FormDialog';
import { text } from '../data/values';
import type { AwardRecord } from './recognitionData';

const validateReason = [required(), maxLength(RECOGNITION_LIMITS.reasonMaxLength)];

/**
 * "Thu hồi khen thưởng" with its reason (an award obtained by fraud, a decision issued in error): the award
 * stays listed, marked revoked. Offered only where the server says the reader may revoke it (`canRevoke`:
 * it manages the emulation over the issuing unit's subtree, and the award is in force); emulation:manage
 * alone is not enough, since the server refuses a revocation outside the issuer's subtree.
 */
export const RevokeAwardButton = () => {
  const record = useRecordContext<AwardRecord>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record || record.canRevoke !== true || record.revoked) return null;

  return (
    <>
      <Button label="danvan.awards.revoke" color="error" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <FormDialog
        open={open}
        title="danvan.awards.revokeTitle"
        titleArgs={{ title: record.title.name, year: record.year }}
        confirmLabel="danvan.awards.revokeConfirm"
        defaultValues={{ reason: '' }}
        maxWidth="sm"
        onClose={() => setOpen(false)}
        onRefused={refresh}
        onSubmit={async (values) => {
          await dataProvider.revokeAward(record.id, record.version, text(values.reason));
          notify('danvan.awards.revokedDone', { type: 'success' });
          setOpen(false);
          refresh();
        }}
      >
        <TextInput source="reason" resource={RESOURCES.awards} validate={validateReason} multiline minRows={3} fullWidth />
      </FormDialog>
    </>
  );
};
