import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AccountRecord } from './AccountRecord';

/** Đang hoạt động / Đã vô hiệu hóa, plus "tạm khóa" and "chờ đổi mật khẩu" when they apply. */
export const AccountStatusField = (_props: { label?: string }) => {
  const record = useRecordContext<AccountRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const locked = record.lockedUntil !== null && Date.parse(record.lockedUntil) > Date.now();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap">
      <Chip
        size="small"
        color={record.active ? 'success' : 'default'}
        label={translate(record.active ? 'danvan.accounts.status.active' : 'danvan.accounts.status.inactive')}
      />
      {locked ? <Chip size="small" color="warning" label={translate('danvan.accounts.status.locked')} /> : null}
      {record.mustChangePassword ? (
        <Chip size="small" variant="outlined" label={translate('danvan.accounts.status.temporaryPassword')} />
      ) : null}
    </Stack>
  );
};
